package org.sanctuary.intake.claim.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.contracts.claim.ClaimStatus;
import org.sanctuary.intake.claim.domain.Claim;
import org.sanctuary.intake.claim.domain.Credibility;
import org.sanctuary.intake.claim.domain.MilitaryProfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Serdeable
public record ClaimView(UUID id, long version, UUID applicantId, ClaimStatus status, MilitaryProfile military,
                        Map<String, Credibility.Assessment> credibility, @Nullable String assignedCaseworker,
                        @Nullable LocalDate lodgedOn, @Nullable LocalDate firstInstanceDeadline,
                        Instant createdAt, Instant updatedAt) {

    public static ClaimView of(Claim c) {
        return new ClaimView(c.id(), c.version(), c.applicantId(), c.status(), c.military(), c.credibility(),
                c.assignedCaseworker(), c.lodgedOn(), c.firstInstanceDeadline(), c.createdAt(), c.updatedAt());
    }

    @Serdeable
    public record Page(List<ClaimView> items, @Nullable String next) {
    }
}
