package org.sanctuary.assessment.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sanctuary.assessment.engine.Facts;

import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;

/**
 * How the OpenAPI document describes the engine's {@link Facts} (openapi.properties maps it here; the engine itself
 * carries no framework annotations): the same fields, every one optional — an absent part is read as not claimed, an
 * absent flag as false. {@code FactsDocumentTest} holds the two together.
 */
@Schema(name = "Facts", description = "The claim facts the engine reads (acceptance/README.md, \"Claim facts\"); every part optional")
record FactsDocument(@Nullable Applicant applicant, @Nullable Military military, @Nullable Map<String, Facts.Credibility> credibility,
                     @Nullable Map<String, List<String>> evidence) {

    @Schema(name = "Facts.Applicant")
    record Applicant(@Nullable List<String> nationalities, @Nullable Integer age, @Nullable Region regionOfOrigin,
                     @Schema(requiredMode = NOT_REQUIRED) boolean ethnicMinority, @Nullable String religion,
                     @Schema(requiredMode = NOT_REQUIRED) boolean lgbtqi, @Nullable List<String> politicalActivity,
                     @Nullable Facts.Sex sex) {
    }

    @Schema(name = "Facts.Region")
    record Region(@Nullable String country, @Nullable String region) {
    }

    @Schema(name = "Facts.Military")
    record Military(@Nullable Facts.MilitaryStatus status, @Nullable Facts.RecruitingActor recruitingActor,
                    @Nullable String recruitingCountry, @Nullable CallUp callUp, @Nullable Unit unit,
                    @Schema(requiredMode = NOT_REQUIRED) boolean served, @Schema(requiredMode = NOT_REQUIRED) boolean deserted,
                    @Nullable Objection objection, @Nullable List<Facts.IllTreatment> illTreatmentSuffered,
                    @Nullable List<String> exclusionIndicators) {
    }

    @Schema(name = "Facts.CallUp")
    record CallUp(@Schema(requiredMode = NOT_REQUIRED) boolean received, @Nullable String date, @Nullable String channel,
                  @Schema(requiredMode = NOT_REQUIRED) boolean punitive) {
    }

    @Schema(name = "Facts.Unit")
    record Unit(@Nullable String role, @Nullable Boolean implicatedInCrimes) {
    }

    @Schema(name = "Facts.Objection")
    record Objection(@Schema(requiredMode = NOT_REQUIRED) boolean held, @Nullable Facts.ObjectionKind kind,
                     @Nullable Facts.ObjectionBasis basis, @Schema(requiredMode = NOT_REQUIRED) boolean procedureUsed) {
    }
}
