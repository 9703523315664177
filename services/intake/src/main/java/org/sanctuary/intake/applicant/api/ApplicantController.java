package org.sanctuary.intake.applicant.api;

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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.sanctuary.intake.applicant.application.ApplicantRequest;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.http.Versions;
import org.sanctuary.common.idempotency.IdempotencyKeys;
import org.sanctuary.common.persistence.Cursor;
import org.sanctuary.common.persistence.Slice;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.intake.applicant.domain.IcaoTransliterator;
import org.sanctuary.intake.applicant.domain.Nationality;
import org.sanctuary.intake.applicant.domain.PersonName;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.intake.applicant.application.ApplicantService;
import org.sanctuary.intake.applicant.domain.Applicant;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/applicants")
@Secured({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.INTEGRATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicantController {

    private final ApplicantService applicants;

    ApplicantController(ApplicantService applicants) {
        this.applicants = applicants;
    }

    /** Registers an applicant; with {@code Idempotency-Key}, a retry returns the first result. */
    @Post
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantRequest.class),
            examples = {@ExampleObject(name = "mobilisedReservist", summary = "A Russian reservist mobilised in 2022",
                    value = ApplicantExamples.EXAMPLE_RESERVIST),
                    @ExampleObject(name = "conscientiousObjector", summary = "A Ukrainian conscientious objector (caseworker: with special-category data)",
                            value = ApplicantExamples.EXAMPLE_OBJECTOR)}))
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "special-category fields can no longer be sealed or read (problem type `gone`)")
    @ApiResponse(responseCode = "422", description = "A household link names the applicant himself or no applicant of your "
            + "organization (problem type `unprocessable`), or the Idempotency-Key was used before with a different request "
            + "(problem type `idempotency-key-reused`)")
    @ApiResponse(responseCode = "500", description = "A retry with the Idempotency-Key read back special-category fields that "
            + "failed their integrity check; the event is logged (problem type `integrity`)")
    HttpResponse<ApplicantView> register(@Body @Valid ApplicantRequest request,
                                         @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ApplicantService.Created created = applicants.register(request, Optional.ofNullable(idempotencyKey));
        Applicant a = created.applicant();
        return HttpResponse.<ApplicantView>status(HttpStatus.CREATED)
                .body(ApplicantView.of(a, a.special() != null))
                .header(HttpHeaders.LOCATION, URI.create("/api/v1/applicants/" + a.id()).toString())
                .header(HttpHeaders.ETAG, Versions.etag(a.version()));
    }

    /**
     * One applicant. His special-category fields appear on need to know only; a caseworker without it may
     * state why he needs them in {@code X-Access-Reason} (break-glass: recorded, shown to supervisors).
     */
    @Get("/{id}")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "applicant's special-category fields can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The applicant's special-category fields failed their integrity check; "
            + "the event is logged (problem type `integrity`)")
    HttpResponse<ApplicantView> get(@PathVariable UUID id, @Nullable @Header(AccessReason.HEADER) String reason) {
        ApplicantService.Read read = applicants.get(id, AccessReason.parse(reason));
        Applicant a = read.applicant();
        return HttpResponse.ok(ApplicantView.of(a, a.special() != null, read.specialWithheld()))
                .header(HttpHeaders.ETAG, Versions.etag(a.version()));
    }

    /**
     * Lists in registration order; {@code name} matches across scripts and spellings; {@code ids} (comma-separated, at
     * most {@value #MAX_IDS}) reads those applicants at once — the names beside a list of claims.
     */
    @Get
    ApplicantView.Page list(@Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit,
                            @Nullable @QueryValue String name, @Nullable @QueryValue String ids) {
        if (ids != null && !ids.isBlank()) {
            return new ApplicantView.Page(applicants.withIds(idSet(ids)).stream().map(a -> ApplicantView.of(a, false)).toList(), null);
        }
        int size = Versions.limit(limit, Cursor.DEFAULT_LIMIT, Cursor.MAX_LIMIT);
        Cursor after = cursor == null ? Cursor.start() : Cursor.decode(cursor);
        Slice<Applicant> page = applicants.list(after, size, Optional.ofNullable(name));
        return new ApplicantView.Page(page.items().stream().map(a -> ApplicantView.of(a, false)).toList(),
                page.next(a -> new Cursor(a.createdAt(), a.id())));
    }

    /** The Latin (ICAO 9303) reading of a name as it would be stored, for a form that shows it while it is typed. */
    @Get("/latin-reading")
    PersonName latinReading(@QueryValue @Size(max = 200) String given, @QueryValue @Size(max = 200) String family,
                            @Nullable @QueryValue @Size(max = 200) String patronymic, @Nullable @QueryValue List<String> nationality) {
        List<Nationality> nationalities = nationality == null ? List.of()
                : nationality.stream().filter(n -> n.matches("^[A-Z]{2}$")).map(n -> new Nationality(n, false)).toList();
        return IcaoTransliterator.toLatin(new PersonName(given, family, patronymic), IcaoTransliterator.variantFor(nationalities));
    }

    private static final int MAX_IDS = 100;

    private static java.util.Set<UUID> idSet(String ids) {
        String[] parts = ids.split(",");
        if (parts.length > MAX_IDS) {
            throw ProblemException.invalid("ids", "at most " + MAX_IDS + " ids");
        }
        java.util.Set<UUID> set = new java.util.LinkedHashSet<>();
        for (String part : parts) {
            try {
                set.add(UUID.fromString(part.strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("ids", "must be comma-separated UUIDs");
            }
        }
        return set;
    }

    /** Replaces the applicant's data; {@code If-Match} must carry the ETag read. */
    @Put("/{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantRequest.class),
            examples = {@ExampleObject(name = "conscientiousObjector", summary = "A Ukrainian conscientious objector (caseworker: with special-category data)",
                    value = ApplicantExamples.EXAMPLE_OBJECTOR),
                    @ExampleObject(name = "mobilisedReservist", summary = "A Russian reservist mobilised in 2022",
                            value = ApplicantExamples.EXAMPLE_RESERVIST)}))
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "special-category fields can no longer be sealed (problem type `gone`)")
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the applicant's current one, or no "
            + "version at all: read it again and reapply your change (problem type `precondition-failed`)")
    @ApiResponse(responseCode = "422", description = "A household link names the applicant himself or no applicant of your "
            + "organization (problem type `unprocessable`)")
    @ApiResponse(responseCode = "428", description = "The request has no If-Match with the ETag of the version you read "
            + "(problem type `precondition-required`)")
    HttpResponse<ApplicantView> update(@PathVariable UUID id, @Body @Valid ApplicantRequest request,
                                       @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                       @Nullable @Header(AccessReason.HEADER) String reason) {
        ApplicantService.Read read = applicants.update(id, Versions.required(ifMatch), request, AccessReason.parse(reason));
        Applicant a = read.applicant();
        return HttpResponse.ok(ApplicantView.of(a, a.special() != null, read.specialWithheld()))
                .header(HttpHeaders.ETAG, Versions.etag(a.version()));
    }
}
