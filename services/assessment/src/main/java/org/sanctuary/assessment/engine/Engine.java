package org.sanctuary.assessment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assesses claim facts against a policy pack: every rule of the registry yields a finding (S1), then
 * the outcome cascade of step 7 (S13, S14) gives the recommendation. Pure: no I/O, no clock, no state.
 */
public final class Engine {

    private final List<Rule> rules;

    public Engine() {
        this(Rules.ALL);
    }

    Engine(List<Rule> rules) {
        this.rules = rules;
    }

    /** The assessment, its findings' reasons written in English ({@link Reasons#in} writes them in another language). */
    public Assessment assess(PolicyPack pack, Facts facts, LocalDate date, String packVersion) {
        return Reasons.in(assessCodesOnly(pack, facts, date, packVersion), Reasons.ENGLISH);
    }

    /**
     * The assessment with its reasons as codes only, no sentences written: for comparing many assessments (the impact
     * of a pack), where writing every reason would cost more than the rules themselves.
     */
    public Assessment assessCodesOnly(PolicyPack pack, Facts facts, LocalDate date, String packVersion) {
        Case c = new Case(pack, facts, date, packVersion);
        Map<String, Verdict> verdicts = new HashMap<>();
        Map<String, Verdict> earlier = new Earlier(verdicts);
        List<Finding> findings = new ArrayList<>(rules.size());
        Set<String> missing = new LinkedHashSet<>(c.missing());
        for (Rule rule : rules) {
            Verdict verdict = evaluate(rule, c, earlier);
            verdicts.put(rule.id(), verdict);
            missing.addAll(verdict.missing());
            findings.add(finding(rule, verdict, c));
        }
        Recommendation recommendation = cascade(pack, verdicts);
        Set<Ground> grounds = EnumSet.noneOf(Ground.class);
        grounds.addAll(verdicts.get(RuleId.RC_1A2).grounds());
        Integer appealDays = pack.deadlines() == null ? null : pack.deadlines().appealDays();
        return new Assessment(recommendation, List.copyOf(grounds), verdicts.get(RuleId.ECHR_3).met(), List.copyOf(findings),
                List.copyOf(missing), date, pack.framework(), packVersion,
                new Assessment.Appeal(appealDays, appealDays == null ? null : date.plusDays(appealDays)));
    }

    /** S1: out of the pack's framework or switched off ⇒ NOT_APPLICABLE, saying what it would have found. */
    private static Verdict evaluate(Rule rule, Case c, Map<String, Verdict> earlier) {
        if (rule.euOnly() && c.pack.framework() != PolicyPack.LegalFramework.EU_QD_2011_95) {
            return Verdict.notApplicable(Reason.of("engine.euOnly", "rule", rule.id(), "framework", c.pack.framework().name()));
        }
        Verdict verdict = rule.function().apply(c, earlier);
        Optional<PolicyPack.RuleSetting> setting = c.pack.setting(rule.id());
        if (setting.isPresent() && Boolean.FALSE.equals(setting.get().enabled())) {
            String note = setting.get().reason();
            return Verdict.notApplicable(Reason.of(note == null ? "engine.switchedOff" : "engine.switchedOffWithNote", "rule",
                    rule.id(), "note", note, "mattered", verdict.met() ? Reason.of("engine.wouldHaveBeenMet", "sentences", verdict.reasons())
                            : Reason.of("engine.wouldNotHaveBeenMet")))
                    .missing(verdict.missing()); // what it would have needed is still missing from the case
        }
        return verdict;
    }

    private static Finding finding(Rule rule, Verdict verdict, Case c) {
        Set<String> facts = new LinkedHashSet<>();
        List<String> evidence = new ArrayList<>();
        if (verdict.result() != Finding.Result.NOT_APPLICABLE) {
            for (String fact : rule.facts()) {
                if (c.reliedOn(fact)) {
                    facts.add(fact);
                    evidence.addAll(c.facts.evidence().getOrDefault(fact, List.of()));
                }
            }
        }
        List<Finding.CoiReference> coi = new ArrayList<>();
        for (String country : new LinkedHashSet<>(verdict.countries())) {
            c.pack.coiOf(country).ifPresent(entry -> coi.add(new Finding.CoiReference(country, entry.asOf(), entry.sources())));
        }
        String sex = c.applicant.sex() == null ? null : c.applicant.sex().name();
        List<Reason> reasons = verdict.reasons().stream().map(r -> r.with("sex", sex)).toList();
        return new Finding(rule.id(), rule.title(), verdict.result(), List.of(), reasons, List.copyOf(facts),
                List.copyOf(new LinkedHashSet<>(evidence)), List.copyOf(coi), c.packVersion);
    }

    /** Step 7 (S13, S14): exclusion overrides; then refugee → subsidiary → humanitarian / non-refoulement → temporary → reject. */
    private static Recommendation cascade(PolicyPack pack, Map<String, Verdict> v) {
        if (met(v, RuleId.RC_1F) || met(v, RuleId.QD_12)) {
            return Recommendation.REFER_EXCLUSION;
        }
        if (met(v, RuleId.RC_1A2)) {
            return Recommendation.REFUGEE_STATUS;
        }
        if (met(v, RuleId.QD_15) && !met(v, RuleId.QD_17)) {
            return Recommendation.SUBSIDIARY_PROTECTION;
        }
        if (pack.humanitarian() != null && pack.humanitarian().groundsOrDefault().stream().anyMatch(rule -> met(v, rule))) {
            return Recommendation.NATIONAL_HUMANITARIAN;
        }
        if (met(v, RuleId.ECHR_3)) {
            return Recommendation.NON_REFOULEMENT_ONLY;
        }
        if (met(v, RuleId.TEMPORARY_PROTECTION)) {
            return Recommendation.TEMPORARY_PROTECTION;
        }
        return Recommendation.REJECT;
    }

    /**
     * The findings before the rule being evaluated, as it reads them: asking for one that has not been evaluated yet
     * (registered later, or not at all) is a mistake in the registry's order, so it fails at once rather than reading
     * as "not met" (issue 17, item 6).
     */
    private static final class Earlier extends java.util.AbstractMap<String, Verdict> {

        private final Map<String, Verdict> verdicts;

        Earlier(Map<String, Verdict> verdicts) {
            this.verdicts = verdicts;
        }

        @Override
        public Verdict get(Object rule) {
            Verdict verdict = verdicts.get(rule);
            if (verdict == null) {
                throw new IllegalStateException("a rule read " + rule + ", which is not evaluated before it (Rules.ALL's order)");
            }
            return verdict;
        }

        @Override
        public java.util.Set<Entry<String, Verdict>> entrySet() {
            return java.util.Collections.unmodifiableMap(verdicts).entrySet();
        }
    }

    private static boolean met(Map<String, Verdict> verdicts, String rule) {
        Verdict verdict = verdicts.get(rule);
        return verdict != null && verdict.met();
    }
}
