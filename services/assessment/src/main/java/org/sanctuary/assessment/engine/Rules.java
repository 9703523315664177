package org.sanctuary.assessment.engine;

import org.sanctuary.assessment.engine.Facts.IllTreatment;
import org.sanctuary.assessment.engine.PolicyPack.AlternativeService;
import org.sanctuary.assessment.engine.PolicyPack.Coi;
import org.sanctuary.assessment.engine.PolicyPack.ServiceCondition;
import org.sanctuary.assessment.engine.RiskHeads.Head;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry: every rule id of DOMAIN.md, in the order of the steps (routing, exclusion, internal
 * protection, risk heads, nexus, refugee definition, non-refoulement). A rule reads only the findings
 * registered before it.
 */
public final class Rules {

    static final String TEMPORARY_PROTECTION = "TEMPORARY-PROTECTION";

    /** The heads whose MET findings can found refugee status (RC-1A2), each carrying its grounds. */
    static final List<String> PERSECUTION = List.of("QD-9-2-b", "QD-9-2-c", "QD-9-2-e", "GIP10-1", "GIP10-2",
            "GIP10-3", "GIP10-4", "GIP10-5", "IHL-OCCUPATION", "HB-167-174");

    private static final Coi NO_COI = new Coi(null, null, null, null, null, null, null, null, null, null, null).normalised();

    public static final List<Rule> ALL = List.of(
            new Rule(TEMPORARY_PROTECTION, "Temporary protection route (step 0)", false, List.of("exclusionIndicators"), Rules::temporaryProtection),
            new Rule("RC-1F", "Exclusion: Convention Art 1F", false, List.of("exclusionIndicators"), (c, e) -> exclusion(c, "RC-1F")),
            new Rule("QD-12", "Exclusion from refugee status: QD Art 12(2)-(3)", true, List.of("exclusionIndicators"), (c, e) -> exclusion(c, "QD-12")),
            new Rule("QD-17", "Exclusion from subsidiary protection: QD Art 17", true, List.of("exclusionIndicators"), (c, e) -> exclusion(c, "QD-17")),
            new Rule("QD-8", "Internal protection alternative: QD Art 8", true, List.of("militaryStatus"), (c, e) -> internalProtection(c, "QD-8")),
            new Rule("HB-91", "Internal flight alternative: UNHCR Handbook §91", false, List.of("militaryStatus"), Rules::internalFlight),
            new Rule("QD-9-2-b", "Discriminatory measures: QD Art 9(2)(b)", true, List.of("callUp", "ethnicity", "politicalActivity"), Rules::measures),
            new Rule("QD-9-2-c", "Disproportionate or discriminatory punishment: QD Art 9(2)(c)", true, List.of("callUp", "militaryStatus", "desertion"), Rules::punishment),
            new Rule("CJEU-SHEPHERD", "Shepherd (C-472/13): support roles, the only way out", true, List.of("unit", "militaryStatus"), Rules::shepherd),
            new Rule("QD-9-2-e", "Punishment for refusing service involving war crimes: QD Art 9(2)(e)", true, List.of("callUp", "militaryStatus", "desertion", "unit"), Rules::refusalOfCrimes),
            new Rule("CJEU-EZ", "EZ (C-238/19): no formal refusal, posting unknown, presumption of nexus", true, List.of("callUp", "militaryStatus", "desertion"), Rules::ez),
            new Rule("GIP10-2", "GIP 10 (2): conflict contrary to the basic rules of human conduct", false, List.of("callUp", "militaryStatus", "desertion", "unit"), Rules::complicity),
            new Rule("GIP10-3", "GIP 10 (3): conditions of service amounting to persecution", false, List.of("callUp", "militaryStatus", "desertion", "ethnicity", "lgbtqi", "illTreatment"), Rules::conditions),
            new Rule("GIP10-1", "GIP 10 (1): conscientious objection", false, List.of("objection", "callUp", "militaryStatus"), Rules::objection),
            new Rule("GIP10-4", "GIP 10 (4): forced recruitment by non-State armed groups", false, List.of("callUp", "militaryStatus"), Rules::nonStateRecruitment),
            new Rule("GIP10-5", "GIP 10 (5): child recruitment", false, List.of("callUp", "militaryStatus"), Rules::childRecruitment),
            new Rule("IHL-OCCUPATION", "Conscription by an occupying power (Hague Art 23, GC IV Art 51)", false, List.of("callUp", "militaryStatus"), Rules::occupation),
            new Rule("ECHR-9-BAYATYAN", "Bayatyan v Armenia: objectors and civilian alternatives", false, List.of("objection", "callUp"), Rules::bayatyan),
            new Rule("HB-167-174", "UNHCR Handbook §§167-174: deserters and evaders", false, List.of("callUp", "militaryStatus", "desertion", "objection"), Rules::handbook),
            new Rule("CNDA-2023-07-20", "CNDA 20 July 2023: Russian mobilisation", false, List.of("militaryStatus", "callUp", "desertion"), Rules::cnda),
            new Rule("UKUT-PKOS-2020", "PK & OS [2020] UKUT 314: refusal as political opinion", false, List.of("callUp", "militaryStatus", "desertion"), Rules::pkos),
            new Rule("QD-4-5", "Benefit of the doubt: QD Art 4(5)", true, Case.MATERIAL_FACTS, Rules::benefitOfDoubt),
            new Rule("QD-9-3", "Nexus between persecution and a ground: QD Art 9(3)", true, List.of(), (c, e) -> nexus(c, e, false)),
            new Rule("QD-10", "Grounds, actual or imputed: QD Art 10", true, List.of("politicalActivity", "ethnicity", "lgbtqi", "objection"), (c, e) -> nexus(c, e, true)),
            new Rule("RC-1A2", "Refugee definition: Convention Art 1A(2)", false, List.of("politicalActivity"), Rules::refugee),
            new Rule("ECHR-3", "Non-refoulement: ECHR Art 3 (CAT Art 3, ICCPR Art 7)", false, List.of("callUp", "militaryStatus", "desertion", "illTreatment"), Rules::nonRefoulement),
            new Rule("QD-15-c", "Indiscriminate violence in armed conflict: QD Art 15(c)", true, List.of(), Rules::indiscriminateViolence),
            new Rule("QD-15", "Serious harm: QD Art 15", true, List.of(), Rules::seriousHarm),
            new Rule("CJEU-ABC", "A, B and C (C-148/13 to C-150/13): limits on evidence of orientation", true, List.of("lgbtqi"), Rules::abc));

