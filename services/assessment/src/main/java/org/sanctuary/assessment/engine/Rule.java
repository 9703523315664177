package org.sanctuary.assessment.engine;

import java.util.List;
import java.util.Map;

/**
 * One rule of DOMAIN.md as a function of the case and of the findings before it. {@code euOnly}
 * marks the QD-* and CJEU-* rules, in scope only under EU_QD_2011_95 (S1); {@code facts} are the
 * material facts it may rely on.
 */
public record Rule(String id, String title, boolean euOnly, List<String> facts, Function function) {

    /** The applicant's special-category facts (GDPR Art 9): sealed in intake, never in clear outside this service. */
    public static final java.util.Set<String> SPECIAL_CATEGORY_FACTS = java.util.Set.of("ethnicity", "religion", "lgbtqi",
            "politicalActivity", "health");

    /**
     * True when the rule relies on a special-category fact, so that its being met can reveal one (CJEU-ABC is
     * met exactly when the applicant declared lgbtqi). Such a rule id never leaves the assessment in clear.
     */
    public boolean revealsSpecialCategory() {
        return facts.stream().anyMatch(SPECIAL_CATEGORY_FACTS::contains);
    }

    @FunctionalInterface
    interface Function {
        Verdict apply(Case c, Map<String, Verdict> earlier);
    }
}
