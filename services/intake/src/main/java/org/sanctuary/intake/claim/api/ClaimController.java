package org.sanctuary.intake.claim.api;

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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sanctuary.common.http.Versions;
import org.sanctuary.common.idempotency.IdempotencyKeys;
import org.sanctuary.common.persistence.Cursor;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.contracts.claim.ClaimStatus;
import org.sanctuary.intake.claim.application.ClaimFacts;
import org.sanctuary.intake.claim.application.ClaimNotes;
import org.sanctuary.intake.claim.application.ClaimRequest;
import org.sanctuary.intake.claim.application.ClaimService;
import org.sanctuary.intake.claim.application.FirstInstanceDeadline;
import org.sanctuary.intake.claim.domain.Claim;
import org.sanctuary.intake.claim.domain.ClaimAction;
import org.sanctuary.intake.claim.domain.ClaimFilter;
import org.sanctuary.intake.claim.domain.ClaimOrder;
import org.sanctuary.intake.claim.domain.Workload;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/claims")
@Secured({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.INTEGRATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class ClaimController {

    private final ClaimService claims;
    private final FirstInstanceDeadline deadline;
    private final ClaimNotes notes;

    ClaimController(ClaimService claims, FirstInstanceDeadline deadline, ClaimNotes notes) {
        this.claims = claims;
        this.deadline = deadline;
        this.notes = notes;
    }

    /** Drafts a claim for an applicant of the caller's organization. */
    @Post
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimRequest.class),
            examples = {@ExampleObject(name = "mobilisedReservist", summary = "A Russian reservist mobilised in 2022",
                    value = ClaimExamples.EXAMPLE_RESERVIST),
                    @ExampleObject(name = "conscientiousObjector", summary = "A Ukrainian absolute objector on religious grounds",
                            value = ClaimExamples.EXAMPLE_OBJECTOR)}))
    @ApiResponse(responseCode = "422", description = "applicantId names no applicant of your organization (problem type "
            + "`unprocessable`), or the Idempotency-Key was used before with a different request (problem type `idempotency-key-reused`)")
    HttpResponse<ClaimView> draft(@Body @Valid ClaimRequest request,
                                  @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Claim claim = claims.draft(request, Optional.ofNullable(idempotencyKey)).claim();
        return HttpResponse.<ClaimView>status(HttpStatus.CREATED).body(ClaimView.of(claim))
                .header(HttpHeaders.LOCATION, "/api/v1/claims/" + claim.id())
                .header(HttpHeaders.ETAG, Versions.etag(claim.version()));
    }

    @Get("/{id}")
    HttpResponse<ClaimView> get(@PathVariable UUID id) {
        return withEtag(claims.get(id));
    }

    /**
     * Claims in {@code sort} order ({@code CREATED}, the default: oldest first; {@code NEWEST}; {@code DEADLINE}: nearest
     * first-instance deadline first, drafts last), narrowed by {@code status}, {@code applicantId}, {@code deadlineBefore} (first-instance
     * deadline before that day) and {@code assignee}: {@code me}, {@code unassigned}, {@code me-or-unassigned} (a
     * caseworker's "my work"), or a caseworker's {@code sub}.
     */
    @Get
    ClaimView.Page list(@Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit,
                        @Nullable @QueryValue ClaimStatus status, @Nullable @QueryValue UUID applicantId,
                        @Nullable @QueryValue @Size(max = 200) String assignee, @Nullable @QueryValue LocalDate deadlineBefore,
                        @Nullable @QueryValue ClaimOrder sort) {
        int size = Versions.limit(limit, Cursor.DEFAULT_LIMIT, Cursor.MAX_LIMIT);
        String me = Caller.require().subject();
        Optional<ClaimFilter.Assignment> assignment = Optional.ofNullable(assignee).filter(a -> !a.isBlank()).map(a -> switch (a) {
            case "me" -> new ClaimFilter.Assignment(Optional.of(me), false);
            case "unassigned" -> new ClaimFilter.Assignment(Optional.empty(), true);
            case "me-or-unassigned" -> new ClaimFilter.Assignment(Optional.of(me), true);
            default -> new ClaimFilter.Assignment(Optional.of(a), false);
        });
        ClaimOrder order = sort == null ? ClaimOrder.CREATED : sort;
        ClaimService.Page page = claims.list(order, cursor, size,
                new ClaimFilter(status == null ? java.util.Set.of() : java.util.Set.of(status), Optional.ofNullable(applicantId), assignment,
                        Optional.ofNullable(deadlineBefore)));
        return new ClaimView.Page(page.items().stream().map(ClaimView::of).toList(), page.next());
    }

    @Serdeable
    record NoteRequest(@NotBlank @Size(max = 10_000) String text) {
    }

    /** The claim's notes, oldest first (caseworkers and supervisors; sealed, every read audited). */
    @Get("/{id}/notes")
    @Secured({Roles.CASEWORKER, Roles.SUPERVISOR})
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed notes can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "A sealed note failed its integrity check; the event is logged "
            + "(problem type `integrity`)")
    List<ClaimNotes.Note> notes(@PathVariable UUID id) {
        return notes.of(id);
    }

    /** Adds a note; notes are never edited (a correction is a new note). */
    @Post("/{id}/notes")
    @Secured({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteRequest.class),
            examples = @ExampleObject(name = "interview", summary = "What the caseworker saw at the interview", value = """
                    {"text": "Interview of 14 May: he showed the original summons (повестка) of 23 September 2022 from the \
                    Kirovsky district military commissariat of Yekaterinburg; its stamp matches the copy on file."}
                    """)))
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so a "
            + "note can no longer be sealed (problem type `gone`)")
    HttpResponse<ClaimNotes.Note> addNote(@PathVariable UUID id, @Body @Valid NoteRequest request) {
        return HttpResponse.status(HttpStatus.CREATED).body(notes.add(id, request.text()));
    }

    /** Who a claim is assigned to ({@code caseworker}: a {@code sub}, or null to unassign). */
    @Serdeable
    record AssigneeRequest(@Nullable @Size(max = 200) String caseworker) {
    }

    /** A supervisor assigns or reassigns a claim; the assignment decides who may open its special-category data. */
    @Put("/{id}/assignee")
    @Secured(Roles.SUPERVISOR)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssigneeRequest.class),
            examples = @ExampleObject(name = "assign", summary = "Assign the claim to a caseworker (her token's sub)",
                    value = "{\"caseworker\": \"7c9e6679-7425-40de-944b-e07fc1f90ae7\"}")))
    @ApiResponse(responseCode = "412", description = "If-Match, when sent, names another version than the claim's current one, "
            + "or no version at all: read it again (problem type `precondition-failed`)")
    HttpResponse<ClaimView> assign(@PathVariable UUID id, @Body @Valid AssigneeRequest request,
                                   @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        Optional<Long> expected = ifMatch == null ? Optional.empty() : Optional.of(Versions.required(ifMatch));
        return withEtag(claims.assign(id, request.caseworker(), expected));
    }

    /** The team's workload: open claims per caseworker (null: unassigned) and how many are overdue. */
    @Get("/workload")
    @Secured(Roles.SUPERVISOR)
    List<Workload> workload() {
        return claims.workload();
    }

    /** Corrects the military profile, credibility or assignment while the claim is undecided. */
    @Put("/{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimRequest.class),
            examples = {@ExampleObject(name = "conscientiousObjector", summary = "A Ukrainian absolute objector on religious grounds",
                    value = ClaimExamples.EXAMPLE_OBJECTOR),
                    @ExampleObject(name = "mobilisedReservist", summary = "A Russian reservist mobilised in 2022",
                            value = ClaimExamples.EXAMPLE_RESERVIST)}))
    @ApiResponse(responseCode = "409", description = "The claim is decided, appealed, closed or withdrawn: its facts can no "
            + "longer change (problem type `conflict`)")
    @ApiResponse(responseCode = "412", description = "If-Match names another version than the claim's current one, or no "
            + "version at all: read it again and reapply your change (problem type `precondition-failed`)")
    @ApiResponse(responseCode = "422", description = "applicantId is not the claim's applicant: a claim never moves to another "
            + "applicant (problem type `unprocessable`)")
    @ApiResponse(responseCode = "428", description = "The request has no If-Match with the ETag of the version you read "
            + "(problem type `precondition-required`)")
    HttpResponse<ClaimView> update(@PathVariable UUID id, @Body @Valid ClaimRequest request,
                                   @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(claims.update(id, Versions.required(ifMatch), request));
    }

    /** The reason a caseworker or supervisor records when closing or withdrawing a claim. */
    @Serdeable
    record ActionRequest(@Nullable @Size(max = 2000) String reason) {
    }

    /**
     * Moves the claim: {@code lodge}, {@code start-assessment}, {@code close} and {@code withdraw} (a
     * caseworker's or supervisor's, with a {@code reason}). {@code decide} and {@code appeal} are 403: a claim
     * becomes DECIDED or APPEALED only from the assessment service's approved decision or lodged appeal.
     * An impossible transition is a 409.
     */
    @Post("/{id}/actions/{action}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionRequest.class),
            examples = @ExampleObject(name = "withdraw", summary = "The reason recorded when withdrawing (or closing) a claim",
                    value = """
                            {"reason": "The applicant withdrew his claim in writing on 3 March 2026: he holds a residence \
                            permit as the spouse of an EU citizen."}
                            """)))
    @ApiResponse(responseCode = "409", description = "The action is not possible from the claim's status (problem type "
            + "`invalid-transition`), or the claim changed meanwhile (problem type `conflict`)")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "reason for closing or withdrawing can no longer be sealed (problem type `gone`)")
    @ApiResponse(responseCode = "412", description = "If-Match, when sent, names another version than the claim's current one, "
            + "or no version at all: read it again (problem type `precondition-failed`)")
    HttpResponse<ClaimView> act(@PathVariable UUID id, @PathVariable String action,
                                @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                @Nullable @Body @Valid ActionRequest body) {
        ClaimAction claimAction = ClaimAction.ofPath(action).orElseThrow(() -> ProblemException.invalid("action",
                "must be one of " + Arrays.stream(ClaimAction.values()).map(ClaimAction::path).toList()));
        Optional<Long> expected = ifMatch == null ? Optional.empty() : Optional.of(Versions.required(ifMatch));
        int days = claimAction == ClaimAction.LODGE ? deadline.days() : 0;
        return withEtag(claims.act(id, claimAction, expected, days, body == null ? null : body.reason()));
    }

    /**
     * The facts document the assessment engine reads; special-category data, so supervisors and the claim's
     * assigned caseworker — anyone else of the tenant states a reason in {@code X-Access-Reason}.
     */
    @Get("/{id}/facts")
    @Secured({Roles.CASEWORKER, Roles.SUPERVISOR})
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "applicant's special-category facts can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The applicant's special-category fields failed their integrity check; "
            + "the event is logged (problem type `integrity`)")
    ClaimFacts facts(@PathVariable UUID id, @Nullable @Header(AccessReason.HEADER) String reason) {
        return claims.facts(id, AccessReason.parse(reason));
    }

    private static HttpResponse<ClaimView> withEtag(Claim claim) {
        return HttpResponse.ok(ClaimView.of(claim)).header(HttpHeaders.ETAG, Versions.etag(claim.version()));
    }
}
