package org.sanctuary.documents.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A document's metadata. A DELETED one is a tombstone: its hash, size and dates remain, its content is gone. */
@Serdeable
public record Document(UUID id, UUID claimId, @Nullable UUID applicantId, Category category, @Nullable String description,
                       String filename, String contentType, long sizeBytes, String sha256, Status status,
                       boolean legalHold, @Nullable String legalHoldReason, @Nullable LocalDate claimClosedOn,
                       Instant createdAt, String createdBy, @Nullable Instant deletedAt, @Nullable String deletionReason,
                       long version) {

    public enum Status { AVAILABLE, DELETED }
}
