package org.sanctuary.reporting.report;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.common.platform.PolicyInForce;

import java.util.ArrayList;
import java.util.List;

/** The caller's pack in force (read with the caller's token): small-cell threshold, rounding, what counts as positive. */
@Singleton
public class PackRules {

    public record Rules(int threshold, int rounding, List<String> positive) {
        static final Rules DEFAULT = new Rules(5, 1, List.of("REFUGEE_STATUS", "SUBSIDIARY_PROTECTION"));
    }

    private final PolicyInForce policy;

    public PackRules(PolicyInForce policy) {
        this.policy = policy;
    }

    public Rules of(String authorization) {
        JsonNode pack = policy.document(authorization, null).orElse(null);
        JsonNode reporting = pack == null ? null : pack.get("reporting");
        JsonNode positive = pack == null || pack.get("recognitionRate") == null ? null : pack.get("recognitionRate").get("positive");
        List<String> outcomes = new ArrayList<>();
        if (positive != null) {
            positive.values().forEach(v -> outcomes.add(v.getStringValue()));
        }
        return new Rules(reporting == null ? Rules.DEFAULT.threshold() : reporting.get("smallCellThreshold").getIntValue(),
                reporting == null ? Rules.DEFAULT.rounding() : reporting.get("rounding").getIntValue(),
                outcomes.isEmpty() ? Rules.DEFAULT.positive() : outcomes);
    }
}
