package org.sanctuary.assessment.engine;

import org.sanctuary.assessment.engine.Facts.IllTreatment;
import org.sanctuary.assessment.engine.PolicyPack.Coi;
import org.sanctuary.assessment.engine.PolicyPack.ServiceCondition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of DOMAIN.md S12 and serious harm: non-refoulement, indiscriminate violence, subsidiary protection. */
final class Protection {

    private Protection() {
    }

    static Verdict nonRefoulement(Case c, Map<String, Verdict> e) {
        Reason law = Reason.of(c.pack.framework() == PolicyPack.LegalFramework.EU_QD_2011_95 ? "echr3.law" : "echr3.lawUniversal");
        return PersecutionHeads.againstRecruiter(c, coi -> {
            Truth liable = c.liable(coi);
            boolean extrajudicial = coi.penalties().extrajudicial();
            boolean torture = coi.conditionsOfService().contains(ServiceCondition.TORTURE);
            Truth suffered = c.military.illTreatmentSuffered().stream().anyMatch(t -> t == IllTreatment.TORTURE || t == IllTreatment.SEXUAL_VIOLENCE)
                    ? c.credible("illTreatment") : Truth.FALSE;
            Truth risk = liable.and(Truth.of(extrajudicial || torture)).or(suffered);
            List<Reason> reasons = new ArrayList<>();
            reasons.add(PersecutionHeads.liability(c, coi));
            if (extrajudicial || torture) {
                List<Reason> recorded = new ArrayList<>();
                if (extrajudicial) {
                    recorded.add(Reason.of("echr3.extrajudicial"));
                }
                if (torture) {
                    recorded.add(Reason.of("echr3.tortureInRanks"));
                }
                reasons.add(Reason.of("echr3.coiRecords", "country", c.recruiter(), "recorded", recorded, "cite", RiskHeads.cite(c.recruiter(), coi)));
            }
            if (suffered.isTrue()) {
                reasons.add(Reason.of("echr3.suffered"));
            }
            if (risk.isTrue() && InternalProtection.internalProtectionMet(e)) {
                reasons.add(Reason.of("echr3.protectedAtHome", "country", c.ownState(), "actor", c.persecutor()));
                return Verdict.of(Truth.FALSE, EnumSet.noneOf(Ground.class), List.of(c.recruiter()), reasons);
            }
            reasons.add(Reason.of(risk.isTrue() ? "echr3.met" : risk == Truth.FALSE ? "echr3.notMet" : "echr3.open", "law", law));
            return Verdict.of(risk, EnumSet.noneOf(Ground.class), List.of(c.recruiter()), reasons);
        });
    }

    /**
     * Art 15(c) QD: a serious and individual threat to a civilian's life or person by reason of indiscriminate violence
     * in armed conflict, read from the COI of his own State for his home region: EXCEPTIONAL violence threatens anyone
     * there by presence alone (Elgafaji C-465/07, para 35); at a HIGH level his personal circumstances decide (para 39),
     * which is the caseworker's to weigh, so the finding stays undetermined.
     */
    static Verdict indiscriminateViolence(Case c, Map<String, Verdict> e) {
        String own = c.ownState();
        String region = c.applicant.regionOfOrigin().region();
        Optional<Coi> home = c.ownCoi();
        if (home.isEmpty()) {
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("qd15c.noCoi", "country", PersecutionHeads.recorded(own))).missing(PersecutionHeads.ownCoi(own));
        }
        if (region == null) {
            return Verdict.of(Truth.UNKNOWN, List.of(own), Reason.of("qd15c.noRegion", "country", own, "cite", RiskHeads.cite(own, home.get())));
        }
        Reason cite = RiskHeads.cite(own, home.get());
        return home.get().violenceIn(region).map(level -> switch (level) {
            case EXCEPTIONAL -> Verdict.of(Truth.TRUE, List.of(own), Reason.of("qd15c.exceptional", "region", region, "country", own, "cite", cite),
                    Reason.of("qd15c.relocationNotWeighed", "country", own));
            case HIGH -> Verdict.of(Truth.UNKNOWN, List.of(own), Reason.of("qd15c.high", "region", region, "country", own, "cite", cite));
        }).orElseGet(() -> Verdict.of(Truth.FALSE, List.of(own), Reason.of("qd15c.none", "region", region, "country", own, "cite", cite)));
    }

    /** Art 15: (b) through ECHR-3, (c) through QD-15-c. */
    static Verdict seriousHarm(Case c, Map<String, Verdict> e) {
        Verdict echr = e.get(RuleId.ECHR_3);
        Verdict violence = e.get(RuleId.QD_15_C);
        List<String> countries = new ArrayList<>(echr.countries());
        countries.addAll(violence.countries());
        List<Reason> reasons = new ArrayList<>();
        reasons.add(switch (echr.result()) {
            case MET -> Reason.of("qd15.met");
            case UNDETERMINED -> Reason.of("turnsOn", "rule", RuleId.ECHR_3);
            default -> Reason.of("qd15.notMet");
        });
        reasons.add(switch (violence.result()) {
            case MET -> Reason.of("qd15.metViolence");
            case UNDETERMINED -> Reason.of("turnsOn", "rule", RuleId.QD_15_C);
            default -> Reason.of("qd15.notMetViolence");
        });
        return Verdict.of(echr.truth().or(violence.truth()), EnumSet.noneOf(Ground.class), countries, reasons);
    }
}
