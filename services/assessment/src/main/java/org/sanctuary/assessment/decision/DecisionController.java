package org.sanctuary.assessment.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sanctuary.common.http.Versions;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/decisions}: a caseworker drafts, a different supervisor approves or returns, an
 * approved decision can be appealed within the pack's period.
 */
@Controller("/api/v1/decisions")
@Secured({Roles.CASEWORKER, Roles.SUPERVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class DecisionController {

    @Serdeable
    record DecisionRequest(@NotNull UUID assessmentId, @NotNull Decision.Outcome outcome,
                           @Nullable @Size(max = 20000) String reasons) {
    }

    @Serdeable
    record Approval(@Nullable @Size(max = 20000) String comments) {
    }

    @Serdeable
    record Return(@NotBlank @Size(max = 20000) String comments) {
    }

    @Serdeable
    record AppealRequest(@Nullable @Size(max = 20000) String grounds) {
    }

    @Serdeable
    record AppealCreated(UUID id, UUID decisionId) {
    }

    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Post
    @Secured(Roles.CASEWORKER)
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionRequest.class),
            examples = @ExampleObject(name = "refugeeStatus", summary = "Refugee status for a mobilised Russian reservist, as recommended",
                    value = """
                            {"assessmentId": "8b1e5c3a-9d2f-4a67-b0c4-1e7f3a9d5b28", "outcome": "REFUGEE_STATUS",
                             "reasons": "His mobilisation summons of 23 September 2022 is credible; prosecution for evading \
                            service in a war marked by systematic IHL violations is persecution for an imputed political \
                            opinion (QD Art 9(2)(e), CJEU EZ C-238/19)."}
                            """)))
    @ApiResponse(responseCode = "404", description = "assessmentId names no assessment of your organization (problem type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The claim was assessed again since that run, or already has a decision "
            + "awaiting approval (problem type `conflict`)")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed assessment and reasons can no longer be read or written (problem type `gone`)")
    @ApiResponse(responseCode = "422", description = "The outcome departs from the recommendation and no written reasons "
            + "explain it (problem type `unprocessable`)")
    @ApiResponse(responseCode = "500", description = "The sealed assessment or an earlier decision of the claim failed its "
            + "integrity check (problem type `integrity`)")
    HttpResponse<Decision> issue(@Body @Valid DecisionRequest request) {
        Decision decision = decisions.issue(request.assessmentId(), request.outcome(), request.reasons());
        return HttpResponse.created(decision, URI.create("/api/v1/decisions/" + decision.id()));
    }

    @Get("/{id}")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed reasons and comments can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The sealed reasons or comments failed their integrity check (problem type `integrity`)")
    Decision get(@PathVariable UUID id) {
        return decisions.get(id);
    }

    /**
     * The decisions of a claim ({@code claimId}), or a supervisor's approval queue ({@code status=PENDING_APPROVAL}:
     * every decision of the organization awaiting approval that someone else drafted, oldest first).
     */
    @Get
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed reasons and comments can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "A decision's sealed reasons or comments failed their integrity check "
            + "(problem type `integrity`)")
    List<Decision> list(@Nullable @QueryValue UUID claimId, @Nullable @QueryValue Decision.Status status,
                        @Nullable @QueryValue Integer limit) {
        if (claimId != null) {
            return decisions.ofClaim(claimId);
        }
        if (status != Decision.Status.PENDING_APPROVAL) {
            throw ProblemException.invalid("claimId", "give a claimId, or status=PENDING_APPROVAL for the approval queue");
        }
        if (!Caller.require().hasAnyRole(Roles.SUPERVISOR)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The approval queue is a supervisor's.");
        }
        return decisions.awaitingApproval(Versions.limit(limit, 100, 500));
    }

    @Post("/{id}/approve")
    @Secured(Roles.SUPERVISOR)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Approval.class),
            examples = @ExampleObject(name = "approve", summary = "A second supervisor approves, with a comment",
                    value = """
                            {"comments": "Agreed: the EUAA report on the punishment of evaders (2024) supports the finding."}
                            """)))
    @ApiResponse(responseCode = "409", description = "The decision is no longer awaiting approval, or its claim was withdrawn or "
            + "closed (problem type `invalid-transition`), or it was reviewed meanwhile (problem type `conflict`)")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed decision can no longer be read or commented (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The decision's sealed reasons or comments, or its assessment, failed their "
            + "integrity check (problem type `integrity`)")
    Decision approve(@PathVariable UUID id, @Body @Valid @Nullable Approval approval) {
        return decisions.approve(id, approval == null ? null : approval.comments());
    }

    @Post("/{id}/return")
    @Secured(Roles.SUPERVISOR)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Return.class),
            examples = @ExampleObject(name = "return", summary = "Sent back to the caseworker, with what to change",
                    value = """
                            {"comments": "Cite the COI on the punishment of evaders and say why he cannot avoid call-up \
                            by moving within Russia."}
                            """)))
    @ApiResponse(responseCode = "409", description = "The decision is no longer awaiting approval (problem type "
            + "`invalid-transition`), or it was reviewed meanwhile (problem type `conflict`)")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed decision can no longer be read or commented (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The decision's sealed reasons or comments failed their integrity check "
            + "(problem type `integrity`)")
    Decision sendBack(@PathVariable UUID id, @Body @Valid Return request) {
        return decisions.sendBack(id, request.comments());
    }

    @Post("/{id}/appeals")
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealRequest.class),
            examples = @ExampleObject(name = "appeal", summary = "The grounds of the applicant's appeal",
                    value = """
                            {"grounds": "The decision granted subsidiary protection only: it did not weigh his documented \
                            religious objection to bearing arms (ECtHR Bayatyan v. Armenia), a ground for refugee status."}
                            """)))
    @ApiResponse(responseCode = "409", description = "The decision is not approved, or its claim was withdrawn or closed "
            + "(problem type `invalid-transition`), or it was already appealed (problem type `conflict`)")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed decision and grounds can no longer be read or written (problem type `gone`)")
    @ApiResponse(responseCode = "422", description = "The appeal period of the decision has ended (problem type `unprocessable`)")
    @ApiResponse(responseCode = "500", description = "The decision's sealed reasons or comments failed their integrity check "
            + "(problem type `integrity`)")
    HttpResponse<AppealCreated> appeal(@PathVariable UUID id, @Body @Valid @Nullable AppealRequest request) {
        UUID appeal = decisions.appeal(id, request == null ? null : request.grounds());
        return HttpResponse.created(new AppealCreated(appeal, id));
    }
}
