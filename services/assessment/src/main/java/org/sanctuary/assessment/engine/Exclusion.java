package org.sanctuary.assessment.engine;

import java.util.List;

/** The rules of DOMAIN.md step 6 (S13): exclusion from refugee status and from subsidiary protection. */
final class Exclusion {

    private Exclusion() {
    }

    /** {@code rule}: RC-1F, QD-12 or QD-17; the catalogue names its source (Art 1F of the Convention, Art 12(2) QD, Art 17 QD). */
    static Verdict exclusion(Case c, String rule) {
        List<String> indicators = c.military.exclusionIndicators();
        if (indicators.isEmpty()) {
            return Verdict.of(Truth.FALSE, List.of(), Reason.of("exclusion.none"));
        }
        return Verdict.of(Truth.TRUE, List.of(), Reason.of("exclusion.indicated", "source", Reason.of("exclusion.source." + rule),
                "indicators", indicators));
    }
}
