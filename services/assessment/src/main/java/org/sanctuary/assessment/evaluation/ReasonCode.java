package org.sanctuary.assessment.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * How the OpenAPI document describes the engine's {@code Reason} (openapi.properties maps it here; the engine itself
 * carries no framework annotations): its arguments are strings, numbers, lists or nested reasons, so any JSON value.
 */
@Schema(description = "One reason of a finding as data: a stable code (docs/assessment.md, \"Reason codes\") and its arguments.")
record ReasonCode(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                              description = "Rule ids, countries, ISO dates, numbers, the pack's notes, and nested reasons or lists of them")
                      Map<String, Object> args) {
}
