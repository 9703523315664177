package org.sanctuary.tenants.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a tenant's policy pack. A PUBLISHED version never changes again. */
@Serdeable
@Schema(name = "PolicyPackVersion") // the assessment service's "PolicyPack" is the document it reads
public record PolicyPack(String tenantId, int version, Status status, @Nullable LocalDate effectiveFrom,
                         Instant createdAt, String createdBy, @Nullable Instant publishedAt,
                         @Nullable String publishedBy,
                         @Nullable @Schema(description = "the pack itself, as GET /api/v1/policy/schema describes it",
                                 type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) JsonNode document) {

    public enum Status { DRAFT, PUBLISHED }

    public PolicyPack withoutDocument() {
        return new PolicyPack(tenantId, version, status, effectiveFrom, createdAt, createdBy, publishedAt, publishedBy, null);
    }

    /** ETag of a version: published versions are immutable, drafts change with updatedAt. */
    public String etag() {
        return "\"" + tenantId + ":" + version + "\"";
    }
}
