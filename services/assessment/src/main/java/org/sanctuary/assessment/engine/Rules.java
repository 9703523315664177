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

    private static final Coi NO_COI = new Coi(null, null, null, null, null, null, null, null, null, null).normalised();

    public static final List<Rule> ALL = List.of(
            new Rule(TEMPORARY_PROTECTION, "Temporary protection route (step 0)", false, List.of("exclusionIndicators"), Rules::temporaryProtection),
            new Rule("RC-1F", "Exclusion: Convention Art 1F", false, List.of("exclusionIndicators"), (c, e) -> exclusion(c, "Art 1F of the Convention")),
            new Rule("QD-12", "Exclusion from refugee status: QD Art 12(2)-(3)", true, List.of("exclusionIndicators"), (c, e) -> exclusion(c, "Art 12(2) QD")),
            new Rule("QD-17", "Exclusion from subsidiary protection: QD Art 17", true, List.of("exclusionIndicators"), (c, e) -> exclusion(c, "Art 17 QD")),
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
            return Verdict.notApplicable("No temporary-protection scheme of this pack covers his nationalities "
                    + c.applicant.nationalities() + ".");
        }
        for (PolicyPack.TemporaryProtection tp : schemes) {
            boolean within = (tp.from() == null || !c.date.isBefore(tp.from())) && (tp.until() == null || !c.date.isAfter(tp.until()));
            if (within) {
                List<String> reasons = new ArrayList<>(List.of("Nationals of " + tp.nationality() + " are covered by " + tp.basis()
                        + " from " + tp.from() + " until " + tp.until() + ", and " + c.date + " lies within it; this route applies only if no stronger outcome holds (S14)."));
                List<String> indicators = c.military.exclusionIndicators();
                if (!indicators.isEmpty()) {
                    reasons.add("Indicators of personal responsibility for an excludable act are recorded (" + String.join(", ", indicators)
                            + "): Art 28(1)(a) of Directive 2001/55 allows a Member State to exclude him from temporary protection "
                            + "as well; refer to an exclusion specialist before granting it.");
                }
                return Verdict.of(Truth.TRUE, EnumSet.noneOf(Ground.class), List.of(), reasons);
            }
        }
        PolicyPack.TemporaryProtection tp = schemes.get(0);
        return Verdict.of(Truth.FALSE, List.of(), "Temporary protection for " + tp.nationality() + " (" + tp.basis() + ") runs from "
                + tp.from() + " until " + tp.until() + "; " + c.date + " lies outside it.");
    }

    // ---- step 6: exclusion (S13) -----------------------------------------------------------------

    private static Verdict exclusion(Case c, String source) {
        List<String> indicators = c.military.exclusionIndicators();
        if (indicators.isEmpty()) {
            return Verdict.of(Truth.FALSE, List.of(), "No indicator of personal responsibility for an excludable act is recorded; "
                    + "serving in a unit implicated in crimes is not in itself one (S13).");
        }
        return Verdict.of(Truth.TRUE, List.of(), "Indicators of personal responsibility under " + source + " are recorded ("
                + String.join(", ", indicators) + "): refer to an exclusion specialist. Exclusion never removes the ECHR-3 bar on return.");
    }

    // ---- step 5: internal protection (S11) -------------------------------------------------------

    private static Verdict internalFlight(Case c, Map<String, Verdict> e) {
        if (c.pack.framework() == PolicyPack.LegalFramework.EU_QD_2011_95) {
            return Verdict.notApplicable("Under EU_QD_2011_95 internal protection is assessed as QD-8.");
        }
        return internalProtection(c, "HB-91");
    }

    private static Verdict internalProtection(Case c, String rule) {
        boolean occupier = c.occupierRecruits();
        if (!occupier && !c.nonStateRecruits()) {
            return Verdict.notApplicable("He would be recruited by his own State, which is the persecutor; internal protection is not relevant (S11).");
        }
        String own = c.ownState();
        Optional<Coi> home = c.ownCoi();
        if (home.isEmpty()) {
            c.missing("coi." + own);
            return Verdict.of(Truth.UNKNOWN, List.of(), "This pack holds no COI for his own State " + own + ", so internal protection cannot be assessed.");
        }
        Coi coi = home.get();
        List<String> reasons = new ArrayList<>();
        Truth adult = c.adult();
        if (adult == Truth.UNKNOWN) {
            c.missing("applicant.age");
            reasons.add("His age is not recorded; a child cannot reasonably be expected to relocate.");
        } else if (adult == Truth.FALSE) {
            reasons.add("He is a child (" + c.applicant.age() + "); relocation is not reasonable for him.");
        }
        Truth place;
        String region = c.applicant.regionOfOrigin().region();
        if (occupier) {
            place = Truth.of(coi.occupies(region, c.recruiter()));
            reasons.add(place.isTrue()
                    ? "His region " + region + " is occupied by " + c.recruiter() + " (" + RiskHeads.cite(own, coi) + "); the part of " + own + " under its own government is open to him."
                    : "His region " + region + " is not listed as occupied by " + c.recruiter() + " (" + RiskHeads.cite(own, coi) + ").");
        } else {
            place = Truth.of(coi.nonStateRecruitment().stateProtection());
            reasons.add(place.isTrue()
                    ? own + " protects against recruitment by non-State armed groups (" + RiskHeads.cite(own, coi) + ")."
                    : own + " does not protect against recruitment by non-State armed groups (" + RiskHeads.cite(own, coi) + ").");
        }
        Map<String, Truth> heads = RiskHeads.atHome(c, own, coi);
        Truth atHome = RiskHeads.any(heads);
        List<String> named = RiskHeads.named(heads, atHome == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN);
        reasons.add(switch (atHome) {
            case TRUE -> "But " + own + " itself poses a risk to him there: " + String.join("; ", named) + " (" + RiskHeads.cite(own, coi)
                    + "), so he has no safe alternative.";
            case FALSE -> "The COI of " + own + " shows no risk head against him there.";
            case UNKNOWN -> "Whether " + own + " itself poses a risk to him (" + String.join("; ", named) + ") turns on facts not yet assessed.";
        });
        Truth met = adult.and(place).and(atHome.not());
        if (met.isTrue()) {
            reasons.add(rule + " met: risks from " + (occupier ? "the occupying power " + c.recruiter() : "the non-State group")
                    + " support neither a protection status nor ECHR-3.");
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
            return Verdict.of(Truth.UNKNOWN, List.of(), "The recruiting country is not recorded, so the risk cannot be read from any COI.");
        }
        Optional<Coi> coi = c.recruiterCoi();
        if (coi.isEmpty()) {
            return Verdict.of(Truth.UNKNOWN, List.of(), "This pack holds no COI for " + recruiter + ", the recruiting country.");
        }
        return head.apply(coi.get());
    }

    private static String liability(Case c, Coi coi) {
        Truth liable = c.liable(coi);
        if (liable.isTrue()) {
            List<String> why = new ArrayList<>();
            if (c.credible("callUp").isTrue()) {
                why.add("his call-up");
            }
            if (c.serviceClaimed() && c.credible("militaryStatus").or(c.credible("unit")).isTrue()) {
                why.add("his service");
            }
            if (c.credible("desertion").isTrue()) {
                why.add("his desertion");
            }
            if (c.targetedGroup(coi).isTrue()) {
                why.add("his membership of a group targeted for recruitment");
            }
            return "He is reasonably likely to be made to serve: " + String.join(", ", why) + (why.size() == 1 ? " is" : " are") + " accepted (S3).";
        }
        if (liable == Truth.UNKNOWN) {
            return "Whether he is liable to serve turns on facts not yet assessed (S3).";
        }
        if (c.rejected("callUp")) {
            return "He is not shown to be liable to serve: his call-up is not accepted, and status as a reservist alone is not enough (S3).";
        }
        return "No accepted fact shows a call-up, service or desertion, nor membership of a group targeted for recruitment, so he is not shown to be liable to serve (S3).";
    }

    private static Verdict head(Case c, Coi coi, Head head, String met) {
        List<String> reasons = new ArrayList<>();
        reasons.add(liability(c, coi));
        if (head.truth().isTrue()) {
            reasons.add(met + ": " + String.join("; ", head.reasons()) + ".");
        } else {
            reasons.addAll(head.reasons().stream().map(r -> Character.toUpperCase(r.charAt(0)) + r.substring(1) + ".").toList());
        }
        return Verdict.of(head.truth(), head.grounds(), List.of(c.recruiter()), reasons);
    }

    private static Verdict measures(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> {
            Head h = RiskHeads.measures(c, c.recruiter(), coi, true);
            return Verdict.of(h.truth(), h.grounds(), List.of(c.recruiter()),
                    List.of(h.truth().isTrue() ? "QD-9-2-b met: " + String.join("; ", h.reasons()) + "."
                            : capitalised(String.join("; ", h.reasons())) + "."));
        });
    }

    private static Verdict punishment(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.punishment(c.recruiter(), coi, c.liable(coi)), "QD-9-2-c met"));
    }

    private static Verdict shepherd(Case c, Map<String, Verdict> e) {
        Boolean implicated = c.military.unit().implicatedInCrimes();
        if (implicated == null) {
            return Verdict.notApplicable("No unit implicated in crimes is claimed; where the posting is unknown, CJEU-EZ governs.");
        }
        return againstRecruiter(c, coi -> {
            List<String> reasons = new ArrayList<>();
            Truth unit = c.unitImplicated();
            reasons.add(switch (unit) {
                case TRUE -> "His unit is credibly implicated in war crimes; support roles count as indispensable support.";
                case FALSE -> "His unit is not shown to be implicated in war crimes.";
                case UNKNOWN -> "His unit's implication in war crimes is claimed but not yet assessed.";
            });
            boolean unused = c.effectiveProcedureUnused(coi);
            if (unused) {
                reasons.add("An effective objector procedure was available in " + c.recruiter() + " and he did not use it, so refusal was not his only way out (S5).");
            }
            boolean legitimised = Case.legitimised(coi);
            if (legitimised) {
                reasons.add("The operation has an international mandate and " + c.recruiter() + " prosecutes war crimes ("
                        + RiskHeads.cite(c.recruiter(), coi) + "), which militates against a high likelihood of war crimes.");
            }
            return Verdict.of(unit.and(Truth.of(!unused && !legitimised)), EnumSet.of(Ground.POLITICAL_OPINION), List.of(c.recruiter()), reasons);
        });
    }

    private static Verdict refusalOfCrimes(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> {
            Head complicity = RiskHeads.complicity(c, c.recruiter(), coi, c.liable(coi), true);
            boolean unused = c.effectiveProcedureUnused(coi);
            Truth met = complicity.truth().and(Truth.of(!unused));
            List<String> reasons = new ArrayList<>();
            reasons.add(liability(c, coi));
            if (met.isTrue()) {
                reasons.add("QD-9-2-e met: " + String.join("; ", complicity.reasons())
                        + (coi.armedConflict().systematicIhlViolations() ? "; under CJEU-EZ his future posting need not be known" : "") + ".");
            } else {
                reasons.add(capitalised(String.join("; ", complicity.reasons())) + ".");
                if (unused) {
                    reasons.add("An effective objector procedure was available and he did not use it, so refusal was not his only way out (CJEU-SHEPHERD, S5).");
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
                        "QD-9-2-e is met: his refusal need not have been formalised where no effective right to object exists, "
                        + (systematic ? "his future posting need not be known since the COI records the crimes as systematic, "
                                : "the crimes are established for his own unit (the COI does not record them as systematic), ")
                        + "and a strong presumption links the punishment he faces to a Convention ground (political opinion, "
                        + "actual or imputed)."));
            }
            case UNDETERMINED -> Verdict.of(Truth.UNKNOWN, refusal.countries(), "Turns on QD-9-2-e, which is undetermined.");
            default -> Verdict.of(Truth.FALSE, refusal.countries(), "QD-9-2-e is not met, so the EZ presumption of nexus does not arise.");
        };
    }

    private static Verdict complicity(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.complicity(c, c.recruiter(), coi, c.liable(coi), true), "GIP10-2 met"));
    }

    private static Verdict conditions(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> head(c, coi, RiskHeads.conditions(c, c.recruiter(), coi, c.liable(coi), true), "GIP10-3 met"));
    }

    /** S7: with objectionAloneSuffices false, objection counts only when aggravated (S6 penalties, GIP10-2 or GIP10-3). */
    private static Verdict objection(Case c, Map<String, Verdict> e) {
        if (!c.objectionClaimed()) {
            return Verdict.of(Truth.FALSE, List.of(), "He does not claim a conscientious objection.");
        }
        return againstRecruiter(c, coi -> {
            Truth liable = c.liable(coi);
            Head conscience = RiskHeads.conscience(c, c.recruiter(), coi, liable);
            List<String> reasons = new ArrayList<>();
            reasons.add(liability(c, coi));
            reasons.addAll(conscience.reasons().stream().map(r -> capitalised(r) + ".").toList());
            Truth met = conscience.truth();
            if (!RiskHeads.objectionAloneSuffices(c.pack)) {
                Map<String, Truth> aggravations = new LinkedHashMap<>();
                aggravations.put(RiskHeads.PUNISHMENT, RiskHeads.punishment(c.recruiter(), coi, liable).truth());
                aggravations.put(RiskHeads.MEASURES, RiskHeads.measures(c, c.recruiter(), coi, true).truth());
                aggravations.put("GIP10-2 met", e.get("GIP10-2").truth());
                aggravations.put("GIP10-3 met", e.get("GIP10-3").truth());
                Truth aggravated = RiskHeads.any(aggravations);
                met = RiskHeads.objection(c.pack, conscience.truth(), aggravated);
                if (conscience.truth().isTrue() && aggravated == Truth.FALSE) {
                    reasons.add("This pack holds that objection alone does not found a claim (GIP10-1.objectionAloneSuffices = false), "
                            + "and nothing aggravates it: the penalties are not disproportionate, discriminatory or extrajudicial, and neither GIP10-2 nor GIP10-3 is met.");
                } else if (conscience.truth().isTrue() && aggravated.isTrue()) {
                    reasons.add("This pack requires more than objection alone, and it is aggravated here by "
                            + String.join(", ", RiskHeads.named(aggravations, Truth.TRUE)) + " (S7).");
                }
            }
            if (met.isTrue()) {
                reasons.add("GIP10-1 met: as a genuine " + c.objectionKind().name().toLowerCase() + " objector facing prosecution with no adequate alternative, he would be punished for his conscience.");
            }
            return Verdict.of(met, conscience.grounds(), List.of(c.recruiter()), reasons);
        });
    }

    private static Verdict nonStateRecruitment(Case c, Map<String, Verdict> e) {
        if (!c.nonStateRecruits()) {
            return Verdict.notApplicable("He is not recruited by a non-State armed group.");
        }
        Coi coi = c.recruiterCoi().orElse(NO_COI);
        Truth liable = c.liable(coi);
        return Verdict.of(liable, EnumSet.of(Ground.PARTICULAR_SOCIAL_GROUP, Ground.POLITICAL_OPINION), List.of(),
                List.of(liability(c, coi), liable.isTrue()
                        ? "GIP10-4 met: forced recruitment by a non-State armed group; refusing it can be taken as political opinion, and those targeted can form a particular social group."
                        : "Forced recruitment by the non-State armed group is not established."));
    }

    /** S10: depends on age under 18 whatever status says (Optional Protocol, Arts 2 and 4). */
    private static Verdict childRecruitment(Case c, Map<String, Verdict> e) {
        Integer age = c.applicant.age();
        if (age == null) {
            if (c.military.status() == Facts.MilitaryStatus.CHILD) {
                c.missing("applicant.age");
                return Verdict.of(Truth.UNKNOWN, List.of(), "He is recorded as a child but his age is not recorded.");
            }
            return Verdict.notApplicable("His age is not recorded and child recruitment is not claimed.");
        }
        if (age >= 18) {
            return Verdict.of(Truth.FALSE, List.of(), "He is " + age + ", an adult.");
        }
        Coi coi = c.recruiterCoi().orElse(NO_COI);
        Truth recruited = c.liable(coi).or(Truth.of(c.nonStateRecruits() && coi.nonStateRecruitment().childRecruitment()));
        return Verdict.of(recruited, EnumSet.of(Ground.PARTICULAR_SOCIAL_GROUP, Ground.POLITICAL_OPINION), List.of(),
                List.of("He is " + age + ": the Optional Protocol forbids compulsory recruitment under 18 by a State (Art 2) and any recruitment under 18 by armed groups (Art 4).",
                        recruited.isTrue() ? "GIP10-5 met: he is at risk of recruitment as a child." : liability(c, coi)));
    }

    private static Verdict occupation(Case c, Map<String, Verdict> e) {
        if (!c.occupierRecruits()) {
            return Verdict.notApplicable("He is not recruited by an occupying power.");
        }
        String own = c.ownState();
        Optional<Coi> home = c.ownCoi();
        if (home.isEmpty()) {
            c.missing("coi." + own);
            return Verdict.of(Truth.UNKNOWN, List.of(), "This pack holds no COI for his own State " + own + ", so the occupation of his region cannot be read (S15).");
        }
        Coi recruiterCoi = c.recruiterCoi().orElse(NO_COI);
        Truth liable = c.liable(recruiterCoi);
        String region = c.applicant.regionOfOrigin().region();
        boolean occupied = home.get().occupies(region, c.recruiter());
        List<String> reasons = new ArrayList<>();
        reasons.add(liability(c, recruiterCoi));
        reasons.add(occupied
                ? "His region " + region + " is occupied by " + c.recruiter() + " (" + RiskHeads.cite(own, home.get()) + ")."
                : "His region " + region + " is not listed as occupied by " + c.recruiter() + " (" + RiskHeads.cite(own, home.get()) + ").");
        Truth met = liable.and(Truth.of(occupied));
        if (met.isTrue()) {
            reasons.add("IHL-OCCUPATION met: an occupying power may not compel inhabitants of occupied territory to serve in its forces (Hague Regulations Art 23, GC IV Art 51); "
                    + "compelling them to fight against their own country is a war crime (GC IV Art 147; Rome Statute 8(2)(a)(v), 8(2)(b)(xv)).");
        }
        return Verdict.of(met, EnumSet.of(Ground.NATIONALITY, Ground.POLITICAL_OPINION), List.of(own), reasons);
    }

    private static Verdict bayatyan(Case c, Map<String, Verdict> e) {
        if (!c.objectionClaimed()) {
            return Verdict.of(Truth.FALSE, List.of(), "He does not claim a conscientious objection.");
        }
        return againstRecruiter(c, coi -> {
            boolean noCivilian = coi.alternativeService() != AlternativeService.ADEQUATE;
            Truth met = c.credible("objection").and(c.liable(coi)).and(Truth.of(noCivilian));
            return Verdict.of(met, List.of(c.recruiter()),
                    "Alternative service in " + c.recruiter() + " is " + coi.alternativeService() + " (" + RiskHeads.cite(c.recruiter(), coi) + ").",
                    met.isTrue()
                            ? "ECHR-9-BAYATYAN met: convicting a genuine objector who has no civilian alternative violates freedom of conscience (Art 9 ECHR); on its own this never bars return (S7)."
                            : "ECHR-9-BAYATYAN not met: " + (c.credible("objection") == Truth.FALSE ? "his objection is not accepted." : noCivilian ? "he is not shown to be liable to serve." : "an adequate civilian alternative exists."));
        });
    }

    /** S8: §169 punishment, §171 (GIP10-2), or an objection that counts under the pack (§§170-172). */
    private static Verdict handbook(Case c, Map<String, Verdict> e) {
        return againstRecruiter(c, coi -> {
            Truth severe = RiskHeads.severePunishment(coi, c.liable(coi));
            Verdict gip2 = e.get("GIP10-2");
            Verdict gip1 = e.get("GIP10-1");
            Set<Ground> grounds = EnumSet.noneOf(Ground.class);
            List<String> reasons = new ArrayList<>();
            if (severe.isTrue()) {
                grounds.add(Ground.POLITICAL_OPINION);
                reasons.add("§169: the punishment he faces in " + c.recruiter() + " is disproportionately severe or extrajudicial (" + RiskHeads.cite(c.recruiter(), coi) + ").");
            }
            if (gip2.met()) {
                grounds.addAll(gip2.grounds());
                reasons.add("§171: service would mean acts contrary to the basic rules of human conduct (GIP10-2).");
            }
            if (gip1.met()) {
                grounds.addAll(gip1.grounds());
                reasons.add("§§170-172: his objection of conscience counts under this pack (GIP10-1).");
            }
            Truth met = severe.or(gip2.truth()).or(gip1.truth());
            if (met == Truth.FALSE) {
                reasons.add("Evasion or desertion alone is not persecution (§167), and fear of combat is not enough (§168); no aggravating circumstance of §§169-172 is established.");
            } else if (met == Truth.UNKNOWN) {
                reasons.add("Whether §§169-172 apply turns on facts not yet assessed.");
            }
            return Verdict.of(met, grounds, List.of(c.recruiter()), reasons);
        });
    }

    private static Verdict cnda(Case c, Map<String, Verdict> e) {
        if (!"RU".equals(c.recruiter())) {
            return Verdict.notApplicable("Concerns service in the Russian forces; the recruiting country is " + c.recruiter() + ".");
        }
        Coi coi = c.recruiterCoi().orElse(NO_COI);
        Truth liable = c.liable(coi);
        return Verdict.of(liable, List.of("RU"), liability(c, coi), liable.isTrue()
                ? "CNDA-2023-07-20 met: Russians fleeing the 2022 mobilisation, and deserters, can be refugees, and his mobilisation or service is credible."
                : "Reservist status alone is not enough; the mobilisation must be credible (CNDA, 20 July 2023).");
    }

    /**
     * PK & OS [2020] UKUT 314: punishment for refusing service is persecution for political opinion where the conduct
     * contrary to the basic rules of human conduct is committed on a systematic basis, as deliberate policy or official
     * indifference. Its own test, not GIP10-2's: a unit implicated in crimes meets GIP10-2 but not this.
     */
    private static Verdict pkos(Case c, Map<String, Verdict> e) {
        Verdict gip2 = e.get("GIP10-2");
        if (gip2.result() == Finding.Result.NOT_MET || gip2.result() == Finding.Result.NOT_APPLICABLE) {
            return Verdict.of(Truth.FALSE, gip2.countries(), "GIP10-2 is not met, so refusal of such service does not arise.");
        }
        return againstRecruiter(c, coi -> {
            if (!coi.armedConflict().systematicIhlViolations()) {
                return Verdict.of(Truth.FALSE, List.of(c.recruiter()), "PK & OS requires conduct contrary to the basic rules of "
                        + "human conduct committed on a systematic basis, as deliberate policy or official indifference; the COI of "
                        + c.recruiter() + " does not record such violations (" + RiskHeads.cite(c.recruiter(), coi) + ")"
                        + (gip2.met() ? ", so GIP10-2, met on his own unit's implication, does not carry this rule." : "."));
            }
            if (gip2.result() == Finding.Result.UNDETERMINED) {
                return Verdict.of(Truth.UNKNOWN, List.of(c.recruiter()), "The forces of " + c.recruiter() + " commit such violations "
                        + "systematically (" + RiskHeads.cite(c.recruiter(), coi) + "), but whether he would have to serve turns on "
                        + "GIP10-2, which is undetermined.");
            }
            return Verdict.of(Truth.TRUE, EnumSet.of(Ground.POLITICAL_OPINION), List.of(c.recruiter()), List.of("The forces of "
                    + c.recruiter() + " commit violations of humanitarian law systematically (" + RiskHeads.cite(c.recruiter(), coi)
                    + "); punishment for refusing such service is persecution for political opinion, with no specific "
                    + "international condemnation needed."));
        });
    }

    private static Verdict benefitOfDoubt(Case c, Map<String, Verdict> e) {
        List<String> facts = Case.MATERIAL_FACTS.stream().filter(c::benefitOfDoubt).toList();
        if (facts.isEmpty()) {
            return Verdict.notApplicable("No material fact rests on the benefit of the doubt.");
        }
        return Verdict.of(Truth.TRUE, List.of(), "Given the benefit of the doubt (coherent, plausible, genuine effort to substantiate): "
                + String.join(", ", facts) + ".");
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
            return open ? Verdict.of(Truth.UNKNOWN, List.of(), "Whether an act of persecution is established turns on facts not yet assessed.")
                    : Verdict.notApplicable("No act of persecution is established, so no nexus to a ground arises.");
        }
        Set<Ground> found = grounds(c, e);
        if (found.isEmpty()) {
            return Verdict.of(Truth.FALSE, List.of(), "The harm he faces (" + String.join(", ", met) + ") is not shown to be for a Convention reason.");
        }
        String text = grounds
                ? "Grounds established, actual or imputed: " + found + "."
                : "The persecution he faces (" + String.join(", ", met) + ") is for a Convention reason: " + found
                  + (e.get("CJEU-EZ") != null && e.get("CJEU-EZ").met() ? " (presumed under CJEU-EZ)." : ".");
        return Verdict.of(Truth.TRUE, found, List.of(), List.of(text));
    }

    private static Verdict refugee(Case c, Map<String, Verdict> e) {
        Truth persecution = persecution(c, e);
        Set<Ground> grounds = grounds(c, e);
        if (persecution.isTrue() && !grounds.isEmpty()) {
            if (internalProtectionMet(e)) {
                return Verdict.of(Truth.FALSE, List.of(), "He would face persecution from " + c.persecutor() + ", but his own State, "
                        + c.ownState() + ", can protect him (QD Art 7; internal protection, S11), so he is not a refugee on that account.");
            }
            List<String> heads = PERSECUTION.stream().filter(r -> e.get(r) != null && e.get(r).met()).toList();
            return Verdict.of(Truth.TRUE, grounds, List.of(), List.of("Well-founded fear of persecution (" + String.join(", ", heads)
                    + ") for reasons of " + grounds + "."));
        }
        if (persecution == Truth.UNKNOWN) {
            return Verdict.of(Truth.UNKNOWN, List.of(), "Whether he has a well-founded fear of persecution turns on facts not yet assessed.");
        }
        return Verdict.of(Truth.FALSE, List.of(), persecution.isTrue()
                ? "The harm he faces is not shown to be for a Convention reason."
                : "No well-founded fear of persecution for a Convention reason is established.");
    }

    // ---- non-refoulement (S12) and serious harm --------------------------------------------------

    private static Verdict nonRefoulement(Case c, Map<String, Verdict> e) {
        String law = c.pack.framework() == PolicyPack.LegalFramework.EU_QD_2011_95 ? "Art 3 ECHR" : "Art 3 ECHR / CAT Art 3 / ICCPR Art 7";
        return againstRecruiter(c, coi -> {
            Truth liable = c.liable(coi);
            boolean extrajudicial = coi.penalties().extrajudicial();
            boolean torture = coi.conditionsOfService().contains(ServiceCondition.TORTURE);
            Truth suffered = c.military.illTreatmentSuffered().stream().anyMatch(t -> t == IllTreatment.TORTURE || t == IllTreatment.SEXUAL_VIOLENCE)
                    ? c.credible("illTreatment") : Truth.FALSE;
            Truth risk = liable.and(Truth.of(extrajudicial || torture)).or(suffered);
            List<String> reasons = new ArrayList<>();
            reasons.add(liability(c, coi));
            if (extrajudicial || torture) {
                reasons.add("The COI of " + c.recruiter() + " records " + (extrajudicial ? "extrajudicial punishment" : "")
                        + (extrajudicial && torture ? " and " : "") + (torture ? "torture in the ranks" : "") + " (" + RiskHeads.cite(c.recruiter(), coi) + ").");
            }
            if (suffered.isTrue()) {
                reasons.add("He credibly suffered ill-treatment amounting to torture.");
            }
            if (risk.isTrue() && internalProtectionMet(e)) {
                reasons.add("His own State, " + c.ownState() + ", can protect him (QD Art 7; internal protection, S11), so the risk from "
                        + c.persecutor() + " does not bar his return there.");
                return Verdict.of(Truth.FALSE, List.of(c.recruiter()), reasons.toArray(String[]::new));
            }
            reasons.add(risk.isTrue()
                    ? "ECHR-3 met: return would expose him to a real risk of torture or inhuman or degrading treatment (" + law + "); the bar is absolute, even for excluded persons."
                    : risk == Truth.FALSE ? "No real risk of torture or inhuman or degrading treatment on return is established (" + law + ")."
                    : "Whether return would expose him to ill-treatment turns on facts not yet assessed.");
            return Verdict.of(risk, List.of(c.recruiter()), reasons.toArray(String[]::new));
        });
    }

    private static Verdict seriousHarm(Case c, Map<String, Verdict> e) {
        Verdict echr = e.get("ECHR-3");
        return Verdict.of(echr.truth(), echr.countries(), switch (echr.result()) {
            case MET -> "QD-15 met: a real risk of serious harm as torture or inhuman or degrading treatment (Art 15(b)).";
            case UNDETERMINED -> "Turns on ECHR-3, which is undetermined.";
            default -> "No real risk of serious harm under Art 15(b) is established; Art 15(c) (indiscriminate violence in his home region) is not assessed by this engine.";
        });
    }

    private static Verdict abc(Case c, Map<String, Verdict> e) {
        if (!c.claimed("lgbtqi")) {
            return Verdict.notApplicable("He does not claim a sexual orientation or gender identity at risk.");
        }
        return Verdict.of(Truth.TRUE, List.of(), "His sexual orientation is assessed on his account alone: no intimate evidence, tests or explicit material may be sought or relied on (the platform holds no fields or uploads for it).");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
