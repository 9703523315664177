package org.sanctuary.tenants.policy;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.sanctuary.common.tenancy.Roles;

/**
 * {@code GET /api/v1/policy/schema}: the JSON Schema (draft 2020-12) every pack is validated with, byte for byte the
 * one {@link PolicyPackSchema} reads, so the console generates its pack editor from the one source.
 */
@Controller("/api/v1/policy/schema")
@Secured(Roles.POLICY_ADMIN)
class PolicyPackSchemaController {

    private final PolicyPackSchema schema;

    PolicyPackSchemaController(PolicyPackSchema schema) {
        this.schema = schema;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the policy-pack JSON Schema (draft 2020-12)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    HttpResponse<String> schema() {
        return HttpResponse.ok(schema.text()).header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
    }
}
