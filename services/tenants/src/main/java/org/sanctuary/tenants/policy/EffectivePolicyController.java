package org.sanctuary.tenants.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.sanctuary.common.problem.ProblemException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code GET /api/v1/policy[?at=YYYY-MM-DD]}: the caller's organization's pack in force today (or on
 * {@code at}), for any role of the organization, with an ETag so the other services can cache it.
 */
@Controller("/api/v1/policy")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EffectivePolicyController {

    private final PolicyPacks packs;

    EffectivePolicyController(PolicyPacks packs) {
        this.packs = packs;
    }

    @Get
    @ApiResponse(responseCode = "200", description = "The pack in force, with its document and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyPack.class)))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the ETag of the pack in force: you hold it already")
    @ApiResponse(responseCode = "404", description = "No policy pack of your organization is in force on that date "
            + "(problem type `not-found`)")
    HttpResponse<PolicyPack> effective(@Nullable @QueryValue LocalDate at,
                                       @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PolicyPack pack = packs.effective(Optional.ofNullable(at))
                .orElseThrow(() -> new ProblemException(org.sanctuary.common.problem.ProblemType.NOT_FOUND,
                        "No policy pack of your organization is in force on that date."));
        if (pack.etag().equals(ifNoneMatch)) {
            return HttpResponse.notModified();
        }
        return HttpResponse.ok(pack).header(HttpHeaders.ETAG, pack.etag()).header(HttpHeaders.CACHE_CONTROL, "private, max-age=60");
    }
}
