package org.sanctuary.assessment.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.sanctuary.assessment.engine.Reasons;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Roles;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /api/v1/assessments}: assess a claim (a new run each time), read one run, list a claim's runs.
 * The results restate special-category facts, so caseworkers and supervisors only; every read audited.
 */
@Controller("/api/v1/assessments")
@Secured({Roles.CASEWORKER, Roles.SUPERVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class AssessmentController {

    @Serdeable
    record AssessRequest(@NotNull UUID claimId) {
    }

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /** The reasons are written in the first language of {@code Accept-Language} that they exist in (en, ru, uk, de, fr). */
    @Post
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessRequest.class),
            examples = @ExampleObject(name = "claim", summary = "Assess a lodged claim",
                    value = "{\"claimId\": \"3fa1c2d4-5b6e-4f70-8a91-b2c3d4e5f607\"}")))
    @ApiResponse(responseCode = "404", description = "claimId names no claim of your organization (problem type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The claim is a draft, or decided, closed or withdrawn: only a lodged, "
            + "assessed or appealed claim is assessed (problem type `invalid-transition`)")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "result can no longer be sealed (problem type `gone`)")
    @ApiResponse(responseCode = "422", description = "No policy pack of your organization is in force today, so there is no law "
            + "to assess by (problem type `unprocessable`)")
    HttpResponse<StoredAssessment> assess(@Body @Valid AssessRequest request,
                                          @Nullable @Header(AccessReason.HEADER) String accessReason,
                                          @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale language = Reasons.supported(acceptLanguage);
        StoredAssessment stored = assessments.assess(request.claimId(), accessReason);
        return HttpResponse.created(stored.in(language), URI.create("/api/v1/assessments/" + stored.id()))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
    }

    /** The sealed result: supervisors and the claim's assigned caseworker, or a stated reason in X-Access-Reason. */
    @Get("/{id}")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed result can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The sealed result failed its integrity check (problem type `integrity`)")
    HttpResponse<StoredAssessment> get(@PathVariable UUID id,
                                       @Nullable @Header(AccessReason.HEADER) String accessReason,
                                       @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale language = Reasons.supported(acceptLanguage);
        return HttpResponse.ok(assessments.get(id, accessReason).in(language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
    }

    @Get
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed results can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "A sealed result failed its integrity check (problem type `integrity`)")
    HttpResponse<List<StoredAssessment>> ofClaim(@QueryValue UUID claimId,
                                                 @Nullable @Header(AccessReason.HEADER) String accessReason,
                                                 @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale language = Reasons.supported(acceptLanguage);
        return HttpResponse.ok(assessments.ofClaim(claimId, accessReason).stream().map(a -> a.in(language)).toList())
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
    }
}
