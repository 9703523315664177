package org.sanctuary.assessment.engine;

import org.sanctuary.assessment.engine.PolicyPack.Coi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of DOMAIN.md step 5 (S11): internal protection or flight alternative. */
final class InternalProtection {

    private InternalProtection() {
    }

    static Verdict internalFlight(Case c, Map<String, Verdict> e) {
        if (c.pack.framework() == PolicyPack.LegalFramework.EU_QD_2011_95) {
            return Verdict.notApplicable(Reason.of("ipa.assessedAsQd8"));
        }
        return internalProtection(c, RuleId.HB_91);
    }

    static Verdict internalProtection(Case c, String rule) {
        boolean occupier = c.occupierRecruits();
        if (!occupier && !c.nonStateRecruits()) {
            return Verdict.notApplicable(Reason.of("ipa.ownState"));
        }
        String own = c.ownState();
        Optional<Coi> home = c.ownCoi();
        if (home.isEmpty()) {
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("ipa.noCoi", "country", PersecutionHeads.recorded(own))).missing(PersecutionHeads.ownCoi(own));
        }
        Coi coi = home.get();
        List<Reason> reasons = new ArrayList<>();
        Truth adult = c.adult();
        if (adult == Truth.UNKNOWN) {
            reasons.add(Reason.of("ipa.ageUnknown"));
        } else if (adult == Truth.FALSE) {
            reasons.add(Reason.of("ipa.child", "age", c.applicant.age()));
        }
        Truth place;
        String region = c.applicant.regionOfOrigin().region();
        if (occupier) {
            place = Truth.of(coi.occupies(region, c.recruiter()));
            reasons.add(Reason.of(place.isTrue() ? "ipa.regionOccupied" : "ipa.regionNotOccupied", "region", PersecutionHeads.recorded(region),
                    "occupier", PersecutionHeads.recorded(c.recruiter()), "country", own, "cite", RiskHeads.cite(own, coi)));
        } else {
            place = Truth.of(coi.nonStateRecruitment().stateProtection());
            reasons.add(Reason.of(place.isTrue() ? "ipa.stateProtects" : "ipa.stateDoesNotProtect", "country", own,
                    "cite", RiskHeads.cite(own, coi)));
        }
        Map<Reason, Truth> heads = RiskHeads.atHome(c, own, coi);
        Truth atHome = RiskHeads.any(heads);
        List<Reason> named = RiskHeads.named(heads, atHome == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN);
        reasons.add(switch (atHome) {
            case TRUE -> Reason.of("ipa.riskAtHome", "country", own, "heads", named, "cite", RiskHeads.cite(own, coi));
            case FALSE -> Reason.of("ipa.noRiskAtHome", "country", own);
            case UNKNOWN -> Reason.of("ipa.riskAtHomeOpen", "country", own, "heads", named);
        });
        Truth met = adult.and(place).and(atHome.not());
        if (met.isTrue()) {
            reasons.add(occupier ? Reason.of("ipa.metOccupier", "rule", rule, "occupier", c.recruiter()) : Reason.of("ipa.metNonState", "rule", rule));
        }
        Verdict verdict = Verdict.of(met, EnumSet.noneOf(Ground.class), List.of(own), reasons);
        return adult == Truth.UNKNOWN ? verdict.missing("applicant.age") : verdict;
    }

    static boolean internalProtectionMet(Map<String, Verdict> e) {
        return Optional.ofNullable(e.get(RuleId.QD_8)).map(Verdict::met).orElse(false)
                || Optional.ofNullable(e.get(RuleId.HB_91)).map(Verdict::met).orElse(false);
    }
}
