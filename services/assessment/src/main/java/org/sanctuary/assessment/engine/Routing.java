package org.sanctuary.assessment.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The rules of DOMAIN.md step 0 (routing): whether a temporary protection scheme is the route. */
final class Routing {

    private Routing() {
    }

    static Verdict temporaryProtection(Case c, Map<String, Verdict> e) {
        List<PolicyPack.TemporaryProtection> schemes = c.pack.temporaryProtectionOrEmpty().stream()
                .filter(tp -> c.applicant.nationalities().contains(tp.nationality())).toList();
        if (schemes.isEmpty()) {
            return Verdict.notApplicable(Reason.of("tp.noScheme", "nationalities", c.applicant.nationalities()));
        }
        for (PolicyPack.TemporaryProtection tp : schemes) {
            boolean within = (tp.from() == null || !c.date.isBefore(tp.from())) && (tp.until() == null || !c.date.isAfter(tp.until()));
            if (within) {
                List<Reason> reasons = new ArrayList<>(List.of(Reason.of("tp.within", "nationality", tp.nationality(),
                        "basis", tp.basis(), "from", String.valueOf(tp.from()), "until", String.valueOf(tp.until()), "date", c.date.toString())));
                List<String> indicators = c.military.exclusionIndicators();
                if (!indicators.isEmpty()) {
                    reasons.add(Reason.of("tp.exclusionIndicators", "indicators", indicators));
                }
                return Verdict.of(Truth.TRUE, EnumSet.noneOf(Ground.class), List.of(), reasons);
            }
        }
        PolicyPack.TemporaryProtection tp = schemes.get(0);
        return Verdict.of(Truth.FALSE, List.of(), Reason.of("tp.outside", "nationality", tp.nationality(), "basis", tp.basis(),
                "from", String.valueOf(tp.from()), "until", String.valueOf(tp.until()), "date", c.date.toString()));
    }
}
