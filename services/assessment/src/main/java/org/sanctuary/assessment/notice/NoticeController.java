package org.sanctuary.assessment.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.sanctuary.assessment.engine.Reasons;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Roles;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/** {@code POST /api/v1/decisions/{id}/notices}: the notice of an approved decision to the applicant, as a stored PDF. */
@Controller("/api/v1/decisions")
@Secured({Roles.CASEWORKER, Roles.SUPERVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class NoticeController {

    /** The language the notice is written in: {@code en}, {@code ru}, {@code uk}, {@code de} or {@code fr}. */
    @Serdeable
    record NoticeRequest(@NotBlank @Pattern(regexp = "en|ru|uk|de|fr", message = "must be one of en, ru, uk, de, fr") String language) {
    }

    private final NoticeService notices;

    NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    /**
     * Produces the notice of an approved decision in the applicant's language: a PDF/A document with the outcome, the
     * findings it rests on, the legal bases, the appeal deadline and how to appeal, stored as a document of the claim
     * (category DECISION_NOTICE, which opens on need to know); the answer names it, and Location is its document.
     */
    @Post("/{id}/notices")
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeRequest.class),
            examples = @ExampleObject(name = "russian", summary = "The notice in Russian, the applicant's language",
                    value = "{\"language\": \"ru\"}")))
    @ApiResponse(responseCode = "409", description = "The decision is not approved (problem type `invalid-transition`)")
    HttpResponse<NoticeService.Notice> produceNotice(@PathVariable UUID id, @Body @Valid NoticeRequest request,
                                               @Nullable @Header(AccessReason.HEADER) String accessReason) {
        Locale language = Reasons.supported(request.language());
        NoticeService.Notice notice = notices.produce(id, language, accessReason);
        return HttpResponse.created(notice, URI.create("/api/v1/documents/" + notice.documentId()));
    }
}
