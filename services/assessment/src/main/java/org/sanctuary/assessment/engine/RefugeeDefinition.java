package org.sanctuary.assessment.engine;

import org.sanctuary.assessment.engine.PolicyPack.Coi;
import org.sanctuary.assessment.engine.RiskHeads.Head;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules of DOMAIN.md step 4 and the definition (S9): nexus, grounds, refugee status. */
final class RefugeeDefinition {

    private RefugeeDefinition() {
    }

    /** The grounds of the persecution heads that are met, plus political activity (S9). */
    static Set<Ground> grounds(Case c, Map<String, Verdict> e) {
        Set<Ground> grounds = EnumSet.noneOf(Ground.class);
        Rules.PERSECUTION.stream().map(e::get).filter(v -> v != null && v.met()).forEach(v -> grounds.addAll(v.grounds()));
        if (c.pack.framework() != PolicyPack.LegalFramework.EU_QD_2011_95) {
            c.recruiterCoi().ifPresent(coi -> {
                Head measures = RiskHeads.measures(c, c.recruiter(), coi, true);
                if (measures.truth().isTrue()) {
                    grounds.addAll(measures.grounds());
                }
            });
        }
        if (!grounds.isEmpty() && c.credible("politicalActivity").isTrue()) {
            grounds.add(Ground.POLITICAL_OPINION);
        }
        return grounds;
    }

    static Truth persecution(Case c, Map<String, Verdict> e) {
        Truth any = Truth.FALSE;
        for (String rule : Rules.PERSECUTION) {
            Verdict v = e.get(rule);
            if (v != null && !v.grounds().isEmpty() || v != null && v.result() == Finding.Result.UNDETERMINED) {
                any = any.or(v.truth());
            }
        }
        if (c.pack.framework() != PolicyPack.LegalFramework.EU_QD_2011_95) {
            Optional<Coi> coi = c.recruiterCoi();
            if (coi.isPresent()) {
                any = any.or(RiskHeads.measures(c, c.recruiter(), coi.get(), true).truth());
            }
        }
        return any;
    }

    static Verdict nexus(Case c, Map<String, Verdict> e, boolean grounds) {
        List<String> met = Rules.PERSECUTION.stream().filter(r -> e.get(r) != null && e.get(r).met()).toList();
        if (met.isEmpty()) {
            boolean open = Rules.PERSECUTION.stream().anyMatch(r -> e.get(r) != null && e.get(r).result() == Finding.Result.UNDETERMINED);
            return open ? Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("nexus.open"))
                    : Verdict.notApplicable(Reason.of("nexus.noPersecution"));
        }
        Set<Ground> found = grounds(c, e);
        if (found.isEmpty()) {
            return Verdict.of(Truth.FALSE, List.of(), Reason.of("nexus.noGround", "rules", met));
        }
        List<Reason> named = Reason.terms("ground", found);
        Reason text = grounds ? Reason.of("nexus.grounds", "grounds", named)
                : Reason.of(e.get(RuleId.CJEU_EZ) != null && e.get(RuleId.CJEU_EZ).met() ? "nexus.presumed" : "nexus.established", "rules", met, "grounds", named);
        return Verdict.of(Truth.TRUE, found, List.of(), List.of(text));
    }

    static Verdict refugee(Case c, Map<String, Verdict> e) {
        Truth persecution = persecution(c, e);
        Set<Ground> grounds = grounds(c, e);
        if (persecution.isTrue() && !grounds.isEmpty()) {
            if (InternalProtection.internalProtectionMet(e)) {
                return Verdict.of(Truth.FALSE, List.of(), Reason.of("refugee.protectedAtHome", "actor", c.persecutor(), "country", c.ownState()));
            }
            List<String> heads = Rules.PERSECUTION.stream().filter(r -> e.get(r) != null && e.get(r).met()).toList();
            return Verdict.of(Truth.TRUE, grounds, List.of(), List.of(Reason.of("refugee.met", "rules", heads,
                    "grounds", Reason.terms("ground", grounds))));
        }
        if (persecution == Truth.UNKNOWN) {
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("refugee.open"));
        }
        return Verdict.of(Truth.FALSE, List.of(), Reason.of(persecution.isTrue() ? "refugee.noGround" : "refugee.notMet"));
    }
}
