package org.sanctuary.assessment.engine;

import org.sanctuary.assessment.engine.PolicyPack.Coi;

import java.util.List;
import java.util.Set;

/**
 * The registry: every rule of DOMAIN.md, in the order the engine evaluates them (routing, exclusion, internal
 * protection, risk heads, credibility, nexus, refugee definition, non-refoulement and serious harm). Each rule's
 * function lives in the class of its DOMAIN step ({@link Routing}, {@link Exclusion}, {@link InternalProtection},
 * {@link PersecutionHeads}, {@link Credibility}, {@link RefugeeDefinition}, {@link Protection}). A rule reads only the
 * findings registered before it: the engine fails at once otherwise, and EngineTest runs every profile through that check.
 */
public final class Rules {

    /** The heads whose MET findings can found refugee status (RC-1A2), each carrying its grounds. */
    static final List<String> PERSECUTION = List.of(RuleId.QD_9_2_B, RuleId.QD_9_2_C, RuleId.QD_9_2_E, RuleId.GIP10_1, RuleId.GIP10_2,
            RuleId.GIP10_3, RuleId.GIP10_4, RuleId.GIP10_5, RuleId.IHL_OCCUPATION, RuleId.HB_167_174);

    static final Coi NO_COI = new Coi(null, null, null, null, null, null, null, null, null, null, null).normalised();

    public static final List<Rule> ALL = List.of(
            new Rule(RuleId.TEMPORARY_PROTECTION, "Temporary protection route (step 0)", false, List.of("exclusionIndicators"), Routing::temporaryProtection),
            new Rule(RuleId.RC_1F, "Exclusion: Convention Art 1F", false, List.of("exclusionIndicators"), (c, e) -> Exclusion.exclusion(c, RuleId.RC_1F)),
            new Rule(RuleId.QD_12, "Exclusion from refugee status: QD Art 12(2)-(3)", true, List.of("exclusionIndicators"), (c, e) -> Exclusion.exclusion(c, RuleId.QD_12)),
            new Rule(RuleId.QD_17, "Exclusion from subsidiary protection: QD Art 17", true, List.of("exclusionIndicators"), (c, e) -> Exclusion.exclusion(c, RuleId.QD_17)),
            new Rule(RuleId.QD_8, "Internal protection alternative: QD Art 8", true, List.of("militaryStatus"), (c, e) -> InternalProtection.internalProtection(c, RuleId.QD_8)),
            new Rule(RuleId.HB_91, "Internal flight alternative: UNHCR Handbook §91", false, List.of("militaryStatus"), InternalProtection::internalFlight),
            new Rule(RuleId.QD_9_2_B, "Discriminatory measures: QD Art 9(2)(b)", true, List.of("callUp", "ethnicity", "politicalActivity"), PersecutionHeads::measures),
            new Rule(RuleId.QD_9_2_C, "Disproportionate or discriminatory punishment: QD Art 9(2)(c)", true, List.of("callUp", "militaryStatus", "desertion"), PersecutionHeads::punishment),
            new Rule(RuleId.CJEU_SHEPHERD, "Shepherd (C-472/13): support roles, the only way out", true, List.of("unit", "militaryStatus"), PersecutionHeads::shepherd),
            new Rule(RuleId.QD_9_2_E, "Punishment for refusing service involving war crimes: QD Art 9(2)(e)", true, List.of("callUp", "militaryStatus", "desertion", "unit"), PersecutionHeads::refusalOfCrimes),
            new Rule(RuleId.CJEU_EZ, "EZ (C-238/19): no formal refusal, posting unknown, presumption of nexus", true, List.of("callUp", "militaryStatus", "desertion"), PersecutionHeads::ez),
            new Rule(RuleId.GIP10_2, "GIP 10 (2): conflict contrary to the basic rules of human conduct", false, List.of("callUp", "militaryStatus", "desertion", "unit"), PersecutionHeads::complicity),
            new Rule(RuleId.GIP10_3, "GIP 10 (3): conditions of service amounting to persecution", false, List.of("callUp", "militaryStatus", "desertion", "ethnicity", "lgbtqi", "illTreatment"), PersecutionHeads::conditions),
            new Rule(RuleId.GIP10_1, "GIP 10 (1): conscientious objection", false, List.of("objection", "callUp", "militaryStatus"), PersecutionHeads::objection),
            new Rule(RuleId.GIP10_4, "GIP 10 (4): forced recruitment by non-State armed groups", false, List.of("callUp", "militaryStatus"), PersecutionHeads::nonStateRecruitment),
            new Rule(RuleId.GIP10_5, "GIP 10 (5): child recruitment", false, List.of("callUp", "militaryStatus"), PersecutionHeads::childRecruitment),
            new Rule(RuleId.IHL_OCCUPATION, "Conscription by an occupying power (Hague Art 23, GC IV Art 51)", false, List.of("callUp", "militaryStatus"), PersecutionHeads::occupation),
            new Rule(RuleId.ECHR_9_BAYATYAN, "Bayatyan v Armenia: objectors and civilian alternatives", false, List.of("objection", "callUp"), PersecutionHeads::bayatyan),
            new Rule(RuleId.HB_167_174, "UNHCR Handbook §§167-174: deserters and evaders", false, List.of("callUp", "militaryStatus", "desertion", "objection"), PersecutionHeads::handbook),
            new Rule(RuleId.CNDA_2023_07_20, "CNDA 20 July 2023: Russian mobilisation", false, List.of("militaryStatus", "callUp", "desertion"), PersecutionHeads::cnda),
            new Rule(RuleId.UKUT_PKOS_2020, "PK & OS [2020] UKUT 314: refusal as political opinion", false, List.of("callUp", "militaryStatus", "desertion"), PersecutionHeads::pkos),
            new Rule(RuleId.QD_4_5, "Benefit of the doubt: QD Art 4(5)", true, Case.MATERIAL_FACTS, Credibility::benefitOfDoubt),
            new Rule(RuleId.QD_9_3, "Nexus between persecution and a ground: QD Art 9(3)", true, List.of(), (c, e) -> RefugeeDefinition.nexus(c, e, false)),
            new Rule(RuleId.QD_10, "Grounds, actual or imputed: QD Art 10", true, List.of("politicalActivity", "ethnicity", "lgbtqi", "objection"), (c, e) -> RefugeeDefinition.nexus(c, e, true)),
            new Rule(RuleId.RC_1A2, "Refugee definition: Convention Art 1A(2)", false, List.of("politicalActivity"), RefugeeDefinition::refugee),
            new Rule(RuleId.ECHR_3, "Non-refoulement: ECHR Art 3 (CAT Art 3, ICCPR Art 7)", false, List.of("callUp", "militaryStatus", "desertion", "illTreatment"), Protection::nonRefoulement),
            new Rule(RuleId.QD_15_C, "Indiscriminate violence in armed conflict: QD Art 15(c)", true, List.of(), Protection::indiscriminateViolence),
            new Rule(RuleId.QD_15, "Serious harm: QD Art 15", true, List.of(), Protection::seriousHarm),
            new Rule(RuleId.CJEU_ABC, "A, B and C (C-148/13 to C-150/13): limits on evidence of orientation", true, List.of("lgbtqi"), Credibility::abc));

    /** The rules whose being met can reveal a special category (issue 11, item 5; docs/assessment.md). */
    public static final java.util.Set<String> REVEALING = ALL.stream().filter(Rule::revealsSpecialCategory).map(Rule::id)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Rules() {
    }
}
