package org.sanctuary.assessment.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * The engine's answer: a recommendation (a person decides), the Convention grounds, whether return
 * is barred (ECHR-3), every finding with its reasons, what is missing, and the appeal period.
 */
public record Assessment(Recommendation recommendation, List<Ground> grounds, boolean nonRefoulement,
                        List<Finding> findings, List<String> missing, LocalDate assessmentDate,
                        PolicyPack.LegalFramework legalFramework, String packVersion, Appeal appeal) {

    /** Days to appeal under the pack, and the last day if the decision were notified on the assessment date. */
    public record Appeal(Integer days, LocalDate deadline) {
    }

    public List<String> rulesMet() {
        return findings.stream().filter(Finding::met).map(Finding::rule).toList();
    }

    /**
     * The rules met that reveal no special category ({@link Rules#REVEALING}): all that may leave the
     * assessment in clear — in events, in the plain columns, in reports. The sealed result keeps every finding.
     */
    public List<String> reportableRulesMet() {
        return rulesMet().stream().filter(rule -> !Rules.REVEALING.contains(rule)).toList();
    }
}
