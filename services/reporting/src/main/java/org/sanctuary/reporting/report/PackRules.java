package org.sanctuary.reporting.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.sanctuary.common.platform.PolicyInForce;
import org.sanctuary.contracts.pack.PackSections;

import java.util.List;

/**
 * The caller's pack in force (read from the tenants service as the caller): small-cell threshold, rounding, what
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

    public Rules of() {
        return rulesOf(policy.document(null, PackSections.class).orElse(null));
    }

    /** The rules a pack (null: none in force) gives, the threshold raised to the floor. */
    static Rules rulesOf(@Nullable PackSections pack) {
        PackSections.ReportingRules reporting = pack == null ? null : pack.reporting();
        List<String> positive = pack == null || pack.recognitionRate() == null ? List.of() : pack.recognitionRate().positive();
        return new Rules(Math.max(THRESHOLD_FLOOR, reporting == null ? Rules.DEFAULT.threshold() : reporting.smallCellThreshold()),
                reporting == null ? Rules.DEFAULT.rounding() : reporting.rounding(),
                positive.isEmpty() ? Rules.DEFAULT.positive() : positive);
    }
}
