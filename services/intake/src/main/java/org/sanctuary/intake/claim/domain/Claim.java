package org.sanctuary.intake.claim.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

public record Claim(UUID id, long version, UUID applicantId, ClaimStatus status, MilitaryProfile military,
                    Map<String, Credibility.Assessment> credibility, String assignedCaseworker, LocalDate lodgedOn,
                    LocalDate firstInstanceDeadline, Instant createdAt, Instant updatedAt) {
}
