package org.sanctuary.assessment.engine;

import org.sanctuary.assessment.engine.Facts.IllTreatment;
import org.sanctuary.assessment.engine.PolicyPack.AlternativeService;
import org.sanctuary.assessment.engine.PolicyPack.Coi;
import org.sanctuary.assessment.engine.PolicyPack.ObjectorProcedure;
import org.sanctuary.assessment.engine.PolicyPack.ServiceCondition;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The risk heads of step 3 against one country's forces, read from that country's COI (S15). The
 * recruiter's heads use everything he claims; the own-State check of internal protection (S11) leaves
 * out what only concerns the recruiter (its call-up, his unit, what he suffered in its ranks) and
 * assumes he would be called up at home.
 */
final class RiskHeads {

    record Head(Truth truth, Set<Ground> grounds, List<Reason> reasons) {
    }

    private RiskHeads() {
    }

    /** "COI RU as of 2025-09-01": the entry a reason read. */
    static Reason cite(String country, Coi coi) {
        return coi.asOf() == null ? Reason.of("coi.undated", "country", country)
                : Reason.of("coi.dated", "country", country, "asOf", coi.asOf().toString());
    }

    /** A — S6, QD-9-2-c: the penalties he faces are disproportionate, discriminatory or extrajudicial. */
    static Head punishment(String country, Coi coi, Truth liable) {
        PolicyPack.Penalties p = coi.penalties();
        List<String> kinds = new ArrayList<>();
        if (p.disproportionate()) {
            kinds.add("disproportionate");
        }
        if (p.discriminatory()) {
            kinds.add("discriminatory");
        }
        if (p.extrajudicial()) {
            kinds.add("extrajudicial");
        }
        Reason text = kinds.isEmpty()
                ? Reason.of("head.punishment.ordinary", "country", country, "cite", cite(country, coi))
                : Reason.of("head.punishment.severe", "country", country, "evasionYears", years(p.evasionMaxYears()),
                        "desertionYears", years(p.desertionMaxYears()), "kinds", Reason.terms("penalty", kinds), "cite", cite(country, coi));
        return new Head(liable.and(Truth.of(!kinds.isEmpty())), EnumSet.of(Ground.POLITICAL_OPINION), List.of(text));
    }

    /** Handbook §169: punishment the COI marks disproportionate or extrajudicial (S8). */
    static Truth severePunishment(Coi coi, Truth liable) {
        return liable.and(Truth.of(coi.penalties().disproportionate() || coi.penalties().extrajudicial()));
    }

    /** D — S6, QD-9-2-b: a punitive call-up, or recruitment aimed at a group he credibly belongs to. */
    static Head measures(Case c, String country, Coi coi, boolean recruiterFacts) {
        Set<Ground> grounds = EnumSet.noneOf(Ground.class);
        List<Reason> reasons = new ArrayList<>();
        Truth result = Truth.FALSE;
        if (recruiterFacts && c.military.callUp().punitive()) {
            Truth punitive = c.credible("callUp");
            result = result.or(punitive);
            if (punitive.isTrue()) {
                grounds.add(Ground.POLITICAL_OPINION);
                reasons.add(Reason.of("head.measures.punitive"));
            } else if (punitive == Truth.FALSE) {
                reasons.add(Reason.of("head.measures.punitiveRejected"));
            } else {
                reasons.add(Reason.of("head.measures.punitiveOpen"));
            }
        }
        for (PolicyPack.RecruitmentTarget target : coi.discriminatoryRecruitment()) {
            Truth member = c.member(target);
            result = result.or(member);
            if (member.isTrue()) {
                grounds.add(switch (target) {
                    case ETHNIC_MINORITY -> c.ethnicityGround();
                    case POLITICAL_OPPONENT -> Ground.POLITICAL_OPINION;
                    case RELIGIOUS_MINORITY -> Ground.RELIGION;
                });
                reasons.add(Reason.of("head.measures.member", "country", country, "target", Reason.term("target", target), "cite", cite(country, coi)));
            } else if (member == Truth.UNKNOWN) {
                reasons.add(Reason.of("head.measures.memberOpen", "country", country, "target", Reason.term("target", target),
                        "cite", cite(country, coi)));
            }
        }
        if (result == Truth.FALSE && reasons.isEmpty()) {
            reasons.add(Reason.of("head.measures.none", "country", country, "cite", cite(country, coi)));
        }
        return new Head(result, grounds, reasons);
    }

