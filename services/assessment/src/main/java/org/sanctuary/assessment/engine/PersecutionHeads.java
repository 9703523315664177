package org.sanctuary.assessment.engine;

import org.sanctuary.assessment.engine.PolicyPack.AlternativeService;
import org.sanctuary.assessment.engine.PolicyPack.Coi;
import org.sanctuary.assessment.engine.RiskHeads.Head;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules of DOMAIN.md step 3 (S4-S8, S10, S15): the risk heads against the recruiter, each rule a head of persecution or harm. */
final class PersecutionHeads {

    private PersecutionHeads() {
    }

    /** Runs {@code head} against the recruiter's COI, or says the COI is missing. */
    static Verdict againstRecruiter(Case c, java.util.function.Function<Coi, Verdict> head) {
        String recruiter = c.recruiter();
        if (recruiter == null) {
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("recruiter.unknown"));
        }
        Optional<Coi> coi = c.recruiterCoi();
        if (coi.isEmpty()) {
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("recruiter.noCoi", "country", recruiter));
        }
        return head.apply(coi.get());
    }

    static Reason liability(Case c, Coi coi) {
        Truth liable = c.liable(coi);
        if (liable.isTrue()) {
            List<Reason> why = new ArrayList<>();
            if (c.credible("callUp").isTrue()) {
                why.add(Reason.of("liability.callUp"));
            }
            if (c.serviceClaimed() && c.credible("militaryStatus").or(c.credible("unit")).isTrue()) {
                why.add(Reason.of("liability.service"));
            }
            if (c.credible("desertion").isTrue()) {
                why.add(Reason.of("liability.desertion"));
            }
            if (c.targetedGroup(coi).isTrue()) {
                why.add(Reason.of("liability.targetedGroup"));
            }
            return Reason.of("liability.liable", "because", why, "count", why.size());
        }
        if (liable == Truth.UNKNOWN) {
            return Reason.of("liability.open");
        }
        if (c.rejected("callUp")) {
            return Reason.of("liability.callUpRejected");
        }
        return Reason.of("liability.none");
    }

    static Verdict head(Case c, Coi coi, Head head, String rule) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(liability(c, coi));
        if (head.truth().isTrue()) {
            reasons.add(Reason.of("head.met", "rule", rule, "clauses", head.reasons()));
        } else {
            reasons.addAll(head.reasons().stream().map(PersecutionHeads::sentence).toList());
        }
        return Verdict.of(head.truth(), head.grounds(), List.of(c.recruiter()), reasons);
    }

    /** A head's clause as a sentence of its own. */
    static Reason sentence(Reason clause) {
        return Reason.of("sentence", "clause", clause);
    }

    static Verdict measures(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> {
            Head h = RiskHeads.measures(c, c.recruiter(), coi, true);
            return Verdict.of(h.truth(), h.grounds(), List.of(c.recruiter()),
                    h.truth().isTrue() ? List.of(Reason.of("head.met", "rule", RuleId.QD_9_2_B, "clauses", h.reasons()))
                            : h.reasons().stream().map(PersecutionHeads::sentence).toList());
        });
    }

    static Verdict punishment(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.punishment(c.recruiter(), coi, c.liable(coi)), RuleId.QD_9_2_C));
    }

    static Verdict shepherd(Case c, Map<String, Verdict> e) {
        Boolean implicated = c.military.unit().implicatedInCrimes();
        if (implicated == null) {
            return Verdict.notApplicable(Reason.of("shepherd.noUnitClaimed"));
        }
        return againstRecruiter(c, coi -> {
            List<Reason> reasons = new ArrayList<>();
            Truth unit = c.unitImplicated();
            reasons.add(Reason.of(switch (unit) {
                case TRUE -> "shepherd.unitImplicated";
                case FALSE -> "shepherd.unitNotImplicated";
                case UNKNOWN -> "shepherd.unitOpen";
            }));
            boolean unused = c.effectiveProcedureUnused(coi);
            if (unused) {
                reasons.add(Reason.of("shepherd.procedureUnused", "country", c.recruiter()));
            }
            boolean legitimised = Case.legitimised(coi);
            if (legitimised) {
                reasons.add(Reason.of("shepherd.mandate", "country", c.recruiter(), "cite", RiskHeads.cite(c.recruiter(), coi)));
            }
            return Verdict.of(unit.and(Truth.of(!unused && !legitimised)), EnumSet.of(Ground.POLITICAL_OPINION), List.of(c.recruiter()), reasons);
        });
    }

    static Verdict refusalOfCrimes(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> {
            Head complicity = RiskHeads.complicity(c, c.recruiter(), coi, c.liable(coi), true);
            boolean unused = c.effectiveProcedureUnused(coi);
            Truth met = complicity.truth().and(Truth.of(!unused));
            List<Reason> reasons = new ArrayList<>();
            reasons.add(liability(c, coi));
            if (met.isTrue()) {
                List<Reason> clauses = new ArrayList<>(complicity.reasons());
                if (coi.armedConflict().systematicIhlViolations()) {
                    clauses.add(Reason.of("refusal.postingNeedNotBeKnown"));
                }
                reasons.add(Reason.of("head.met", "rule", RuleId.QD_9_2_E, "clauses", clauses));
            } else {
                reasons.addAll(complicity.reasons().stream().map(PersecutionHeads::sentence).toList());
                if (unused) {
                    reasons.add(Reason.of("refusal.procedureUnused"));
                }
            }
            return Verdict.of(met, complicity.grounds(), List.of(c.recruiter()), reasons);
        });
    }

    static Verdict ez(Case c, Map<String, Verdict> e) {
        Verdict refusal = e.get(RuleId.QD_9_2_E);
        return switch (refusal.result()) {
            case MET -> {
                boolean systematic = c.recruiterCoi().map(coi -> coi.armedConflict().systematicIhlViolations()).orElse(false);
                yield Verdict.of(Truth.TRUE, EnumSet.of(Ground.POLITICAL_OPINION), refusal.countries(), List.of(
                        Reason.of(systematic ? "ez.metSystematic" : "ez.metOwnUnit")));
            }
            case UNDETERMINED -> Verdict.of(Truth.UNKNOWN, refusal.countries(), Reason.of("turnsOn", "rule", RuleId.QD_9_2_E));
            default -> Verdict.of(Truth.FALSE, refusal.countries(), Reason.of("ez.notMet"));
        };
    }

    static Verdict complicity(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.complicity(c, c.recruiter(), coi, c.liable(coi), true), RuleId.GIP10_2));
    }

    static Verdict conditions(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.conditions(c, c.recruiter(), coi, c.liable(coi), true), RuleId.GIP10_3));
    }

    /** S7: with objectionAloneSuffices false, objection counts only when aggravated (S6 penalties, GIP10-2 or GIP10-3). */
    static Verdict objection(Case c, Map<String, Verdict> e) {
        if (!c.objectionClaimed()) {
            return Verdict.of(Truth.FALSE, List.of(), sentence(Reason.of("head.conscience.notClaimed")));
        }
        return againstRecruiter(c, coi -> {
            Truth liable = c.liable(coi);
            Head conscience = RiskHeads.conscience(c, c.recruiter(), coi, liable);
            List<Reason> reasons = new ArrayList<>();
            reasons.add(liability(c, coi));
            reasons.addAll(conscience.reasons().stream().map(PersecutionHeads::sentence).toList());
            Truth met = conscience.truth();
            if (!RiskHeads.objectionAloneSuffices(c.pack)) {
                Map<Reason, Truth> aggravations = new LinkedHashMap<>();
                aggravations.put(RiskHeads.PUNISHMENT, RiskHeads.punishment(c.recruiter(), coi, liable).truth());
                aggravations.put(RiskHeads.MEASURES, RiskHeads.measures(c, c.recruiter(), coi, true).truth());
                aggravations.put(Reason.of("risk.complicityMet"), e.get(RuleId.GIP10_2).truth());
                aggravations.put(Reason.of("risk.conditionsMet"), e.get(RuleId.GIP10_3).truth());
                Truth aggravated = RiskHeads.any(aggravations);
                met = RiskHeads.objection(c.pack, conscience.truth(), aggravated);
                if (conscience.truth().isTrue() && aggravated == Truth.FALSE) {
                    reasons.add(Reason.of("objection.aloneNotEnough"));
                } else if (conscience.truth().isTrue() && aggravated.isTrue()) {
                    reasons.add(Reason.of("objection.aggravated", "by", RiskHeads.named(aggravations, Truth.TRUE)));
                }
            }
            if (met.isTrue()) {
                reasons.add(Reason.of("objection.met", "kind", Reason.term("objectionKind", c.objectionKind())));
            }
            return Verdict.of(met, conscience.grounds(), List.of(c.recruiter()), reasons);
        });
    }

    static Verdict nonStateRecruitment(Case c, Map<String, Verdict> e) {
        if (!c.nonStateRecruits()) {
            return Verdict.notApplicable(Reason.of("nonState.notApplicable"));
        }
        Coi coi = c.recruiterCoi().orElse(Rules.NO_COI);
        Truth liable = c.liable(coi);
        return Verdict.of(liable, EnumSet.of(Ground.PARTICULAR_SOCIAL_GROUP, Ground.POLITICAL_OPINION), List.of(),
                List.of(liability(c, coi), Reason.of(liable.isTrue() ? "nonState.met" : "nonState.notEstablished")));
    }

    /** S10: depends on age under 18 whatever status says (Optional Protocol, Arts 2 and 4). */
    static Verdict childRecruitment(Case c, Map<String, Verdict> e) {
        Integer age = c.applicant.age();
        if (age == null) {
            if (c.military.status() == Facts.MilitaryStatus.CHILD) {
                return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("child.ageUnknown")).missing("applicant.age");
            }
            return Verdict.notApplicable(Reason.of("child.notClaimed"));
        }
        if (age >= 18) {
            return Verdict.of(Truth.FALSE, List.of(), Reason.of("child.adult", "age", age));
        }
        Coi coi = c.recruiterCoi().orElse(Rules.NO_COI);
        Truth recruited = c.liable(coi).or(Truth.of(c.nonStateRecruits() && coi.nonStateRecruitment().childRecruitment()));
        return Verdict.of(recruited, EnumSet.of(Ground.PARTICULAR_SOCIAL_GROUP, Ground.POLITICAL_OPINION), List.of(),
                List.of(Reason.of("child.protocol", "age", age), recruited.isTrue() ? Reason.of("child.met") : liability(c, coi)));
    }

    static Verdict occupation(Case c, Map<String, Verdict> e) {
        if (!c.occupierRecruits()) {
            return Verdict.notApplicable(Reason.of("occupation.notApplicable"));
        }
        String own = c.ownState();
        Optional<Coi> home = c.ownCoi();
        if (home.isEmpty()) {
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("occupation.noCoi", "country", recorded(own))).missing(ownCoi(own));
        }
        Coi recruiterCoi = c.recruiterCoi().orElse(Rules.NO_COI);
        Truth liable = c.liable(recruiterCoi);
        String region = c.applicant.regionOfOrigin().region();
        boolean occupied = home.get().occupies(region, c.recruiter());
        List<Reason> reasons = new ArrayList<>();
        reasons.add(liability(c, recruiterCoi));
        reasons.add(Reason.of(occupied ? "occupation.occupied" : "occupation.notOccupied", "region", recorded(region), "occupier", recorded(c.recruiter()),
                "cite", RiskHeads.cite(own, home.get())));
        Truth met = liable.and(Truth.of(occupied));
        if (met.isTrue()) {
            reasons.add(Reason.of("occupation.met"));
        }
        return Verdict.of(met, EnumSet.of(Ground.NATIONALITY, Ground.POLITICAL_OPINION), List.of(own), reasons);
    }

    /** A recorded value, or the catalogue's "not recorded" where the claim leaves it out (never a bare placeholder). */
    static Object recorded(String value) {
        return value == null ? Reason.of("term.unrecorded") : value;
    }

    /** What is missing when the pack lacks the COI of his own State, which the claim may not name at all. */
    static String ownCoi(String own) {
        return own == null ? "applicant.nationalities" : "coi." + own;
    }

    static Verdict bayatyan(Case c, Map<String, Verdict> e) {
        if (!c.objectionClaimed()) {
            return Verdict.of(Truth.FALSE, List.of(), sentence(Reason.of("head.conscience.notClaimed")));
        }
        return againstRecruiter(c, coi -> {
            boolean noCivilian = coi.alternativeService() != AlternativeService.ADEQUATE;
            Truth met = c.credible("objection").and(c.liable(coi)).and(Truth.of(noCivilian));
            return Verdict.of(met, List.of(c.recruiter()),
                    Reason.of("bayatyan.alternative", "country", c.recruiter(), "alternative", Reason.term("alternativeService", coi.alternativeService()),
                            "cite", RiskHeads.cite(c.recruiter(), coi)),
                    Reason.of(met.isTrue() ? "bayatyan.met" : c.credible("objection") == Truth.FALSE ? "bayatyan.objectionRejected"
                            : noCivilian ? "bayatyan.notLiable" : "bayatyan.alternativeExists"));
        });
    }

    /** S8: §169 punishment, §171 (GIP10-2), or an objection that counts under the pack (§§170-172). */
    static Verdict handbook(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> {
            Truth severe = RiskHeads.severePunishment(coi, c.liable(coi));
            Verdict gip2 = e.get(RuleId.GIP10_2);
            Verdict gip1 = e.get(RuleId.GIP10_1);
            Set<Ground> grounds = EnumSet.noneOf(Ground.class);
            List<Reason> reasons = new ArrayList<>();
            if (severe.isTrue()) {
                grounds.add(Ground.POLITICAL_OPINION);
                reasons.add(Reason.of("handbook.169", "country", c.recruiter(), "cite", RiskHeads.cite(c.recruiter(), coi)));
            }
            if (gip2.met()) {
                grounds.addAll(gip2.grounds());
                reasons.add(Reason.of("handbook.171"));
            }
            if (gip1.met()) {
                grounds.addAll(gip1.grounds());
                reasons.add(Reason.of("handbook.170to172"));
            }
            Truth met = severe.or(gip2.truth()).or(gip1.truth());
            if (met == Truth.FALSE) {
                reasons.add(Reason.of("handbook.notMet"));
            } else if (met == Truth.UNKNOWN) {
                reasons.add(Reason.of("handbook.open"));
            }
            return Verdict.of(met, grounds, List.of(c.recruiter()), reasons);
        });
    }

    static Verdict cnda(Case c, Map<String, Verdict> e) {
        if (!"RU".equals(c.recruiter())) {
            return Verdict.notApplicable(Reason.of("cnda.notRussia", "country", recorded(c.recruiter())));
        }
        Coi coi = c.recruiterCoi().orElse(Rules.NO_COI);
        Truth liable = c.liable(coi);
        return Verdict.of(liable, List.of("RU"), liability(c, coi), Reason.of(liable.isTrue() ? "cnda.met" : "cnda.notMet"));
    }

    /**
     * PK & OS [2020] UKUT 314: punishment for refusing service is persecution for political opinion where the conduct
     * contrary to the basic rules of human conduct is committed on a systematic basis, as deliberate policy or official
     * indifference. Its own test, not GIP10-2's: a unit implicated in crimes meets GIP10-2 but not this.
     */
    static Verdict pkos(Case c, Map<String, Verdict> e) {
        Verdict gip2 = e.get(RuleId.GIP10_2);
        if (gip2.result() == Finding.Result.NOT_MET || gip2.result() == Finding.Result.NOT_APPLICABLE) {
            return Verdict.of(Truth.FALSE, gip2.countries(), Reason.of("pkos.noComplicity"));
        }
        return againstRecruiter(c, coi -> {
            if (!coi.armedConflict().systematicIhlViolations()) {
                return Verdict.of(Truth.FALSE, List.of(c.recruiter()), Reason.of(gip2.met() ? "pkos.notSystematicUnitOnly" : "pkos.notSystematic",
                        "country", c.recruiter(), "cite", RiskHeads.cite(c.recruiter(), coi)));
            }
            if (gip2.result() == Finding.Result.UNDETERMINED) {
                return Verdict.of(Truth.UNKNOWN, List.of(c.recruiter()), Reason.of("pkos.open", "actor", c.persecutor(),
                        "cite", RiskHeads.cite(c.recruiter(), coi)));
            }
            return Verdict.of(Truth.TRUE, EnumSet.of(Ground.POLITICAL_OPINION), List.of(c.recruiter()), List.of(Reason.of("pkos.met",
                    "actor", c.persecutor(), "cite", RiskHeads.cite(c.recruiter(), coi))));
        });
    }
}
