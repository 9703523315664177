package org.sanctuary.contracts.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** The payloads of the documents service's event feed; reporting reads them. {@code category} names a document category. */
public final class DocumentEvents {

    private DocumentEvents() {
    }

    /** {@code document.added}. */
    @Serdeable
    public record DocumentAdded(UUID documentId, UUID claimId, @Nullable UUID applicantId, String category, String contentType,
                                long sizeBytes, String sha256, Instant at) implements ClaimEvent {
    }

    /** {@code document.deleted}: its content is gone (retention or a supervisor); its hash remains. */
    @Serdeable
    public record DocumentDeleted(UUID documentId, UUID claimId, String sha256, String reason, Instant at) implements ClaimEvent {
    }
}
