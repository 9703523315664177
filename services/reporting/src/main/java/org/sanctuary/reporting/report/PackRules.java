package org.sanctuary.reporting.report;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.common.platform.PolicyInForce;

import java.util.ArrayList;
import java.util.List;

/**
 * The caller's pack in force (read with the caller's token): small-cell threshold, rounding, what
 * counts as positive. The threshold never falls under the platform floor ({@value #THRESHOLD_FLOOR}),
 * whatever the pack says — packs published before the schema bounded it may say less (docs/reporting.md).
 */
@Singleton
public class PackRules {

    /** The platform's small-cell floor: no pack lowers it. */
    public static final int THRESHOLD_FLOOR = 5;

    public record Rules(int threshold, int rounding, List<String> positive) {
        static final Rules DEFAULT = new Rules(THRESHOLD_FLOOR, 1, List.of("REFUGEE_STATUS", "SUBSIDIARY_PROTECTION"));
    }

    private final PolicyInForce policy;

    public PackRules(PolicyInForce policy) {
        this.policy = policy;
    }

    public Rules of(String authorization) {
        return rulesOf(policy.document(authorization, null).orElse(null));
    }

    /** The rules a pack document (null: none in force) gives, the threshold raised to the floor. */
    static Rules rulesOf(JsonNode pack) {
        JsonNode reporting = pack == null ? null : pack.get("reporting");
        JsonNode positive = pack == null || pack.get("recognitionRate") == null ? null : pack.get("recognitionRate").get("positive");
        List<String> outcomes = new ArrayList<>();
        if (positive != null) {
            positive.values().forEach(v -> outcomes.add(v.getStringValue()));
        }
        int threshold = reporting == null || reporting.get("smallCellThreshold") == null ? Rules.DEFAULT.threshold()
                : reporting.get("smallCellThreshold").getIntValue();
        return new Rules(Math.max(THRESHOLD_FLOOR, threshold),
                reporting == null ? Rules.DEFAULT.rounding() : reporting.get("rounding").getIntValue(),
                outcomes.isEmpty() ? Rules.DEFAULT.positive() : outcomes);
    }
}
