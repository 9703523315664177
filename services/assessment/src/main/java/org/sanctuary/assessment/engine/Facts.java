package org.sanctuary.assessment.engine;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;

/**
 * The claim facts the engine reads, in the shape of acceptance/README.md ("Claim facts"). Absent
 * parts are read as unclaimed (S2); {@link #normalised()} spells them out once so the rules never
 * see null collections.
 *
 * Every part is optional ({@code @Nullable}; a flag left out reads as false, {@code NOT_REQUIRED}), as the engine
 * reads them and as the public document says.
 *
 * @param evidence optional: material fact key → ids of the documents that support it
 */
public record Facts(@Nullable Applicant applicant, @Nullable Military military, @Nullable Map<String, Credibility> credibility,
                    @Nullable Map<String, List<String>> evidence) {

    public enum Credibility { ACCEPTED, REJECTED, BENEFIT_OF_DOUBT }

    public enum MilitaryStatus {
        PRE_CALL_UP_EVADER, SUMMONED_NON_REPORTER, MOBILISED_RESERVIST, CONSCRIPT, CONTRACT_SOLDIER, DESERTER,
        OBJECTOR_ABSOLUTE, OBJECTOR_SELECTIVE, FORCIBLY_RECRUITED, CHILD
    }

    public enum RecruitingActor { STATE, OCCUPYING_POWER, NON_STATE_GROUP }

    public enum ObjectionKind { ABSOLUTE, SELECTIVE, PARTIAL }

    public enum ObjectionBasis { RELIGIOUS, MORAL, POLITICAL }

    /** What he suffered in service; the first five are also COI conditions of service. */
    public enum IllTreatment {
        HAZING, ETHNIC_ABUSE, HOMOPHOBIC_ABUSE, TORTURE, FORCED_LABOUR, INDEFINITE_SERVICE, RELIGIOUS_ABUSE,
        SEXUAL_VIOLENCE
    }

    /** As intake records it; the reasons say "she", "he", or "the applicant" (X, UNKNOWN or not given). */
    public enum Sex { FEMALE, MALE, X, UNKNOWN }

    public record Applicant(@Nullable List<String> nationalities, @Nullable Integer age, @Nullable Region regionOfOrigin,
                            @Schema(requiredMode = NOT_REQUIRED) boolean ethnicMinority, @Nullable String religion,
                            @Schema(requiredMode = NOT_REQUIRED) boolean lgbtqi, @Nullable List<String> politicalActivity,
                            @Nullable Sex sex) {
    }

    public record Region(@Nullable String country, @Nullable String region) {
    }

    public record Military(@Nullable MilitaryStatus status, @Nullable RecruitingActor recruitingActor,
                           @Nullable String recruitingCountry, @Nullable CallUp callUp, @Nullable Unit unit, @Schema(requiredMode = NOT_REQUIRED) boolean served,
                           @Schema(requiredMode = NOT_REQUIRED) boolean deserted, @Nullable Objection objection,
                           @Nullable List<IllTreatment> illTreatmentSuffered, @Nullable List<String> exclusionIndicators) {
    }

    /** {@code channel} is descriptive only (intake validates it), so it stays free text here. */
    public record CallUp(@Schema(requiredMode = NOT_REQUIRED) boolean received, @Nullable String date, @Nullable String channel,
                         @Schema(requiredMode = NOT_REQUIRED) boolean punitive) {
    }

    public record Unit(@Nullable String role, @Nullable Boolean implicatedInCrimes) {
    }

    public record Objection(@Schema(requiredMode = NOT_REQUIRED) boolean held, @Nullable ObjectionKind kind,
                            @Nullable ObjectionBasis basis, @Schema(requiredMode = NOT_REQUIRED) boolean procedureUsed) {
    }

    /** The same facts with every absent part spelled out as "not claimed". */
    public Facts normalised() {
        Applicant a = applicant == null ? new Applicant(null, null, null, false, null, false, null, null) : applicant;
        a = new Applicant(a.nationalities() == null ? List.of() : a.nationalities(), a.age(),
                a.regionOfOrigin() == null ? new Region(null, null) : a.regionOfOrigin(), a.ethnicMinority(),
                a.religion() == null || a.religion().isBlank() ? null : a.religion(), a.lgbtqi(),
                a.politicalActivity() == null ? List.of() : a.politicalActivity(), a.sex());
        Military m = military == null
                ? new Military(null, null, null, null, null, false, false, null, null, null) : military;
        m = new Military(m.status(), m.recruitingActor(), m.recruitingCountry(),
                m.callUp() == null ? new CallUp(false, null, null, false) : m.callUp(),
                m.unit() == null ? new Unit(null, null) : m.unit(), m.served(), m.deserted(),
                m.objection() == null ? new Objection(false, null, null, false) : m.objection(),
                m.illTreatmentSuffered() == null ? List.of() : m.illTreatmentSuffered(),
                m.exclusionIndicators() == null ? List.of() : m.exclusionIndicators());
        return new Facts(a, m, credibility == null ? Map.of() : credibility, evidence == null ? Map.of() : evidence);
    }
}
