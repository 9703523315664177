package org.sanctuary.assessment.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sanctuary.common.http.Versions;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.problem.ProblemException;
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
    HttpResponse<Decision> issue(@Body @Valid DecisionRequest request) {
        Decision decision = decisions.issue(request.assessmentId(), request.outcome(), request.reasons());
        return HttpResponse.created(decision, URI.create("/api/v1/decisions/" + decision.id()));
    }

    @Get("/{id}")
    Decision get(@PathVariable UUID id) {
        return decisions.get(id);
    }

    /**
     * The decisions of a claim ({@code claimId}), or a supervisor's approval queue ({@code status=PENDING_APPROVAL}:
     * every decision of the organization awaiting approval that someone else drafted, oldest first).
     */
    @Get
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
    Decision approve(@PathVariable UUID id, @Body @Valid @Nullable Approval approval,
                     @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return decisions.approve(id, approval == null ? null : approval.comments(), authorization);
    }

    @Post("/{id}/return")
    @Secured(Roles.SUPERVISOR)
    Decision sendBack(@PathVariable UUID id, @Body @Valid Return request) {
        return decisions.sendBack(id, request.comments());
    }

    @Post("/{id}/appeals")
    HttpResponse<AppealCreated> appeal(@PathVariable UUID id, @Body @Valid @Nullable AppealRequest request,
                                       @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID appeal = decisions.appeal(id, request == null ? null : request.grounds(), authorization);
        return HttpResponse.created(new AppealCreated(appeal, id));
    }
}
