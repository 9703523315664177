package org.sanctuary.assessment.engine;

import java.util.List;
import java.util.Map;

/**
 * One rule of DOMAIN.md as a function of the case and of the findings before it. {@code euOnly}
 * marks the QD-* and CJEU-* rules, in scope only under EU_QD_2011_95 (S1); {@code facts} are the
 * material facts it may rely on.
 */
public record Rule(String id, String title, boolean euOnly, List<String> facts, Function function) {

    @FunctionalInterface
    interface Function {
        Verdict apply(Case c, Map<String, Verdict> earlier);
    }
}