    /** B — S4, GIP10-2: service would mean taking part in acts contrary to the basic rules of human conduct. */
    static Head complicity(Case c, String country, Coi coi, Truth liable, boolean recruiterFacts) {
        boolean systematic = coi.armedConflict().systematicIhlViolations();
        Truth unit = recruiterFacts ? c.unitImplicated().and(Truth.of(!Case.legitimised(coi))) : Truth.FALSE;
        List<Reason> reasons = new ArrayList<>();
        if (systematic) {
            String by = recruiterFacts && c.nonStateRecruits() ? "InConflict" : recruiterFacts && c.occupierRecruits() ? "ByOccupier" : "ByState";
            reasons.add(Reason.of("head.complicity.systematic" + by, "country", country, "cite", cite(country, coi)));
        } else if (unit.isTrue()) {
            reasons.add(Reason.of("head.complicity.unit"));
        } else {
            reasons.add(Reason.of(recruiterFacts && c.claimed("unit") && Case.legitimised(coi)
                    ? "head.complicity.notSystematicMandate" : "head.complicity.notSystematic", "country", country, "cite", cite(country, coi)));
        }
        return new Head(liable.and(Truth.of(systematic).or(unit)), EnumSet.of(Ground.POLITICAL_OPINION), reasons);
    }

    /** C — GIP10-3: conditions of service amounting to persecution, generally or for someone like him. */
    static Head conditions(Case c, String country, Coi coi, Truth liable, boolean recruiterFacts) {
        Set<Ground> grounds = EnumSet.noneOf(Ground.class);
        List<Reason> reasons = new ArrayList<>();
        Truth risk = Truth.FALSE;
        List<ServiceCondition> general = coi.conditionsOfService().stream().filter(s -> s == ServiceCondition.TORTURE
                || s == ServiceCondition.FORCED_LABOUR || s == ServiceCondition.INDEFINITE_SERVICE).toList();
        if (!general.isEmpty()) {
            risk = Truth.TRUE;
            reasons.add(Reason.of("head.conditions.general", "country", country, "conditions", Reason.terms("serviceCondition", general), "cite", cite(country, coi)));
        }
        if (coi.conditionsOfService().contains(ServiceCondition.ETHNIC_ABUSE)) {
            Truth ethnic = c.credible("ethnicity");
            risk = risk.or(ethnic);
            if (ethnic.isTrue()) {
                grounds.add(c.ethnicityGround());
                reasons.add(Reason.of("head.conditions.ethnic", "country", country));
            }
        }
        if (coi.conditionsOfService().contains(ServiceCondition.HOMOPHOBIC_ABUSE)) {
            Truth lgbtqi = c.credible("lgbtqi");
            risk = risk.or(lgbtqi);
            if (lgbtqi.isTrue()) {
                grounds.add(Ground.PARTICULAR_SOCIAL_GROUP);
                reasons.add(Reason.of("head.conditions.lgbtqi", "country", country));
            }
        }
        if (recruiterFacts && !c.military.illTreatmentSuffered().isEmpty()) {
            Truth suffered = c.credible("illTreatment");
            risk = risk.or(suffered);
            if (suffered.isTrue()) {
                List<IllTreatment> kinds = c.military.illTreatmentSuffered();
                reasons.add(Reason.of("head.conditions.suffered", "kinds", Reason.terms("illTreatment", kinds)));
                if (kinds.contains(IllTreatment.ETHNIC_ABUSE) && c.credible("ethnicity").isTrue()) {
                    grounds.add(c.ethnicityGround());
                }
                if (kinds.contains(IllTreatment.HOMOPHOBIC_ABUSE) && c.credible("lgbtqi").isTrue()) {
                    grounds.add(Ground.PARTICULAR_SOCIAL_GROUP);
                }
                if (kinds.contains(IllTreatment.RELIGIOUS_ABUSE) && c.applicant.religion() != null) {
                    grounds.add(Ground.RELIGION);
                }
            } else if (suffered == Truth.FALSE) {
                reasons.add(Reason.of("head.conditions.sufferedRejected"));
            }
        }
        if (risk == Truth.FALSE && reasons.isEmpty()) {
            reasons.add(Reason.of("head.conditions.none", "country", country, "cite", cite(country, coi)));
        }
        return new Head(liable.and(risk), grounds, reasons);
    }

