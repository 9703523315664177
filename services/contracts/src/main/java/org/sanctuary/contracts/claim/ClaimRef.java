package org.sanctuary.contracts.claim;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * What another service reads of a claim ({@code GET /api/v1/claims/{id}} of intake, as the caller): whose it is, where
 * it is in its life, and who is assigned to it (need-to-know). Intake's answer holds more; the rest is not read.
 */
@Serdeable
public record ClaimRef(UUID id, UUID applicantId, ClaimStatus status, @Nullable String assignedCaseworker) {
}
