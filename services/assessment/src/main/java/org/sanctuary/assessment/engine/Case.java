package org.sanctuary.assessment.engine;

import org.sanctuary.assessment.engine.Facts.Credibility;
import org.sanctuary.assessment.engine.Facts.MilitaryStatus;
import org.sanctuary.assessment.engine.Facts.RecruitingActor;
import org.sanctuary.assessment.engine.PolicyPack.Coi;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One claim's facts read against one pack on one date: the derived conditions the rules share
 * (credibility, liability to serve, whose COI, the risk heads). Immutable: what a rule finds missing it says in its
 * verdict, and the engine gathers.
 */
public final class Case {

    /** The material facts a caseworker assesses (acceptance/README.md). */
    public static final List<String> MATERIAL_FACTS = List.of("militaryStatus", "callUp", "unit", "desertion",
            "objection", "ethnicity", "lgbtqi", "politicalActivity", "illTreatment");

    private static final Set<MilitaryStatus> IN_SERVICE = EnumSet.of(MilitaryStatus.CONSCRIPT,
            MilitaryStatus.CONTRACT_SOLDIER, MilitaryStatus.FORCIBLY_RECRUITED);

    final Facts facts;
    final Facts.Applicant applicant;
    final Facts.Military military;
    final PolicyPack pack;
    final LocalDate date;
    final String packVersion;
    private final Set<String> missing = new LinkedHashSet<>();

    Case(PolicyPack pack, Facts facts, LocalDate date, String packVersion) {
        this.facts = facts.normalised();
        this.applicant = this.facts.applicant();
        this.military = this.facts.military();
        this.pack = pack;
        this.date = date;
        this.packVersion = packVersion;
        for (String fact : MATERIAL_FACTS) {
            if (claimed(fact) && !this.facts.credibility().containsKey(fact)) {
                missing.add(fact); // S2: claimed, not yet assessed
            }
        }
        if (recruiter() == null) {
            missing.add("military.recruitingCountry");
        } else if (pack.coiOf(recruiter()).isEmpty()) {
            missing.add("coi." + recruiter());
        }
    }

    /** What the case lacks before any rule runs: claimed facts not yet assessed, the recruiter or its COI (S2). */
    List<String> missing() {
        return List.copyOf(missing);
    }

    // ---- credibility (step 2; S2) -------------------------------------------------------------

    /** Whether the applicant claims the material fact at all (false, null or empty: he does not). */
    boolean claimed(String fact) {
        return switch (fact) {
            case "militaryStatus" -> military.status() != null;
            case "callUp" -> military.callUp().received();
            case "unit" -> military.unit().role() != null || military.unit().implicatedInCrimes() != null;
            case "desertion" -> military.deserted() || military.status() == MilitaryStatus.DESERTER;
            case "objection" -> objectionClaimed();
            case "ethnicity" -> applicant.ethnicMinority();
            case "lgbtqi" -> applicant.lgbtqi();
            case "politicalActivity" -> !applicant.politicalActivity().isEmpty();
            case "illTreatment" -> !military.illTreatmentSuffered().isEmpty();
            default -> false;
        };
    }

    /** TRUE when claimed and accepted (or given the benefit of the doubt), FALSE when unclaimed or rejected. */
    Truth credible(String fact) {
        return credible(fact, claimed(fact));
    }

    Truth credible(String fact, boolean claimed) {
        if (!claimed) {
            return Truth.FALSE;
        }
        Credibility c = facts.credibility().get(fact);
        if (c == null) {
            return Truth.UNKNOWN;
        }
        return Truth.of(c != Credibility.REJECTED);
    }

    boolean rejected(String fact) {
        return facts.credibility().get(fact) == Credibility.REJECTED;
    }

    /** A material fact is relied on only when claimed and not rejected (QD-4-5 covers benefit of the doubt). */
    boolean reliedOn(String fact) {
        if (fact.equals("exclusionIndicators")) {
            return !military.exclusionIndicators().isEmpty(); // recorded by the caseworker, not a fact the applicant claims
        }
        return claimed(fact) && credible(fact) == Truth.TRUE;
    }

    boolean benefitOfDoubt(String fact) {
        return claimed(fact) && facts.credibility().get(fact) == Credibility.BENEFIT_OF_DOUBT;
    }

    // ---- who and where (step 1; S15) --------------------------------------------------------

    boolean objectionClaimed() {
        return military.objection().held() || military.status() == MilitaryStatus.OBJECTOR_ABSOLUTE
                || military.status() == MilitaryStatus.OBJECTOR_SELECTIVE;
    }

    Facts.ObjectionKind objectionKind() {
        if (military.objection().kind() != null) {
            return military.objection().kind();
        }
        return military.status() == MilitaryStatus.OBJECTOR_SELECTIVE ? Facts.ObjectionKind.SELECTIVE
                : Facts.ObjectionKind.ABSOLUTE;
    }

