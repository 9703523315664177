package org.sanctuary.assessment.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The law beyond the acceptance files: each test varies one fact or one pack setting of a known profile. */
class EngineTest {

    private static final LocalDate DATE = LocalDate.of(2025, 10, 1);
    private final Engine engine = new Engine();

    /** Issue 11, item 5: the rules that rely on a special-category fact are exactly those kept out of clear data. */
    @Test
    void theRulesThatRevealASpecialCategoryAreThoseThatReadOne() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("CJEU-ABC", "GIP10-3", "QD-9-2-b", "QD-10", "RC-1A2", "QD-4-5"), Rules.REVEALING);
        for (Rule rule : Rules.ALL) {
            org.junit.jupiter.api.Assertions.assertEquals(rule.facts().stream().anyMatch(Rule.SPECIAL_CATEGORY_FACTS::contains),
                    Rules.REVEALING.contains(rule.id()), rule.id());
        }
    }

    private Assessment assess(String profileId, Consumer<ObjectNode> facts, Consumer<ObjectNode> pack, LocalDate date) throws IOException {
        AcceptanceSuite.Profile profile = AcceptanceSuite.profiles().filter(p -> p.id().startsWith(profileId)).findFirst().orElseThrow();
        ObjectNode f = profile.facts().deepCopy();
        ObjectNode p = profile.pack().deepCopy();
        facts.accept(f);
        pack.accept(p);
        return engine.assess(AcceptanceTest.BINDING.treeToValue(p, PolicyPack.class),
                AcceptanceTest.BINDING.treeToValue(f, Facts.class), date, "test");
    }

    private Assessment assess(String profileId, Consumer<ObjectNode> facts) throws IOException {
        return assess(profileId, facts, p -> { }, DATE);
    }

    private static Finding finding(Assessment a, String rule) {
        return a.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static ObjectNode military(ObjectNode facts) {
        return (ObjectNode) facts.get("military");
    }

    private static ObjectNode applicant(ObjectNode facts) {
        return (ObjectNode) facts.get("applicant");
    }

    private static ObjectNode credibility(ObjectNode facts) {
        return (ObjectNode) facts.get("credibility");
    }

    /** Issue 19, item 4: every finding says why, on every public profile and with any one credibility finding still open. */
    @Test
    void noFindingAnswersWithoutAReason() throws IOException {
        List<String> bare = new java.util.ArrayList<>();
        for (AcceptanceSuite.Profile profile : AcceptanceSuite.profiles().toList()) {
            List<String> open = new java.util.ArrayList<>(List.of(""));
            profile.facts().get("credibility").fieldNames().forEachRemaining(open::add);
            for (String unassessed : open) {
                Assessment a = assess(profile.id(), f -> credibility(f).remove(unassessed));
                for (Finding f : a.findings()) {
                    if (f.reasons().isEmpty() || f.reasons().stream().anyMatch(r -> !r.matches("(?s).*\\p{L}{3}.*"))) {
                        bare.add(profile.id() + (unassessed.isEmpty() ? "" : " without " + unassessed) + ": " + f.rule() + " " + f.result() + " " + f.reasons());
                    }
                }
            }
        }
        assertEquals(List.of(), bare);
    }

    @Test
    void aClaimedFactWithoutCredibilityIsUndeterminedAndMissingButAnUnclaimedOneIsNot() throws IOException {
        Assessment a = assess("01", f -> credibility(f).remove("callUp"));
        assertEquals(List.of("callUp"), a.missing());
        assertEquals(Finding.Result.UNDETERMINED, finding(a, "QD-9-2-e").result());
        assertEquals(Finding.Result.UNDETERMINED, finding(a, "RC-1A2").result());
        // his objection, ethnicity and orientation are not claimed: never UNDETERMINED (S2)
        assertEquals(Finding.Result.NOT_MET, finding(a, "GIP10-1").result());
        assertEquals(Finding.Result.NOT_APPLICABLE, finding(a, "CJEU-ABC").result());
    }

    @Test
    void aRejectedFactIsNeverReliedOn() throws IOException {
        Assessment a = assess("02", f -> { });
        assertTrue(a.findings().stream().noneMatch(f -> f.facts().contains("callUp")), a.findings().toString());
        Assessment accepted = assess("02", f -> credibility(f).put("callUp", "ACCEPTED"));
        assertEquals(Recommendation.REFUGEE_STATUS, accepted.recommendation());
    }

    @Test
    void benefitOfTheDoubtCountsAndIsCited() throws IOException {
        Assessment a = assess("01", f -> credibility(f).put("callUp", "BENEFIT_OF_DOUBT"));
        assertEquals(Recommendation.REFUGEE_STATUS, a.recommendation());
        assertTrue(finding(a, "QD-4-5").met());
        assertTrue(finding(a, "QD-4-5").reasons().get(0).endsWith("genuine effort to substantiate): call-up."), finding(a, "QD-4-5").reasons().toString());
    }

    /**
     * Issue 19, item 1: a pack's tuning of objection (S7) holds wherever a rule asks "is there a risk there?" — the
     * internal protection check asks it of his own State with the same tuned rule as GIP10-1 does of the recruiter.
     */
    @Test
    void objectionAloneCountsAtHomeOnlyWhereThePackLetsItCountAtAll() throws IOException {
        Consumer<ObjectNode> objector = f -> {
            ((ObjectNode) military(f).get("objection")).put("held", true).put("kind", "ABSOLUTE").put("basis", "MORAL");
            credibility(f).put("objection", "ACCEPTED");
        };
        Assessment alone = assess("06", objector);
        assertEquals(Finding.Result.NOT_MET, finding(alone, "QD-8").result(), finding(alone, "QD-8").reasons().toString());
        assertTrue(finding(alone, "QD-8").reasons().stream().anyMatch(r -> r.contains("punishment for the applicant's conscience (GIP10-1)")),
                "the risk head at home is named: " + finding(alone, "QD-8").reasons());

        Assessment tuned = assess("06", objector, p -> ((ObjectNode) p.get("rules")).putObject("GIP10-1")
                .put("objectionAloneSuffices", false), DATE);
        assertEquals(Finding.Result.MET, finding(tuned, "QD-8").result(), finding(tuned, "QD-8").reasons().toString());
        assertEquals(Recommendation.TEMPORARY_PROTECTION, tuned.recommendation());
    }

    /** Issue 19, item 3: PK & OS applies its own test (systematic conduct), not GIP10-2's (which a unit alone can meet). */
    @Test
    void pkAndOsNeedsSystematicConductNotOnlyAnImplicatedUnit() throws IOException {
        Consumer<ObjectNode> implicatedUnit = f -> {
            ((ObjectNode) military(f).get("unit")).put("implicatedInCrimes", true);
            credibility(f).put("unit", "ACCEPTED");
        };
        Assessment unitOnly = assess("08b", implicatedUnit);
        assertEquals(Finding.Result.MET, finding(unitOnly, "GIP10-2").result(), finding(unitOnly, "GIP10-2").reasons().toString());
        assertEquals(Finding.Result.NOT_MET, finding(unitOnly, "UKUT-PKOS-2020").result());
        assertTrue(finding(unitOnly, "UKUT-PKOS-2020").reasons().get(0).contains("systematic basis"),
                finding(unitOnly, "UKUT-PKOS-2020").reasons().toString());

        Assessment systematic = assess("08b", implicatedUnit, p -> ((ObjectNode) p.get("coi").get("XC").get("armedConflict"))
                .put("systematicIhlViolations", true), DATE);
        assertEquals(Finding.Result.MET, finding(systematic, "UKUT-PKOS-2020").result(),
                finding(systematic, "UKUT-PKOS-2020").reasons().toString());
    }

    /** Issue 19, item 3: CJEU-EZ says "systematic" only where the COI does. */
    @Test
    void ezCallsTheCrimesSystematicOnlyWhereTheCoiDoes() throws IOException {
        Consumer<ObjectNode> implicatedUnit = f -> {
            ((ObjectNode) military(f).get("unit")).put("implicatedInCrimes", true);
            credibility(f).put("unit", "ACCEPTED");
        };
        Assessment ua = assess("07", implicatedUnit); // Ukraine: no systematic violations recorded
        assertEquals(Finding.Result.MET, finding(ua, "CJEU-EZ").result(), finding(ua, "QD-9-2-e").reasons().toString());
        assertTrue(finding(ua, "CJEU-EZ").reasons().get(0).contains("does not record them as systematic"), finding(ua, "CJEU-EZ").reasons().toString());
        Assessment ru = assess("01", f -> { }); // Russia: systematic
        assertEquals(Finding.Result.MET, finding(ru, "CJEU-EZ").result());
        assertTrue(finding(ru, "CJEU-EZ").reasons().get(0).contains("records the crimes as systematic"), finding(ru, "CJEU-EZ").reasons().toString());
    }

    /** Issue 19, item 4: an exclusion finding names the indicator it rests on, as a fact it relied on. */
    @Test
    void anExclusionFindingReliesOnTheRecordedIndicators() throws IOException {
        Assessment a = assess("05", f -> { });
        assertEquals(Finding.Result.MET, finding(a, "QD-12").result());
        assertEquals(List.of("exclusionIndicators"), finding(a, "QD-12").facts());
        String indicator = AcceptanceSuite.profiles().filter(p -> p.id().startsWith("05")).findFirst().orElseThrow().facts()
                .get("military").get("exclusionIndicators").get(0).asText();
        assertTrue(finding(a, "QD-12").reasons().get(0).contains(indicator), finding(a, "QD-12").reasons().toString());
        assertEquals(List.of(), finding(assess("01", f -> { }), "QD-12").facts());
    }

    /** Issue 19, item 2: harm from an armed group is never attributed to the State that protects him, nor is the State's procedure his way out. */
    @Test
    void anArmedGroupIsNamedAsTheActorOfPersecutionNotTheStateThatProtects() throws IOException {
        Assessment a = assess("07", f -> {
            military(f).put("recruitingActor", "NON_STATE_GROUP");
            ((ObjectNode) military(f).get("unit")).put("implicatedInCrimes", true);
            credibility(f).put("unit", "ACCEPTED");
        });
        List<String> reasons = a.findings().stream().flatMap(f -> f.reasons().stream()).toList();
        assertTrue(reasons.stream().noneMatch(r -> r.contains("authorities of UA") || r.contains("armed forces of UA commit")
                || r.contains("forces of UA commit") || r.contains("persecution from UA")), reasons.toString());
        assertTrue(reasons.stream().noneMatch(r -> r.contains("objector procedure was available")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("a non-State armed group in UA") || r.contains("armed conflict in UA")),
                reasons.toString());
    }

    /** Issue 19, item 3: temporary protection for a person with exclusion indicators says that Art 28(1)(a) TPD applies. */
    @Test
    void temporaryProtectionWithExclusionIndicatorsCitesArticle28() throws IOException {
        Finding plain = finding(assess("07", f -> { }), RuleId.TEMPORARY_PROTECTION);
        assertTrue(plain.met());
        assertTrue(plain.reasons().stream().noneMatch(r -> r.contains("2001/55")), plain.reasons().toString());
        Finding indicated = finding(assess("07", f -> ((com.fasterxml.jackson.databind.node.ArrayNode) military(f)
                .withArray("exclusionIndicators")).add("ORDERED_SHELLING_OF_CIVILIANS")), RuleId.TEMPORARY_PROTECTION);
        assertTrue(indicated.reasons().stream().anyMatch(r -> r.contains("Art 28(1)(a) of Directive 2001/55")
                && r.contains("ORDERED_SHELLING_OF_CIVILIANS")), indicated.reasons().toString());
        assertEquals(List.of("exclusionIndicators"), indicated.facts());
    }

    @Test
    void aSwitchedOffRuleIsNotApplicableAndSaysWhatItWouldHaveFound() throws IOException {
        Assessment a = assess("08a", f -> { }, p -> ((ObjectNode) p.get("rules")).putObject("ECHR-9-BAYATYAN")
                .put("enabled", false).put("reason", "national line"), DATE);
        Finding bayatyan = finding(a, "ECHR-9-BAYATYAN");
        assertEquals(Finding.Result.NOT_APPLICABLE, bayatyan.result());
        assertTrue(bayatyan.reasons().get(0).contains("switched off by this pack (\"national line\")"), bayatyan.reasons().toString());
        assertTrue(bayatyan.reasons().get(0).contains("Had it been on, it would have been met"), bayatyan.reasons().toString());
    }

    @Test
    void theConventionFrameworkTakesTheEuRulesOutOfScope() throws IOException {
        Assessment a = assess("01", f -> { }, p -> p.put("legalFramework", "REFUGEE_CONVENTION"), DATE);
        assertEquals(Recommendation.REFUGEE_STATUS, a.recommendation());
        assertTrue(finding(a, "GIP10-2").met());
        for (Finding f : a.findings()) {
            if (f.rule().startsWith("QD-") || f.rule().startsWith("CJEU-")) {
                assertEquals(Finding.Result.NOT_APPLICABLE, f.result(), f.rule());
            }
        }
    }

    @Test
    void aProtesterWithAPunitiveSummonsIsARefugeeUnderTheConventionToo() throws IOException {
        Assessment a = assess("03", f -> { }, p -> {
            p.put("legalFramework", "REFUGEE_CONVENTION");
            ObjectNode ru = (ObjectNode) p.get("coi").get("RU");
            ((ObjectNode) ru.get("armedConflict")).put("systematicIhlViolations", false);
            ru.putObject("penalties").put("disproportionate", false).put("discriminatory", false).put("extrajudicial", false);
            ru.putArray("conditionsOfService");
        }, DATE);
        assertEquals(Recommendation.REFUGEE_STATUS, a.recommendation(), a.findings().toString());
        assertTrue(a.grounds().contains(Ground.POLITICAL_OPINION));
    }

    @Test
    void temporaryProtectionAppliesOnlyWithinItsDates() throws IOException {
        assertEquals(Recommendation.TEMPORARY_PROTECTION, assess("07", f -> { }, p -> { }, LocalDate.of(2027, 3, 4)).recommendation());
        Assessment after = assess("07", f -> { }, p -> { }, LocalDate.of(2027, 3, 5));
        assertEquals(Recommendation.REJECT, after.recommendation());
        assertEquals(Finding.Result.NOT_MET, finding(after, "TEMPORARY-PROTECTION").result());
    }

    /** Torture in the ranks but no ground: subsidiary protection under the QD, non-refoulement only under the Convention. */
    @Test
    void harmWithoutAGroundGivesSubsidiaryProtectionOrNonRefoulementOnly() throws IOException {
        Consumer<ObjectNode> xcTortures = p -> ((ObjectNode) p.get("coi").get("XC")).putArray("conditionsOfService").add("TORTURE");
        Consumer<ObjectNode> noObjection = f -> {
            military(f).put("status", "SUMMONED_NON_REPORTER").putObject("objection").put("held", false);
            credibility(f).remove("objection");
        };
        Assessment eu = assess("08a", noObjection, xcTortures, DATE);
        assertTrue(finding(eu, "GIP10-3").met());
        assertFalse(finding(eu, "RC-1A2").met());
        assertEquals(Recommendation.SUBSIDIARY_PROTECTION, eu.recommendation());
        assertTrue(eu.nonRefoulement());
        Assessment convention = assess("08b", noObjection, xcTortures, DATE);
        assertEquals(Recommendation.NON_REFOULEMENT_ONLY, convention.recommendation());
        Assessment humanitarian = assess("08b", noObjection, xcTortures.andThen(p -> p.putObject("humanitarian").put("basis", "national law")), DATE);
        assertEquals(Recommendation.NATIONAL_HUMANITARIAN, humanitarian.recommendation());
    }

    @Test
    void aPackMayMakeObjectionAHumanitarianGround() throws IOException {
        Assessment a = assess("08b", f -> { }, p -> p.putObject("humanitarian").put("basis", "objectors' residence permit")
                .putArray("grounds").add("ECHR-9-BAYATYAN"), DATE);
        assertEquals(Recommendation.NATIONAL_HUMANITARIAN, a.recommendation());
    }

    @Test
    void objectionAggravatedBySevereConditionsCountsEvenUnderAStrictPack() throws IOException {
        Assessment a = assess("08b", f -> { }, p -> ((ObjectNode) p.get("coi").get("XC")).putObject("penalties")
                .put("disproportionate", true).put("discriminatory", false).put("extrajudicial", false), DATE);
        assertTrue(finding(a, "GIP10-1").met(), finding(a, "GIP10-1").reasons().toString());
        assertEquals(Recommendation.REFUGEE_STATUS, a.recommendation());
        assertTrue(a.grounds().contains(Ground.RELIGION));
    }

    @Test
    void aChildIsProtectedWhateverHisStatusSays() throws IOException {
        Assessment a = assess("07", f -> applicant(f).put("age", 16));
        assertTrue(finding(a, "GIP10-5").met());
        assertEquals(Recommendation.REFUGEE_STATUS, a.recommendation());
        assertTrue(a.grounds().contains(Ground.PARTICULAR_SOCIAL_GROUP));
    }

    @Test
    void aChildInOccupiedTerritoryHasNoInternalProtectionAndIsARefugee() throws IOException {
        Assessment a = assess("06", f -> applicant(f).put("age", 17));
        assertEquals(Finding.Result.NOT_MET, finding(a, "QD-8").result());
        assertTrue(finding(a, "IHL-OCCUPATION").met());
        assertEquals(Recommendation.REFUGEE_STATUS, a.recommendation());
        assertTrue(a.grounds().contains(Ground.NATIONALITY));
        assertTrue(a.nonRefoulement());
    }

    @Test
    void anOccupierRecordedAsAStateIsStillAnOccupier() throws IOException {
        Assessment a = assess("06", f -> military(f).put("recruitingActor", "STATE"));
        assertTrue(finding(a, "IHL-OCCUPATION").met());
        assertTrue(finding(a, "QD-8").met());
        assertEquals(Recommendation.TEMPORARY_PROTECTION, a.recommendation());
    }

    @Test
    void internalProtectionFailsWhenHisOwnStateIsAlsoARisk() throws IOException {
        Assessment a = assess("06", f -> { }, p -> ((ObjectNode) p.get("coi").get("UA").get("armedConflict"))
                .put("systematicIhlViolations", true), DATE);
        assertEquals(Finding.Result.NOT_MET, finding(a, "QD-8").result());
        assertEquals(Recommendation.REFUGEE_STATUS, a.recommendation());
    }

    @Test
    void forcedRecruitmentByAnArmedGroupTurnsOnStateProtection() throws IOException {
        Consumer<ObjectNode> armedGroup = f -> military(f).put("recruitingActor", "NON_STATE_GROUP").put("recruitingCountry", "UA");
        Assessment protectedAtHome = assess("07", armedGroup);
        assertTrue(finding(protectedAtHome, "GIP10-4").met());
        assertTrue(finding(protectedAtHome, "QD-8").met());
        assertEquals(Recommendation.TEMPORARY_PROTECTION, protectedAtHome.recommendation());
        Assessment unprotected = assess("07", armedGroup, p -> ((ObjectNode) p.get("coi").get("UA")).putObject("nonStateRecruitment")
                .put("present", true).put("childRecruitment", false).put("stateProtection", false), DATE);
        assertEquals(Finding.Result.NOT_MET, finding(unprotected, "QD-8").result());
        assertEquals(Recommendation.REFUGEE_STATUS, unprotected.recommendation());
    }

    @Test
    void aPackMayReadEthnicityAsAnotherGround() throws IOException {
        Assessment a = assess("04", f -> { }, p -> ((ObjectNode) p.get("rules")).putObject("RC-1A2").put("enabled", true)
                .put("ethnicityGround", "NATIONALITY"), DATE);
        assertTrue(a.grounds().contains(Ground.NATIONALITY));
        assertFalse(a.grounds().contains(Ground.RACE));
    }

    @Test
    void exclusionOverridesButNeverRemovesTheBarOnReturn() throws IOException {
        Assessment a = assess("01", f -> military(f).putArray("exclusionIndicators").add("SERIOUS_NON_POLITICAL_CRIME"));
        assertEquals(Recommendation.REFER_EXCLUSION, a.recommendation());
        assertTrue(a.nonRefoulement());
        assertTrue(finding(a, "RC-1A2").met());
    }

    @Test
    void anEffectiveProcedureLeftUnusedDefeatsRefusalOfCrimes() throws IOException {
        Assessment a = assess("01", f -> { }, p -> ((ObjectNode) p.get("coi").get("RU")).put("objectorProcedure", "EFFECTIVE"), DATE);
        assertEquals(Finding.Result.NOT_MET, finding(a, "QD-9-2-e").result());
        assertTrue(finding(a, "GIP10-2").met());
    }

    @Test
    void everyFindingCitesThePackVersionAndTheCoiItRead() throws IOException {
        Assessment a = assess("01", f -> { });
        Finding e = finding(a, "QD-9-2-e");
        assertEquals("test", e.packVersion());
        assertEquals("RU", e.coi().get(0).country());
        assertEquals(LocalDate.of(2025, 9, 1), e.coi().get(0).asOf());
        assertTrue(e.reasons().stream().anyMatch(r -> r.contains("COI RU as of 2025-09-01") && r.contains("CJEU-EZ")), e.reasons().toString());
        assertEquals(14, a.appeal().days());
        assertEquals(DATE.plusDays(14), a.appeal().deadline());
    }

    @Test
    void evidenceBehindReliedFactsIsListed() throws IOException {
        Assessment a = assess("01", f -> f.putObject("evidence").putArray("callUp").add("doc-1"));
        assertEquals(List.of("doc-1"), finding(a, "QD-9-2-e").evidence());
    }

    /** Issue 19, item 5: the reasons follow the applicant's recorded sex, and say "the applicant" when none is recorded. */
    @Test
    void theReasonsFollowTheRecordedSexAndAreNeutralWithoutIt() throws IOException {
        Assessment unrecorded = assess("01", f -> { });
        Assessment woman = assess("01", f -> applicant(f).put("sex", "FEMALE"));
        Assessment man = assess("01", f -> applicant(f).put("sex", "MALE"));
        Assessment x = assess("01", f -> applicant(f).put("sex", "X"));
        String liability = "is reasonably likely to be made to serve: ";
        assertEquals("The applicant " + liability + "the applicant's call-up is accepted (S3).", finding(unrecorded, "QD-9-2-c").reasons().get(0));
        assertEquals("She " + liability + "her call-up is accepted (S3).", finding(woman, "QD-9-2-c").reasons().get(0));
        assertEquals("He " + liability + "his call-up is accepted (S3).", finding(man, "QD-9-2-c").reasons().get(0));
        assertEquals(finding(unrecorded, "QD-9-2-c").reasons(), finding(x, "QD-9-2-c").reasons());
        for (Assessment a : List.of(unrecorded, woman, x)) {
            List<String> all = a.findings().stream().flatMap(f -> f.reasons().stream()).toList();
            assertTrue(all.stream().noneMatch(r -> r.matches("(?s).*\\b([Hh]e|[Hh]is|[Hh]im)\\b.*")), all.toString());
        }
        assertEquals(unrecorded.recommendation(), woman.recommendation());
    }

    /**
     * Issue 19, item 6: each finding carries its reasons as codes with arguments, the text is rendered from them, and
     * the same codes read in every language of the console, on every public profile.
     */
    @Test
    void everyReasonIsACodeWithArgumentsThatReadsInEveryLanguage() throws IOException {
        for (AcceptanceSuite.Profile profile : AcceptanceSuite.profiles().toList()) {
            Assessment a = assess(profile.id(), f -> applicant(f).put("sex", "FEMALE"));
            for (Finding f : a.findings()) {
                assertEquals(f.reasonCodes().size(), f.reasons().size(), f.rule());
                assertEquals(f.reasons(), f.reasonCodes().stream().map(r -> Reasons.render(r, Reasons.ENGLISH)).toList());
                assertTrue(f.reasonCodes().stream().allMatch(r -> r.code().matches("[a-zA-Z0-9.-]+")), f.reasonCodes().toString());
            }
            for (java.util.Locale language : Reasons.LANGUAGES) {
                Assessment read = Reasons.in(a, language);
                for (Finding f : read.findings()) {
                    for (String text : f.reasons()) {
                        assertFalse(text.contains("{") || text.contains("}"), language + " " + f.rule() + ": " + text);
                    }
                }
            }
        }
        Assessment a = assess("01", f -> { });
        Finding punishment = finding(a, "QD-9-2-c");
        assertEquals("liability.liable", punishment.reasonCodes().get(0).code());
        Reason met = punishment.reasonCodes().get(1);
        assertEquals("head.met", met.code());
        assertEquals("QD-9-2-c", met.args().get("rule"));
        Reason clause = (Reason) ((List<?>) met.args().get("clauses")).get(0);
        assertEquals("head.punishment.severe", clause.code());
        assertEquals("RU", clause.args().get("country"));
        assertEquals(Reason.of("coi.dated", "country", "RU", "asOf", "2025-09-01"), clause.args().get("cite"));
    }

    /**
     * Issue 19, item 3: Art 15(c) QD, with the pack's COI deciding: violence the COI records as EXCEPTIONAL in his home
     * region founds subsidiary protection by presence alone; at a HIGH level his personal circumstances decide (left to
     * the caseworker: undetermined); none recorded, or another region, is no risk; outside the QD it does not apply.
     */
    @Test
    void indiscriminateViolenceInTheHomeRegionIsAssessedFromThePacksCoi() throws IOException {
        java.util.function.Function<String, Consumer<ObjectNode>> violence = level -> p -> ((ObjectNode) p.get("coi").get("UA"))
                .putArray("indiscriminateViolence").addObject().put("region", "Kyiv").put("level", level);
        Assessment none = assess("07", f -> { });
        assertEquals(Finding.Result.NOT_MET, finding(none, "QD-15-c").result(), finding(none, "QD-15-c").reasons().toString());
        assertEquals(Recommendation.TEMPORARY_PROTECTION, none.recommendation());

        Assessment exceptional = assess("07", f -> { }, violence.apply("EXCEPTIONAL"), DATE);
        assertEquals(Finding.Result.MET, finding(exceptional, "QD-15-c").result(), finding(exceptional, "QD-15-c").reasons().toString());
        assertTrue(finding(exceptional, "QD-15-c").reasons().get(0).contains("Elgafaji C-465/07, para 35"));
        assertEquals(List.of("UA"), finding(exceptional, "QD-15-c").coi().stream().map(Finding.CoiReference::country).toList());
        assertEquals(Finding.Result.MET, finding(exceptional, "QD-15").result());
        assertFalse(finding(exceptional, "ECHR-3").met(), "Art 15(c) alone, not Art 3 ECHR");
        assertEquals(Recommendation.SUBSIDIARY_PROTECTION, exceptional.recommendation());

        Assessment high = assess("07", f -> { }, violence.apply("HIGH"), DATE);
        assertEquals(Finding.Result.UNDETERMINED, finding(high, "QD-15-c").result());
        assertEquals(Finding.Result.UNDETERMINED, finding(high, "QD-15").result());
        assertTrue(finding(high, "QD-15-c").reasons().get(0).contains("personal circumstances"), finding(high, "QD-15-c").reasons().toString());
        assertEquals(Recommendation.TEMPORARY_PROTECTION, high.recommendation());

        Assessment elsewhere = assess("07", f -> ((ObjectNode) applicant(f).get("regionOfOrigin")).put("region", "Lviv"),
                violence.apply("EXCEPTIONAL"), DATE);
        assertEquals(Finding.Result.NOT_MET, finding(elsewhere, "QD-15-c").result());

        Assessment strict = assess("08b", f -> { });
        assertEquals(Finding.Result.NOT_APPLICABLE, finding(strict, "QD-15-c").result());
    }

    /** A fact the claim leaves out is said to be not recorded, in every language; never "{region}" or "null". */
    @Test
    void unrecordedFactsAreSaidNotToBeRecordedNeverAPlaceholder() throws IOException {
        Assessment noPlaces = assess("06", f -> {
            military(f).remove("recruitingCountry");
            ((ObjectNode) applicant(f).get("regionOfOrigin")).remove("region");
        });
        Assessment stateless = assess("06", f -> {
            applicant(f).putArray("nationalities");
            applicant(f).remove("regionOfOrigin");
        });
        for (Assessment a : List.of(noPlaces, stateless)) {
            for (java.util.Locale language : Reasons.LANGUAGES) {
                for (Finding f : Reasons.in(a, language).findings()) {
                    for (String text : f.reasons()) {
                        assertFalse(text.contains("{") || text.contains("null"), language + " " + f.rule() + ": " + text);
                    }
                }
            }
        }
        assertTrue(finding(noPlaces, "IHL-OCCUPATION").reasons().stream().anyMatch(r -> r.contains("(not recorded)")),
                finding(noPlaces, "IHL-OCCUPATION").reasons().toString());
        assertFalse(stateless.missing().stream().anyMatch(m -> m.contains("null")), stateless.missing().toString());
    }

    /**
     * Issue 17, item 6: a rule reads only findings evaluated before it — the registry's order is checked on every
     * assessment (every profile above runs through it), and a rule that reads a later one fails at once instead of
     * reading "not met".
     */
    @Test
    void aRuleThatReadsAFindingNotYetEvaluatedFailsAtOnce() throws IOException {
        AcceptanceSuite.Profile profile = AcceptanceSuite.profiles().findFirst().orElseThrow();
        Rule reader = new Rule("READER", "reads a later rule", false, List.of(), (c, e) -> e.get("LATER"));
        Rule later = new Rule("LATER", "registered after its reader", false, List.of(), (c, e) -> Verdict.notApplicable(Reason.of("doubt.none")));
        IllegalStateException wrongOrder = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new Engine(List.of(reader, later)).assess(AcceptanceTest.BINDING.treeToValue(profile.pack(), PolicyPack.class),
                        AcceptanceTest.BINDING.treeToValue(profile.facts(), Facts.class), DATE, "test"));
        assertTrue(wrongOrder.getMessage().contains("LATER"), wrongOrder.getMessage());
    }
}
