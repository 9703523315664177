package org.sanctuary.assessment.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a tenant's policy pack the engine reads (acceptance/README.md, "Policy pack"). The
 * tenants service validates the whole document against its JSON Schema; fields the engine does not
 * use are ignored here.
 */
public record PolicyPack(Integer schemaVersion, LegalFramework legalFramework, Map<String, RuleSetting> rules,
                         List<TemporaryProtection> temporaryProtection, Humanitarian humanitarian,
                         Map<String, Coi> coi, Deadlines deadlines) {

    public enum LegalFramework { EU_QD_2011_95, REFUGEE_CONVENTION }

    /**
     * How a pack tunes one rule. {@code enabled} false switches it off; {@code objectionAloneSuffices}
     * tunes GIP10-1 (S7); {@code ethnicityGround} tunes which Convention ground ethnicity founds (RC-1A2,
     * default RACE after Handbook §68); {@code reason} is the tenant's own words, quoted in the finding.
     */
    public record RuleSetting(Boolean enabled, Boolean objectionAloneSuffices, Ground ethnicityGround, String reason) {
    }

    public record TemporaryProtection(String nationality, String basis, LocalDate from, LocalDate until) {
    }

    /**
     * A national humanitarian status (S14): granted where one of {@code grounds} (rule ids, default
     * {@code ECHR-3}) is met and no Convention or subsidiary status is available.
     */
    public record Humanitarian(String basis, List<String> grounds) {
        public List<String> groundsOrDefault() {
            return grounds == null || grounds.isEmpty() ? List.of(RuleId.ECHR_3) : grounds;
        }
    }

    public record Deadlines(Integer firstInstanceDecisionDays, Integer appealDays) {
    }

    public enum AlternativeService { NONE, PUNITIVE, ADEQUATE }

    public enum ObjectorProcedure { NONE, INEFFECTIVE, EFFECTIVE }

    public enum RecruitmentTarget { ETHNIC_MINORITY, POLITICAL_OPPONENT, RELIGIOUS_MINORITY }

    public enum ServiceCondition { HAZING, ETHNIC_ABUSE, HOMOPHOBIC_ABUSE, TORTURE, FORCED_LABOUR, INDEFINITE_SERVICE }

    /** Country-of-origin information for one country, as of {@code asOf}. */
    public record Coi(LocalDate asOf, List<String> sources, ArmedConflict armedConflict,
                      List<OccupiedRegion> occupiedRegions, Penalties penalties,
                      AlternativeService alternativeService, ObjectorProcedure objectorProcedure,
                      List<RecruitmentTarget> discriminatoryRecruitment, List<ServiceCondition> conditionsOfService,
                      NonStateRecruitment nonStateRecruitment, List<IndiscriminateViolence> indiscriminateViolence) {

        /** Absent parts read as "nothing recorded": no conflict, no penalties flagged, no lists. */
        public Coi normalised() {
            return new Coi(asOf, sources == null ? List.of() : sources,
                    armedConflict == null ? new ArmedConflict(false, false, false, false) : armedConflict,
                    occupiedRegions == null ? List.of() : occupiedRegions,
                    penalties == null ? new Penalties(null, null, false, false, false) : penalties,
                    alternativeService == null ? AlternativeService.NONE : alternativeService,
                    objectorProcedure == null ? ObjectorProcedure.NONE : objectorProcedure,
                    discriminatoryRecruitment == null ? List.of() : discriminatoryRecruitment,
                    conditionsOfService == null ? List.of() : conditionsOfService,
                    nonStateRecruitment == null ? new NonStateRecruitment(false, false, false) : nonStateRecruitment,
                    indiscriminateViolence == null ? List.of() : indiscriminateViolence);
        }

        /** The level of indiscriminate violence the COI records for {@code region}, if any (Art 15(c) QD). */
        public java.util.Optional<ViolenceLevel> violenceIn(String region) {
            return region == null ? java.util.Optional.empty() : indiscriminateViolence.stream()
                    .filter(v -> region.equalsIgnoreCase(v.region()) && v.level() != null).map(IndiscriminateViolence::level).findFirst();
        }

        public boolean occupies(String region, String occupier) {
            return region != null && occupier != null && occupiedRegions.stream().anyMatch(o ->
                    region.equalsIgnoreCase(o.region()) && occupier.equalsIgnoreCase(o.occupiedBy()));
        }
    }

    public record ArmedConflict(boolean active, boolean systematicIhlViolations, boolean warCrimesProsecuted,
                                boolean internationalMandate) {
    }

    public record OccupiedRegion(String region, String occupiedBy) {
    }

    /** EXCEPTIONAL: presence alone is a real risk (Elgafaji, para 35); HIGH: personal circumstances decide (para 39). */
    public enum ViolenceLevel { EXCEPTIONAL, HIGH }

    public record IndiscriminateViolence(String region, ViolenceLevel level) {
    }

    public record Penalties(Integer evasionMaxYears, Integer desertionMaxYears, boolean disproportionate,
                            boolean discriminatory, boolean extrajudicial) {
    }

    public record NonStateRecruitment(boolean present, boolean childRecruitment, boolean stateProtection) {
    }

    public LegalFramework framework() {
        return legalFramework == null ? LegalFramework.REFUGEE_CONVENTION : legalFramework;
    }

    public Optional<RuleSetting> setting(String rule) {
        return Optional.ofNullable(rules == null ? null : rules.get(rule));
    }

    public Optional<Coi> coiOf(String country) {
        return Optional.ofNullable(country == null || coi == null ? null : coi.get(country)).map(Coi::normalised);
    }

    public List<TemporaryProtection> temporaryProtectionOrEmpty() {
        return temporaryProtection == null ? List.of() : temporaryProtection;
    }
}
