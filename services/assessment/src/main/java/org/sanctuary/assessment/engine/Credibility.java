package org.sanctuary.assessment.engine;

import java.util.List;
import java.util.Map;

/** The rules of DOMAIN.md step 2 (S2): the benefit of the doubt; and the limits on evidence of orientation (CJEU-ABC). */
final class Credibility {

    private Credibility() {
    }

    static Verdict benefitOfDoubt(Case c, Map<String, Verdict> e) {
        List<String> facts = Case.MATERIAL_FACTS.stream().filter(c::benefitOfDoubt).toList();
        if (facts.isEmpty()) {
            return Verdict.notApplicable(Reason.of("doubt.none"));
        }
        return Verdict.of(Truth.TRUE, List.of(), Reason.of("doubt.given", "facts", Reason.terms("fact", facts)));
    }


    static Verdict abc(Case c, Map<String, Verdict> e) {
        if (!c.claimed("lgbtqi")) {
            return Verdict.notApplicable(Reason.of("abc.notClaimed"));
        }
        return Verdict.of(Truth.TRUE, List.of(), Reason.of("abc.met"));
    }
}