    /** The rules whose being met can reveal a special category (issue 11, item 5; docs/assessment.md). */
    public static final java.util.Set<String> REVEALING = ALL.stream().filter(Rule::revealsSpecialCategory).map(Rule::id)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Rules() {
    }

    // ---- step 0: routing -----------------------------------------------------------------------

    private static Verdict temporaryProtection(Case c, Map<String, Verdict> e) {
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

    // ---- step 6: exclusion (S13) -----------------------------------------------------------------

    /** {@code rule}: RC-1F, QD-12 or QD-17; the catalogue names its source (Art 1F of the Convention, Art 12(2) QD, Art 17 QD). */
    private static Verdict exclusion(Case c, String rule) {
        List<String> indicators = c.military.exclusionIndicators();
        if (indicators.isEmpty()) {
            return Verdict.of(Truth.FALSE, List.of(), Reason.of("exclusion.none"));
        }
        return Verdict.of(Truth.TRUE, List.of(), Reason.of("exclusion.indicated", "source", Reason.of("exclusion.source." + rule),
                "indicators", indicators));
    }

    // ---- step 5: internal protection (S11) -------------------------------------------------------

    private static Verdict internalFlight(Case c, Map<String, Verdict> e) {
        if (c.pack.framework() == PolicyPack.LegalFramework.EU_QD_2011_95) {
            return Verdict.notApplicable(Reason.of("ipa.assessedAsQd8"));
        }
        return internalProtection(c, "HB-91");
    }

    private static Verdict internalProtection(Case c, String rule) {
        boolean occupier = c.occupierRecruits();
        if (!occupier && !c.nonStateRecruits()) {
            return Verdict.notApplicable(Reason.of("ipa.ownState"));
        }
        String own = c.ownState();
        Optional<Coi> home = c.ownCoi();
        if (home.isEmpty()) {
            missingCoi(c, own);
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("ipa.noCoi", "country", recorded(own)));
        }
        Coi coi = home.get();
        List<Reason> reasons = new ArrayList<>();
        Truth adult = c.adult();
        if (adult == Truth.UNKNOWN) {
            c.missing("applicant.age");
            reasons.add(Reason.of("ipa.ageUnknown"));
        } else if (adult == Truth.FALSE) {
            reasons.add(Reason.of("ipa.child", "age", c.applicant.age()));
        }
        Truth place;
        String region = c.applicant.regionOfOrigin().region();
        if (occupier) {
            place = Truth.of(coi.occupies(region, c.recruiter()));
            reasons.add(Reason.of(place.isTrue() ? "ipa.regionOccupied" : "ipa.regionNotOccupied", "region", recorded(region),
                    "occupier", recorded(c.recruiter()), "country", own, "cite", RiskHeads.cite(own, coi)));
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
        return Verdict.of(met, EnumSet.noneOf(Ground.class), List.of(own), reasons);
    }

    static boolean internalProtectionMet(Map<String, Verdict> e) {
        return Optional.ofNullable(e.get("QD-8")).map(Verdict::met).orElse(false)
                || Optional.ofNullable(e.get("HB-91")).map(Verdict::met).orElse(false);
    }

    // ---- step 3: risk heads against the recruiter (S4-S8, S15) -----------------------------------

    /** Runs {@code head} against the recruiter's COI, or says the COI is missing. */
    private static Verdict againstRecruiter(Case c, java.util.function.Function<Coi, Verdict> head) {
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

    private static Reason liability(Case c, Coi coi) {
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

    private static Verdict head(Case c, Coi coi, Head head, String rule) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(liability(c, coi));
        if (head.truth().isTrue()) {
            reasons.add(Reason.of("head.met", "rule", rule, "clauses", head.reasons()));
        } else {
            reasons.addAll(head.reasons().stream().map(Rules::sentence).toList());
        }
        return Verdict.of(head.truth(), head.grounds(), List.of(c.recruiter()), reasons);
    }

    /** A head's clause as a sentence of its own. */
    private static Reason sentence(Reason clause) {
        return Reason.of("sentence", "clause", clause);
    }

    private static Verdict measures(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> {
            Head h = RiskHeads.measures(c, c.recruiter(), coi, true);
            return Verdict.of(h.truth(), h.grounds(), List.of(c.recruiter()),
                    h.truth().isTrue() ? List.of(Reason.of("head.met", "rule", "QD-9-2-b", "clauses", h.reasons()))
                            : h.reasons().stream().map(Rules::sentence).toList());
        });
    }

    private static Verdict punishment(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.punishment(c.recruiter(), coi, c.liable(coi)), "QD-9-2-c"));
    }

    private static Verdict shepherd(Case c, Map<String, Verdict> e) {
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

    private static Verdict refusalOfCrimes(Case c, Map<String, Verdict> e) {
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
                reasons.add(Reason.of("head.met", "rule", "QD-9-2-e", "clauses", clauses));
            } else {
                reasons.addAll(complicity.reasons().stream().map(Rules::sentence).toList());
                if (unused) {
                    reasons.add(Reason.of("refusal.procedureUnused"));
                }
            }
            return Verdict.of(met, complicity.grounds(), List.of(c.recruiter()), reasons);
        });
    }

    private static Verdict ez(Case c, Map<String, Verdict> e) {
        Verdict refusal = e.get("QD-9-2-e");
        return switch (refusal.result()) {
            case MET -> {
                boolean systematic = c.recruiterCoi().map(coi -> coi.armedConflict().systematicIhlViolations()).orElse(false);
                yield Verdict.of(Truth.TRUE, EnumSet.of(Ground.POLITICAL_OPINION), refusal.countries(), List.of(
                        Reason.of(systematic ? "ez.metSystematic" : "ez.metOwnUnit")));
            }
            case UNDETERMINED -> Verdict.of(Truth.UNKNOWN, refusal.countries(), Reason.of("turnsOn", "rule", "QD-9-2-e"));
            default -> Verdict.of(Truth.FALSE, refusal.countries(), Reason.of("ez.notMet"));
        };
    }

    private static Verdict complicity(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.complicity(c, c.recruiter(), coi, c.liable(coi), true), "GIP10-2"));
    }

    private static Verdict conditions(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.conditions(c, c.recruiter(), coi, c.liable(coi), true), "GIP10-3"));
    }

    /** S7: with objectionAloneSuffices false, objection counts only when aggravated (S6 penalties, GIP10-2 or GIP10-3). */
    private static Verdict objection(Case c, Map<String, Verdict> e) {
        if (!c.objectionClaimed()) {
            return Verdict.of(Truth.FALSE, List.of(), sentence(Reason.of("head.conscience.notClaimed")));
        }
        return againstRecruiter(c, coi -> {
            Truth liable = c.liable(coi);
            Head conscience = RiskHeads.conscience(c, c.recruiter(), coi, liable);
            List<Reason> reasons = new ArrayList<>();
            reasons.add(liability(c, coi));
            reasons.addAll(conscience.reasons().stream().map(Rules::sentence).toList());
            Truth met = conscience.truth();
            if (!RiskHeads.objectionAloneSuffices(c.pack)) {
                Map<Reason, Truth> aggravations = new LinkedHashMap<>();
                aggravations.put(RiskHeads.PUNISHMENT, RiskHeads.punishment(c.recruiter(), coi, liable).truth());
                aggravations.put(RiskHeads.MEASURES, RiskHeads.measures(c, c.recruiter(), coi, true).truth());
                aggravations.put(Reason.of("risk.complicityMet"), e.get("GIP10-2").truth());
                aggravations.put(Reason.of("risk.conditionsMet"), e.get("GIP10-3").truth());
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

    private static Verdict nonStateRecruitment(Case c, Map<String, Verdict> e) {
        if (!c.nonStateRecruits()) {
            return Verdict.notApplicable(Reason.of("nonState.notApplicable"));
        }
        Coi coi = c.recruiterCoi().orElse(NO_COI);
        Truth liable = c.liable(coi);
        return Verdict.of(liable, EnumSet.of(Ground.PARTICULAR_SOCIAL_GROUP, Ground.POLITICAL_OPINION), List.of(),
                List.of(liability(c, coi), Reason.of(liable.isTrue() ? "nonState.met" : "nonState.notEstablished")));
    }

    /** S10: depends on age under 18 whatever status says (Optional Protocol, Arts 2 and 4). */
    private static Verdict childRecruitment(Case c, Map<String, Verdict> e) {
        Integer age = c.applicant.age();
        if (age == null) {
            if (c.military.status() == Facts.MilitaryStatus.CHILD) {
                c.missing("applicant.age");
                return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("child.ageUnknown"));
            }
            return Verdict.notApplicable(Reason.of("child.notClaimed"));
        }
        if (age >= 18) {
            return Verdict.of(Truth.FALSE, List.of(), Reason.of("child.adult", "age", age));
        }
        Coi coi = c.recruiterCoi().orElse(NO_COI);
        Truth recruited = c.liable(coi).or(Truth.of(c.nonStateRecruits() && coi.nonStateRecruitment().childRecruitment()));
        return Verdict.of(recruited, EnumSet.of(Ground.PARTICULAR_SOCIAL_GROUP, Ground.POLITICAL_OPINION), List.of(),
                List.of(Reason.of("child.protocol", "age", age), recruited.isTrue() ? Reason.of("child.met") : liability(c, coi)));
    }

    private static Verdict occupation(Case c, Map<String, Verdict> e) {
        if (!c.occupierRecruits()) {
            return Verdict.notApplicable(Reason.of("occupation.notApplicable"));
        }
        String own = c.ownState();
        Optional<Coi> home = c.ownCoi();
        if (home.isEmpty()) {
            missingCoi(c, own);
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("occupation.noCoi", "country", recorded(own)));
        }
        Coi recruiterCoi = c.recruiterCoi().orElse(NO_COI);
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
    private static Object recorded(String value) {
        return value == null ? Reason.of("term.unrecorded") : value;
    }

    /** The pack lacks the COI of his own State, which the claim may not name at all. */
    private static void missingCoi(Case c, String own) {
        c.missing(own == null ? "applicant.nationalities" : "coi." + own);
    }

    private static Verdict bayatyan(Case c, Map<String, Verdict> e) {
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
    private static Verdict handbook(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> {
            Truth severe = RiskHeads.severePunishment(coi, c.liable(coi));
            Verdict gip2 = e.get("GIP10-2");
            Verdict gip1 = e.get("GIP10-1");
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

    private static Verdict cnda(Case c, Map<String, Verdict> e) {
        if (!"RU".equals(c.recruiter())) {
            return Verdict.notApplicable(Reason.of("cnda.notRussia", "country", recorded(c.recruiter())));
        }
        Coi coi = c.recruiterCoi().orElse(NO_COI);
        Truth liable = c.liable(coi);
        return Verdict.of(liable, List.of("RU"), liability(c, coi), Reason.of(liable.isTrue() ? "cnda.met" : "cnda.notMet"));
    }

    /**
     * PK & OS [2020] UKUT 314: punishment for refusing service is persecution for political opinion where the conduct
     * contrary to the basic rules of human conduct is committed on a systematic basis, as deliberate policy or official
     * indifference. Its own test, not GIP10-2's: a unit implicated in crimes meets GIP10-2 but not this.
     */
    private static Verdict pkos(Case c, Map<String, Verdict> e) {
        Verdict gip2 = e.get("GIP10-2");
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

    private static Verdict benefitOfDoubt(Case c, Map<String, Verdict> e) {
        List<String> facts = Case.MATERIAL_FACTS.stream().filter(c::benefitOfDoubt).toList();
        if (facts.isEmpty()) {
            return Verdict.notApplicable(Reason.of("doubt.none"));
        }
        return Verdict.of(Truth.TRUE, List.of(), Reason.of("doubt.given", "facts", Reason.terms("fact", facts)));
    }

    // ---- step 4 and the definition: nexus, grounds, refugee status (S9) -------------------------

    /** The grounds of the persecution heads that are met, plus political activity (S9). */
    private static Set<Ground> grounds(Case c, Map<String, Verdict> e) {
        Set<Ground> grounds = EnumSet.noneOf(Ground.class);
        PERSECUTION.stream().map(e::get).filter(v -> v != null && v.met()).forEach(v -> grounds.addAll(v.grounds()));
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

    private static Truth persecution(Case c, Map<String, Verdict> e) {
        Truth any = Truth.FALSE;
        for (String rule : PERSECUTION) {
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

    private static Verdict nexus(Case c, Map<String, Verdict> e, boolean grounds) {
        List<String> met = PERSECUTION.stream().filter(r -> e.get(r) != null && e.get(r).met()).toList();
        if (met.isEmpty()) {
            boolean open = PERSECUTION.stream().anyMatch(r -> e.get(r) != null && e.get(r).result() == Finding.Result.UNDETERMINED);
            return open ? Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("nexus.open"))
                    : Verdict.notApplicable(Reason.of("nexus.noPersecution"));
        }
        Set<Ground> found = grounds(c, e);
        if (found.isEmpty()) {
            return Verdict.of(Truth.FALSE, List.of(), Reason.of("nexus.noGround", "rules", met));
        }
        List<Reason> named = Reason.terms("ground", found);
        Reason text = grounds ? Reason.of("nexus.grounds", "grounds", named)
                : Reason.of(e.get("CJEU-EZ") != null && e.get("CJEU-EZ").met() ? "nexus.presumed" : "nexus.established", "rules", met, "grounds", named);
        return Verdict.of(Truth.TRUE, found, List.of(), List.of(text));
    }

    private static Verdict refugee(Case c, Map<String, Verdict> e) {
        Truth persecution = persecution(c, e);
        Set<Ground> grounds = grounds(c, e);
        if (persecution.isTrue() && !grounds.isEmpty()) {
            if (internalProtectionMet(e)) {
                return Verdict.of(Truth.FALSE, List.of(), Reason.of("refugee.protectedAtHome", "actor", c.persecutor(), "country", c.ownState()));
            }
            List<String> heads = PERSECUTION.stream().filter(r -> e.get(r) != null && e.get(r).met()).toList();
            return Verdict.of(Truth.TRUE, grounds, List.of(), List.of(Reason.of("refugee.met", "rules", heads,
                    "grounds", Reason.terms("ground", grounds))));
        }
        if (persecution == Truth.UNKNOWN) {
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("refugee.open"));
        }
        return Verdict.of(Truth.FALSE, List.of(), Reason.of(persecution.isTrue() ? "refugee.noGround" : "refugee.notMet"));
    }

    // ---- non-refoulement (S12) and serious harm --------------------------------------------------

    private static Verdict nonRefoulement(Case c, Map<String, Verdict> e) {
        Reason law = Reason.of(c.pack.framework() == PolicyPack.LegalFramework.EU_QD_2011_95 ? "echr3.law" : "echr3.lawUniversal");
        return againstRecruiter(c, coi -> {
            Truth liable = c.liable(coi);
            boolean extrajudicial = coi.penalties().extrajudicial();
            boolean torture = coi.conditionsOfService().contains(ServiceCondition.TORTURE);
            Truth suffered = c.military.illTreatmentSuffered().stream().anyMatch(t -> t == IllTreatment.TORTURE || t == IllTreatment.SEXUAL_VIOLENCE)
                    ? c.credible("illTreatment") : Truth.FALSE;
            Truth risk = liable.and(Truth.of(extrajudicial || torture)).or(suffered);
            List<Reason> reasons = new ArrayList<>();
            reasons.add(liability(c, coi));
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
            if (risk.isTrue() && internalProtectionMet(e)) {
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
    private static Verdict indiscriminateViolence(Case c, Map<String, Verdict> e) {
        String own = c.ownState();
        String region = c.applicant.regionOfOrigin().region();
        Optional<Coi> home = c.ownCoi();
        if (home.isEmpty()) {
            missingCoi(c, own);
            return Verdict.of(Truth.UNKNOWN, List.of(), Reason.of("qd15c.noCoi", "country", recorded(own)));
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
    private static Verdict seriousHarm(Case c, Map<String, Verdict> e) {
        Verdict echr = e.get("ECHR-3");
        Verdict violence = e.get("QD-15-c");
        List<String> countries = new ArrayList<>(echr.countries());
        countries.addAll(violence.countries());
        List<Reason> reasons = new ArrayList<>();
        reasons.add(switch (echr.result()) {
            case MET -> Reason.of("qd15.met");
            case UNDETERMINED -> Reason.of("turnsOn", "rule", "ECHR-3");
            default -> Reason.of("qd15.notMet");
        });
        reasons.add(switch (violence.result()) {
            case MET -> Reason.of("qd15.metViolence");
            case UNDETERMINED -> Reason.of("turnsOn", "rule", "QD-15-c");
            default -> Reason.of("qd15.notMetViolence");
        });
        return Verdict.of(echr.truth().or(violence.truth()), EnumSet.noneOf(Ground.class), countries, reasons);
    }

    private static Verdict abc(Case c, Map<String, Verdict> e) {
        if (!c.claimed("lgbtqi")) {
            return Verdict.notApplicable(Reason.of("abc.notClaimed"));
        }
        return Verdict.of(Truth.TRUE, List.of(), Reason.of("abc.met"));
    }
}
