package org.sanctuary.contracts.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.contracts.claim.ClaimStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The payloads of intake's event feed; intake writes them, assessment, documents and reporting read them. */
public final class IntakeEvents {

    private IntakeEvents() {
    }

    /** {@code applicant.registered}, {@code applicant.updated}: an applicant's version and nationalities (ISO 3166 alpha-2). */
    @Serdeable
    public record ApplicantChanged(UUID applicantId, long version, List<String> nationalities) {
    }

    /** {@code claim.lodged}: the claim's first-instance deadline and what the statistics count it by. */
    @Serdeable
    public record ClaimLodged(UUID claimId, UUID applicantId, LocalDate lodgedOn, LocalDate firstInstanceDeadline,
                              @Nullable String militaryStatus, List<String> nationalities) implements ClaimEvent {
    }

    /** {@code claim.status-changed}: one transition, by the action that made it. */
    @Serdeable
    public record ClaimStatusChanged(UUID claimId, UUID applicantId, String action, ClaimStatus from, ClaimStatus to, Instant at) implements ClaimEvent {
    }
}
