package org.sanctuary.contracts.pack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The sections of a tenant's policy pack that intake, documents, reporting and the assessment's notices read: the
 * first-instance deadline, the rules for evidence, what the statistics protect and count as positive, and the wording
 * of the decision notice. The pack's JSON Schema (the tenants
 * service's {@code schemas/policy-pack.schema.json}) is the source of truth; the tenants service's
 * {@code PackSectionsTest} holds these records to it over every example pack. The assessment engine reads the rest,
 * as its own {@code PolicyPack}. A section a pack leaves out is null: the reader's default applies.
 */
@Serdeable
public record PackSections(@Nullable Deadlines deadlines, @Nullable DocumentRules documents, @Nullable ReportingRules reporting,
                           @Nullable RecognitionRate recognitionRate, @Nullable Map<String, Map<String, String>> notices) {

    /** The pack's wording of the decision notice in {@code language} (ICU templates by message), or none. */
    public Map<String, String> noticeWording(String language) {
        return notices == null ? Map.of() : notices.getOrDefault(language, Map.of());
    }

    /** Days for a first-instance decision from lodging, and for an appeal from the decision. */
    @Serdeable
    public record Deadlines(int firstInstanceDecisionDays, int appealDays) {
    }

    /** Evidence: the largest upload, the media types accepted, and how long content is kept after the claim closes. */
    @Serdeable
    public record DocumentRules(long maxBytes, List<String> allowedTypes, int retentionYears) {
    }

    /** Statistics: cells under the threshold are suppressed, published counts rounded to the base. */
    @Serdeable
    public record ReportingRules(int smallCellThreshold, int rounding) {
    }

    /** The outcomes a recognition rate counts as positive. */
    @Serdeable
    public record RecognitionRate(List<String> positive) {
    }
}
