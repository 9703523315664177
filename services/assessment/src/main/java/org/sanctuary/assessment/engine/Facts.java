package org.sanctuary.assessment.engine;

import java.util.List;
import java.util.Map;

/**
 * The claim facts the engine reads, in the shape of acceptance/README.md ("Claim facts"). Absent
 * parts are read as unclaimed (S2); {@link #normalised()} spells them out once so the rules never
 * see null collections.
 *
 * @param evidence optional: material fact key → ids of the documents that support it
 */
public record Facts(Applicant applicant, Military military, Map<String, Credibility> credibility,
                    Map<String, List<String>> evidence) {

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

    public record Applicant(List<String> nationalities, Integer age, Region regionOfOrigin, boolean ethnicMinority,
                            String religion, boolean lgbtqi, List<String> politicalActivity, Sex sex) {
    }

    public record Region(String country, String region) {
    }

    public record Military(MilitaryStatus status, RecruitingActor recruitingActor, String recruitingCountry,
                           CallUp callUp, Unit unit, boolean served, boolean deserted, Objection objection,
                           List<IllTreatment> illTreatmentSuffered, List<String> exclusionIndicators) {
    }

    /** {@code channel} is descriptive only (intake validates it), so it stays free text here. */
    public record CallUp(boolean received, String date, String channel, boolean punitive) {
    }

    public record Unit(String role, Boolean implicatedInCrimes) {
    }

    public record Objection(boolean held, ObjectionKind kind, ObjectionBasis basis, boolean procedureUsed) {
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