    /**
     * E — GIP10-1 before the pack's tuning: a genuine objection, liability to serve, no adequate way out
     * (alternative service absent or punitive, or no effective procedure to reach it); a selective or
     * partial objection needs a conflict to object to.
     */
    static Head conscience(Case c, String country, Coi coi, Truth liable) {
        Truth held = c.credible("objection");
        boolean adequate = coi.alternativeService() == AlternativeService.ADEQUATE
                && coi.objectorProcedure() == ObjectorProcedure.EFFECTIVE && !c.military.objection().procedureUsed();
        boolean kindFits = c.objectionKind() == Facts.ObjectionKind.ABSOLUTE || coi.armedConflict().active();
        Set<Ground> grounds = EnumSet.noneOf(Ground.class);
        Facts.ObjectionBasis basis = c.military.objection().basis();
        if (basis == Facts.ObjectionBasis.RELIGIOUS) {
            grounds.add(Ground.RELIGION);
        } else if (basis == Facts.ObjectionBasis.POLITICAL) {
            grounds.add(Ground.POLITICAL_OPINION);
        } else if (basis == Facts.ObjectionBasis.MORAL) {
            grounds.add(Ground.PARTICULAR_SOCIAL_GROUP);
            grounds.add(Ground.POLITICAL_OPINION);
        } else {
            grounds.add(Ground.PARTICULAR_SOCIAL_GROUP); // objectors can form a particular social group (GIP 10)
        }
        List<Reason> reasons = new ArrayList<>();
        if (!c.objectionClaimed()) {
            reasons.add(Reason.of("head.conscience.notClaimed"));
        } else if (held == Truth.FALSE) {
            reasons.add(Reason.of("head.conscience.rejected"));
        } else {
            reasons.add(Reason.of(adequate ? "head.conscience.wayOut" : "head.conscience.noWayOut", "country", country,
                    "alternative", Reason.term("alternativeService", coi.alternativeService()),
                    "procedure", Reason.term("objectorProcedure", coi.objectorProcedure()), "cite", cite(country, coi)));
            if (!kindFits) {
                reasons.add(Reason.of("head.conscience.needsConflict", "kind", Reason.term("objectionKind", c.objectionKind()),
                        "country", country));
            }
        }
        return new Head(held.and(liable).and(Truth.of(!adequate && kindFits)), grounds, reasons);
    }

    /**
     * The risk heads his own State poses (S11, assuming he would be called up there), each by name with its truth: the
     * same heads, tuned the same way, as the rules that ask it of the recruiter.
     */
    static Map<Reason, Truth> atHome(Case c, String country, Coi coi) {
        Truth liable = Truth.TRUE;
        Map<Reason, Truth> heads = new LinkedHashMap<>();
        heads.put(PUNISHMENT, punishment(country, coi, liable).truth());
        heads.put(MEASURES, measures(c, country, coi, false).truth());
        heads.put(Reason.of("risk.complicity"), complicity(c, country, coi, liable, false).truth());
        heads.put(Reason.of("risk.conditions"), conditions(c, country, coi, liable, false).truth());
        Truth others = any(heads);
        heads.put(Reason.of(objectionAloneSuffices(c.pack) ? "risk.conscience" : "risk.conscienceAggravated"),
                objection(c.pack, conscience(c, country, coi, liable).truth(), others));
        return heads;
    }

    /** The names the reasons give the heads that both GIP10-1's aggravation and the check at home read. */
    static final Reason PUNISHMENT = Reason.of("risk.punishment");
    static final Reason MEASURES = Reason.of("risk.measures");

    /** Whether any of these named heads holds: TRUE if one does, else UNKNOWN if one may, else FALSE. */
    static Truth any(Map<Reason, Truth> heads) {
        return heads.values().stream().reduce(Truth.FALSE, Truth::or);
    }

    /** The names of the heads whose truth is {@code truth}, in their order. */
    static List<Reason> named(Map<Reason, Truth> heads, Truth truth) {
        return heads.entrySet().stream().filter(h -> h.getValue() == truth).map(Map.Entry::getKey).toList();
    }

    /** S7 as the pack tunes it (GIP10-1.objectionAloneSuffices, true unless set): whether {@code conscience} is a risk. */
    static Truth objection(PolicyPack pack, Truth conscience, Truth aggravated) {
        return objectionAloneSuffices(pack) ? conscience : conscience.and(aggravated);
    }

    static boolean objectionAloneSuffices(PolicyPack pack) {
        return pack.setting(RuleId.GIP10_1).map(PolicyPack.RuleSetting::objectionAloneSuffices).orElse(true);
    }

    /** " (up to 10 years)", or nothing when the COI does not say. */
    private static Object years(Integer max) {
        return max == null ? "" : Reason.of("head.punishment.upTo", "years", max);
    }
}
