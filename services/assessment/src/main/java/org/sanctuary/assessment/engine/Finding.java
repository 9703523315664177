package org.sanctuary.assessment.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * What one rule concluded on one assessment, and why: readable reasons citing rule and source, the
 * material facts relied on (never a REJECTED one), the evidence behind them, the COI consulted.
 * {@code reasonCodes} are the reasons as data ({@link Reason}); {@code title} and {@code reasons} are
 * their text in one language ({@link Reasons#in}). Assessments stored before the codes have text only.
 */
public record Finding(String rule, String title, Result result, List<String> reasons, List<Reason> reasonCodes,
                      List<String> facts, List<String> evidence, List<CoiReference> coi, String packVersion) {

    public enum Result { MET, NOT_MET, UNDETERMINED, NOT_APPLICABLE }

    public record CoiReference(String country, LocalDate asOf, List<String> sources) {
    }

    public boolean met() {
        return result == Result.MET;
    }
}
