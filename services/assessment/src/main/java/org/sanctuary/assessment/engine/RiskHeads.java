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

    record Head(Truth truth, Set<Ground> grounds, List<String> reasons) {
    }

    private RiskHeads() {
    }

    static String cite(String country, Coi coi) {
        return "COI " + country + (coi.asOf() == null ? "" : " as of " + coi.asOf());
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
        String text = kinds.isEmpty()
                ? "the penalties for evasion and desertion in " + country + " are not recorded as disproportionate, discriminatory or extrajudicial (" + cite(country, coi) + ")"
                : "the penalties for evasion" + years(p.evasionMaxYears()) + " and desertion" + years(p.desertionMaxYears())
                  + " in " + country + " are " + String.join(", ", kinds) + " (" + cite(country, coi) + ")";
        return new Head(liable.and(Truth.of(!kinds.isEmpty())), EnumSet.of(Ground.POLITICAL_OPINION), List.of(text));
    }

    /** Handbook §169: punishment the COI marks disproportionate or extrajudicial (S8). */
    static Truth severePunishment(Coi coi, Truth liable) {
        return liable.and(Truth.of(coi.penalties().disproportionate() || coi.penalties().extrajudicial()));
    }

    /** D — S6, QD-9-2-b: a punitive call-up, or recruitment aimed at a group he credibly belongs to. */
    static Head measures(Case c, String country, Coi coi, boolean recruiterFacts) {
        Set<Ground> grounds = EnumSet.noneOf(Ground.class);
        List<String> reasons = new ArrayList<>();
        Truth result = Truth.FALSE;
        if (recruiterFacts && c.military.callUp().punitive()) {
            Truth punitive = c.credible("callUp");
            result = result.or(punitive);
            if (punitive.isTrue()) {
                grounds.add(Ground.POLITICAL_OPINION);
                reasons.add("his call-up was punitive, a measure applied to him for his (imputed) political opinion");
            } else if (punitive == Truth.FALSE) {
                reasons.add("the punitive call-up he claims is not accepted");
            } else {
                reasons.add("whether the call-up was punitive cannot be decided until its credibility is assessed");
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
                reasons.add(country + " recruits " + recruited(target) + " disproportionately and he credibly is one (" + cite(country, coi) + ")");
            } else if (member == Truth.UNKNOWN) {
                reasons.add(country + " recruits " + recruited(target) + " disproportionately (" + cite(country, coi) + "); whether the applicant is one cannot be decided until "
                        + "that is assessed");
            }
        }
        if (result == Truth.FALSE && reasons.isEmpty()) {
            reasons.add("no punitive call-up and no membership of a group " + country + " recruits discriminatorily ("
                    + cite(country, coi) + ")");
        }
        return new Head(result, grounds, reasons);
    }

    private static String recruited(PolicyPack.RecruitmentTarget target) {
        return switch (target) {
            case ETHNIC_MINORITY -> "members of ethnic minorities";
            case POLITICAL_OPPONENT -> "political opponents";
            case RELIGIOUS_MINORITY -> "members of religious minorities";
        };
    }

    /** B — S4, GIP10-2: service would mean taking part in acts contrary to the basic rules of human conduct. */
    static Head complicity(Case c, String country, Coi coi, Truth liable, boolean recruiterFacts) {
        boolean systematic = coi.armedConflict().systematicIhlViolations();
        Truth unit = recruiterFacts ? c.unitImplicated().and(Truth.of(!Case.legitimised(coi))) : Truth.FALSE;
        List<String> reasons = new ArrayList<>();
        if (systematic) {
            reasons.add((recruiterFacts && c.nonStateRecruits()
                    ? "violations of humanitarian law are committed systematically in the armed conflict in " + country
                    : (recruiterFacts && c.occupierRecruits() ? "the forces of the occupying power " : "the armed forces of ") + country
                            + " commit violations of humanitarian law systematically")
                    + " (" + cite(country, coi) + "), so any posting carries a reasonable likelihood of taking part");
        } else if (unit.isTrue()) {
            reasons.add("his unit is credibly implicated in war crimes");
        } else {
            reasons.add("the COI does not record systematic violations of humanitarian law by the forces of " + country
                    + " (" + cite(country, coi) + ")" + (recruiterFacts && c.claimed("unit") && Case.legitimised(coi)
                    ? ", and an international mandate with war crimes prosecuted militates against his unit's implication" : ""));
        }
        return new Head(liable.and(Truth.of(systematic).or(unit)), EnumSet.of(Ground.POLITICAL_OPINION), reasons);
    }

    /** C — GIP10-3: conditions of service amounting to persecution, generally or for someone like him. */
    static Head conditions(Case c, String country, Coi coi, Truth liable, boolean recruiterFacts) {
        Set<Ground> grounds = EnumSet.noneOf(Ground.class);
        List<String> reasons = new ArrayList<>();
        Truth risk = Truth.FALSE;
        List<ServiceCondition> general = coi.conditionsOfService().stream().filter(s -> s == ServiceCondition.TORTURE
                || s == ServiceCondition.FORCED_LABOUR || s == ServiceCondition.INDEFINITE_SERVICE).toList();
        if (!general.isEmpty()) {
            risk = Truth.TRUE;
            reasons.add("conscripts of " + country + " face " + words(general) + " (" + cite(country, coi) + ")");
        }
        if (coi.conditionsOfService().contains(ServiceCondition.ETHNIC_ABUSE)) {
            Truth ethnic = c.credible("ethnicity");
            risk = risk.or(ethnic);
            if (ethnic.isTrue()) {
                grounds.add(c.ethnicityGround());
                reasons.add("ethnic minorities suffer abuse in the ranks of " + country + " and he credibly belongs to one");
            }
        }
        if (coi.conditionsOfService().contains(ServiceCondition.HOMOPHOBIC_ABUSE)) {
            Truth lgbtqi = c.credible("lgbtqi");
            risk = risk.or(lgbtqi);
            if (lgbtqi.isTrue()) {
                grounds.add(Ground.PARTICULAR_SOCIAL_GROUP);
                reasons.add("LGBTQI soldiers suffer abuse in the ranks of " + country + " and his orientation is accepted");
            }
        }
        if (recruiterFacts && !c.military.illTreatmentSuffered().isEmpty()) {
            Truth suffered = c.credible("illTreatment");
            risk = risk.or(suffered);
            if (suffered.isTrue()) {
                List<IllTreatment> kinds = c.military.illTreatmentSuffered();
                reasons.add("he credibly suffered " + words(kinds) + " in service, a serious indication of future risk");
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
                reasons.add("the ill-treatment he claims is not accepted");
            }
        }
        if (risk == Truth.FALSE && reasons.isEmpty()) {
            reasons.add("the COI records no conditions of service in " + country + " that would amount to persecution of someone in his situation ("
                    + cite(country, coi) + ")");
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
        List<String> reasons = new ArrayList<>();
        if (!c.objectionClaimed()) {
            reasons.add("he does not claim a conscientious objection");
        } else if (held == Truth.FALSE) {
            reasons.add("his objection of conscience is not accepted");
        } else {
            reasons.add("alternative service in " + country + " is " + coi.alternativeService() + " and the objector procedure is "
                    + coi.objectorProcedure() + " (" + cite(country, coi) + ")"
                    + (adequate ? ", so an adequate way out exists" : ", so he has no adequate way out"));
            if (!kindFits) {
                reasons.add("a " + c.objectionKind().name().toLowerCase() + " objection needs a conflict to object to, and "
                        + country + " is not at war");
            }
        }
        return new Head(held.and(liable).and(Truth.of(!adequate && kindFits)), grounds, reasons);
    }

    /**
     * The risk heads his own State poses (S11, assuming he would be called up there), each by name with its truth: the
     * same heads, tuned the same way, as the rules that ask it of the recruiter.
     */
    static Map<String, Truth> atHome(Case c, String country, Coi coi) {
        Truth liable = Truth.TRUE;
        Map<String, Truth> heads = new LinkedHashMap<>();
        heads.put(PUNISHMENT, punishment(country, coi, liable).truth());
        heads.put(MEASURES, measures(c, country, coi, false).truth());
        heads.put("acts contrary to the basic rules of human conduct (GIP10-2)", complicity(c, country, coi, liable, false).truth());
        heads.put("conditions of service amounting to persecution (GIP10-3)", conditions(c, country, coi, liable, false).truth());
        Truth others = any(heads);
        heads.put("punishment for his conscience (GIP10-1" + (objectionAloneSuffices(c.pack) ? "" : ", aggravated as this pack requires")
                + ")", objection(c.pack, conscience(c, country, coi, liable).truth(), others));
        return heads;
    }

    /** The names the reasons give the heads that both GIP10-1's aggravation and the check at home read. */
    static final String PUNISHMENT = "disproportionate or extrajudicial punishment (QD-9-2-c)";
    static final String MEASURES = "discriminatory measures (QD-9-2-b)";

    /** Whether any of these named heads holds: TRUE if one does, else UNKNOWN if one may, else FALSE. */
    static Truth any(Map<String, Truth> heads) {
        return heads.values().stream().reduce(Truth.FALSE, Truth::or);
    }

    /** The names of the heads whose truth is {@code truth}, in their order. */
    static List<String> named(Map<String, Truth> heads, Truth truth) {
        return heads.entrySet().stream().filter(h -> h.getValue() == truth).map(Map.Entry::getKey).toList();
    }

    /** S7 as the pack tunes it (GIP10-1.objectionAloneSuffices, true unless set): whether {@code conscience} is a risk. */
    static Truth objection(PolicyPack pack, Truth conscience, Truth aggravated) {
        return objectionAloneSuffices(pack) ? conscience : conscience.and(aggravated);
    }

    static boolean objectionAloneSuffices(PolicyPack pack) {
        return pack.setting("GIP10-1").map(PolicyPack.RuleSetting::objectionAloneSuffices).orElse(true);
    }

    private static String years(Integer max) {
        return max == null ? "" : " (up to " + max + " years)";
    }

    private static String words(List<? extends Enum<?>> values) {
        return String.join(", ", values.stream().map(v -> v.name().toLowerCase().replace('_', ' ')).toList());
    }
}