    /** His own State: the country of his region of origin when he holds its nationality, else his first nationality. */
    String ownState() {
        String region = applicant.regionOfOrigin().country();
        if (region != null && applicant.nationalities().contains(region)) {
            return region;
        }
        return applicant.nationalities().isEmpty() ? region : applicant.nationalities().get(0);
    }

    /** The country whose forces would make him serve; his own State when not recorded for a State recruiter. */
    String recruiter() {
        if (military.recruitingCountry() != null) {
            return military.recruitingCountry();
        }
        return military.recruitingActor() == null || military.recruitingActor() == RecruitingActor.STATE
                ? ownState() : null;
    }

    Optional<Coi> recruiterCoi() {
        return pack.coiOf(recruiter());
    }

    Optional<Coi> ownCoi() {
        return pack.coiOf(ownState());
    }

    /**
     * An occupying power recruits him: recorded so, or a foreign State recruits in a region his own
     * State's COI lists as occupied by that State (the occupier's label "State" does not change the law).
     */
    boolean occupierRecruits() {
        if (military.recruitingActor() == RecruitingActor.OCCUPYING_POWER) {
            return true;
        }
        String recruiter = recruiter();
        return military.recruitingActor() != RecruitingActor.NON_STATE_GROUP && recruiter != null
                && !applicant.nationalities().contains(recruiter)
                && ownCoi().map(coi -> coi.occupies(applicant.regionOfOrigin().region(), recruiter)).orElse(false);
    }

    boolean nonStateRecruits() {
        return military.recruitingActor() == RecruitingActor.NON_STATE_GROUP;
    }

    Truth adult() {
        return applicant.age() == null ? Truth.UNKNOWN : Truth.of(applicant.age() >= 18);
    }

    // ---- liability to serve (S3) --------------------------------------------------------------

    /**
     * S3: reasonably likely to be made to serve when an accepted fact shows a call-up, service or
     * desertion, or he credibly belongs to a group the recruiting country's COI says it recruits
     * discriminatorily. Accepted reservist status with the call-up rejected is not enough.
     */
    Truth liable(Coi coi) {
        Truth callUp = credible("callUp");
        Truth service = serviceClaimed() ? credible("militaryStatus").or(credible("unit")) : Truth.FALSE;
        return callUp.or(service).or(credible("desertion")).or(targetedGroup(coi));
    }

    /** He served, or his status is one of service (conscript, contract soldier, forcibly recruited). */
    boolean serviceClaimed() {
        return military.served() || IN_SERVICE.contains(military.status());
    }

    /** Membership, credibly, of a group the COI lists under {@code discriminatoryRecruitment}. */
    Truth targetedGroup(Coi coi) {
        Truth any = Truth.FALSE;
        for (PolicyPack.RecruitmentTarget target : coi.discriminatoryRecruitment()) {
            any = any.or(member(target));
        }
        return any;
    }

    Truth member(PolicyPack.RecruitmentTarget target) {
        return switch (target) {
            case ETHNIC_MINORITY -> credible("ethnicity");
            case POLITICAL_OPPONENT -> credible("politicalActivity");
            // religion carries no credibility entry of its own: taken as recorded
            case RELIGIOUS_MINORITY -> Truth.of(applicant.religion() != null);
        };
    }

    // ---- ways out (S5) -------------------------------------------------------------------------

    /** S5: only an EFFECTIVE objector procedure he did not use defeats QD-9-2-e and CJEU-SHEPHERD. */
    /** A State's objector procedure is a way out of that State's service only, never out of an armed group's (QD Art 6). */
    boolean effectiveProcedureUnused(Coi coi) {
        return !nonStateRecruits() && coi.objectorProcedure() == PolicyPack.ObjectorProcedure.EFFECTIVE
                && !military.objection().procedureUsed();
    }

    /** The actor of persecution (QD Art 6) as the reasons name it: the recruiting State, an occupying power, or a group. */
    Reason persecutor() {
        String where = recruiter();
        if (nonStateRecruits()) {
            return where == null ? Reason.of("actor.nonStateGroup") : Reason.of("actor.nonStateGroupIn", "country", where);
        }
        return Reason.of(occupierRecruits() ? "actor.occupyingPower" : "actor.authorities", "country", where);
    }

    /** An international mandate together with war crimes prosecuted militates against complicity (CJEU-SHEPHERD). */
    static boolean legitimised(Coi coi) {
        return coi.armedConflict().internationalMandate() && coi.armedConflict().warCrimesProsecuted();
    }

    Truth unitImplicated() {
        return credible("unit", Boolean.TRUE.equals(military.unit().implicatedInCrimes()));
    }

    Ground ethnicityGround() {
        return pack.setting(RuleId.RC_1A2).map(PolicyPack.RuleSetting::ethnicityGround).orElse(Ground.RACE);
    }
}
