package org.sanctuary.intake.claim.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caseworker's credibility findings, one per material fact. The engine never decides
 * credibility; a claimed fact without an entry is reported as missing.
 */
public final class Credibility {

    public enum Assessment { ACCEPTED, REJECTED, BENEFIT_OF_DOUBT }

    public static final Set<String> MATERIAL_FACTS = Set.of("militaryStatus", "callUp", "unit", "desertion",
            "objection", "ethnicity", "lgbtqi", "politicalActivity", "illTreatment");

    private Credibility() {
    }

    /** A finding that cannot be recorded: on {@code fact}, because {@code reason}. */
    public record Invalid(String fact, String reason) {
    }

    /** Findings on keys that are not material facts, or without a value (the values' enum is checked by the JSON binding). */
    public static List<Invalid> check(Map<String, Assessment> credibility) {
        List<Invalid> violations = new ArrayList<>();
        for (Map.Entry<String, Assessment> entry : credibility.entrySet()) {
            String key = entry.getKey();
            if (entry.getValue() == null) {
                violations.add(new Invalid(key, "must be one of " + List.of(Assessment.values())));
            }
            if (!MATERIAL_FACTS.contains(key)) {
                violations.add(new Invalid(key, "is not a material fact; one of " + MATERIAL_FACTS.stream().sorted().toList()));
            }
        }
        return violations;
    }
}
