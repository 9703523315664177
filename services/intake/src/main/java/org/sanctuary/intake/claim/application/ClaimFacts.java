package org.sanctuary.intake.claim.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.intake.applicant.domain.RegionOfOrigin;
import org.sanctuary.intake.applicant.domain.Sex;
import org.sanctuary.intake.claim.domain.Credibility;
import org.sanctuary.intake.claim.domain.MilitaryProfile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The facts document the assessment engine reads ("Claim facts" in acceptance/README.md), plus
 * {@code claimId}, {@code asOf} and {@code imposedNationalities}: {@code nationalities} holds only
 * genuine ones, so an imposed passport never counts as a country of protection. {@code sex} as recorded: the
 * engine's reasons use it for their wording, nothing else.
 */
@Serdeable
public record ClaimFacts(UUID claimId, LocalDate asOf, ApplicantFacts applicant, MilitaryProfile military,
                         Map<String, Credibility.Assessment> credibility) {

    /** A page of open claims' facts; {@code next}: the cursor of the following page, null at the end. */
    @Serdeable
    public record Page(List<ClaimFacts> items, @Nullable String next) {
    }

    @Serdeable
    public record ApplicantFacts(List<String> nationalities, List<String> imposedNationalities, @Nullable Integer age,
                                 @Nullable RegionOfOrigin regionOfOrigin, boolean ethnicMinority,
                                 @Nullable String religion, boolean lgbtqi, List<String> politicalActivity, Sex sex) {
    }
}
