package org.sanctuary.assessment.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Recommendation;
import org.sanctuary.assessment.evaluation.AssessmentStore;
import org.sanctuary.assessment.evaluation.StoredAssessment;
import org.sanctuary.assessment.upstream.Upstream;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.outbox.Outbox;
import org.sanctuary.common.problem.Problem;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.contracts.claim.ClaimStatus;
import org.sanctuary.contracts.event.AssessmentEvents;
import org.sanctuary.contracts.event.EventType;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Decisions with four eyes: a caseworker drafts (written reasons required when departing from the
 * recommendation), a different supervisor approves or returns. Approval fixes the appeal deadline from the
 * pack the assessment read. Intake owns the claim: it moves it to DECIDED when it reads this service's
 * {@code decision.approved} event, and to APPEALED on {@code appeal.lodged} — this service never writes
 * into intake (ARCHITECTURE.md §4); it only reads the claim, as the caller, to refuse acting on a closed one.
 */
@Singleton
public class DecisionService {

    public static final String RESOURCE = "decision";

    private final DecisionStore store;
    private final AssessmentStore assessments;
    private final Upstream upstream;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    public DecisionService(DecisionStore store, AssessmentStore assessments, Upstream upstream, AuditTrail audit,
                           Outbox outbox, Clock clock, TransactionOperations<Connection> transactions) {
        this.store = store;
        this.assessments = assessments;
        this.upstream = upstream;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Transactional
    public Decision issue(UUID assessmentId, Decision.Outcome outcome, @Nullable String reasons) {
        StoredAssessment assessment = assessments.find(assessmentId).orElseThrow(() -> ProblemException.notFound("Assessment")
                .audited("decision.create", "assessment", assessmentId.toString()));
        if (assessments.latestRun(assessment.claimId()) != assessment.run()) {
            throw new ProblemException(ProblemType.CONFLICT, "The claim has been assessed again since run "
                    + assessment.run() + "; decide on the latest assessment.");
        }
        Recommendation recommendation = assessment.result().recommendation();
        boolean departs = outcome.departsFrom(recommendation);
        String written = reasons == null || reasons.isBlank() ? null : reasons.strip();
        if (departs && written == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The outcome " + outcome + " departs from the recommendation "
                    + recommendation + "; written reasons are required.",
                    List.of(new Problem.Violation("reasons", "must explain the departure from " + recommendation)));
        }
        Instant now = Instant.now(clock);
        Decision.Stage stage = store.ofClaim(assessment.claimId()).stream().anyMatch(d -> d.status() == Decision.Status.APPROVED)
                ? Decision.Stage.APPEAL : Decision.Stage.FIRST_INSTANCE;
        Decision decision = Decision.draft(UUID.randomUUID(), assessmentId, assessment.claimId(), assessment.applicantId(), stage,
                outcome, recommendation, written, Caller.require().subject(), now);
        if (!store.insert(decision)) {
            throw new ProblemException(ProblemType.CONFLICT, "The claim already has a decision awaiting approval.");
        }
        audit.record("decision.create", RESOURCE, decision.id().toString(), AuditTrail.Outcome.SUCCESS);
        outbox.publish(EventType.DECISION_ISSUED, decision.claimId(), new AssessmentEvents.DecisionIssued(decision.id(), assessmentId,
                decision.claimId(), decision.applicantId(), stage.name(), outcome.name(), recommendation.name(), departs, now));
        return decision;
    }

    @Transactional
    public Decision get(UUID id) {
        return found(id, "decision.read");
    }

    /** A supervisor's approval queue: what others drafted (four eyes: never one's own). */
    @Transactional
    public List<Decision> awaitingApproval(int limit) {
        List<Decision> pending = store.pendingApproval(Caller.require().subject(), limit);
        audit.record("decision.list", RESOURCE, "pending-approval", AuditTrail.Outcome.SUCCESS);
        return pending;
    }

    @Transactional
    public List<Decision> ofClaim(UUID claimId) {
        List<Decision> decisions = store.ofClaim(claimId);
        audit.record("decision.list", RESOURCE, "claim:" + claimId, AuditTrail.Outcome.SUCCESS);
        return decisions;
    }

    /** Four eyes: only a supervisor who is not the author; the claim moves to DECIDED first. */
    public Decision approve(UUID id, @Nullable String comments) {
        Decision pending = transactions.executeWrite(s -> reviewable(id, "decision.approve"));
        requireOpen(pending.claimId());
        return transactions.executeWrite(s -> {
            StoredAssessment assessment = assessments.find(pending.assessmentId()).orElseThrow();
            Integer days = assessment.result().appeal() == null ? null : assessment.result().appeal().days();
            LocalDate today = LocalDate.now(clock);
            Decision approved = saveReview(pending.approved(Caller.require().subject(), Instant.now(clock), comments, days, today));
            audit.record("decision.approve", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
            outbox.publish(EventType.DECISION_APPROVED, approved.claimId(), new AssessmentEvents.DecisionApproved(id, approved.claimId(),
                    approved.applicantId(), approved.stage().name(), approved.outcome().name(), approved.recommendation().name(), approved.departs(),
                    today, approved.appealDeadline(), assessment.result().reportableRulesMet()));
            return approved;
        });
    }

    @Transactional
    public Decision sendBack(UUID id, String comments) {
        Decision pending = reviewable(id, "decision.return");
        Decision returned = saveReview(pending.returned(Caller.require().subject(), Instant.now(clock), comments));
        audit.record("decision.return", RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
        outbox.publish(EventType.DECISION_RETURNED, returned.claimId(), new AssessmentEvents.DecisionReturned(id, returned.claimId(), returned.reviewedAt()));
        return returned;
    }

    /** An appeal against an approved decision, on or before its deadline; the claim moves to APPEALED first. */
    public UUID appeal(UUID id, @Nullable String grounds) {
        Decision decision = transactions.executeWrite(s -> found(id, "appeal.create"));
        LocalDate today = LocalDate.now(clock);
        try {
            decision.requireAppealableOn(today);
        } catch (Decision.Refused refused) {
            throw problem(refused);
        }
        requireOpen(decision.claimId());
        return transactions.executeWrite(s -> {
            UUID appealId = UUID.randomUUID();
            if (!store.insertAppeal(appealId, decision, today, grounds, Instant.now(clock))) {
                throw new ProblemException(ProblemType.CONFLICT, "This decision has already been appealed.");
            }
            audit.record("appeal.create", "appeal", appealId.toString(), AuditTrail.Outcome.SUCCESS);
            outbox.publish(EventType.APPEAL_LODGED, decision.claimId(), new AssessmentEvents.AppealLodged(appealId, id, decision.claimId(),
                    decision.applicantId(), today, decision.outcome().name()));
            return appealId;
        });
    }

    /** A withdrawn or closed claim takes no more decisions or appeals (409). */
    private void requireOpen(UUID claimId) {
        ClaimStatus status = upstream.claim(claimId).status();
        if (status == ClaimStatus.WITHDRAWN || status == ClaimStatus.CLOSED) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "The claim is " + status + "; it takes no more decisions or appeals.");
        }
    }

    /** The pending decision, where the caller may review it (four eyes; a refusal on those grounds is audited). */
    private Decision reviewable(UUID id, String action) {
        Decision decision = found(id, action);
        try {
            decision.requireReviewableBy(Caller.require().subject());
        } catch (Decision.Refused refused) {
            ProblemException problem = problem(refused);
            throw refused.why() == Decision.Refused.Why.FOUR_EYES
                    ? problem.audited(action, RESOURCE, id.toString()) : problem;
        }
        return decision;
    }

    private static ProblemException problem(Decision.Refused refused) {
        return new ProblemException(switch (refused.why()) {
            case FOUR_EYES -> ProblemType.FORBIDDEN;
            case NOT_PENDING, NOT_APPROVED -> ProblemType.INVALID_TRANSITION;
            case APPEAL_PERIOD_OVER -> ProblemType.UNPROCESSABLE;
        }, refused.getMessage());
    }

    /** Stores a review, unless another review came first (409). */
    private Decision saveReview(Decision reviewed) {
        if (!store.review(reviewed)) {
            throw new ProblemException(ProblemType.CONFLICT, "The decision was reviewed meanwhile; read it again.");
        }
        return reviewed;
    }

    private Decision found(UUID id, String action) {
        Decision decision = store.find(id).orElse(null);
        if (decision == null) {
            throw ProblemException.notFound("Decision").audited(action, RESOURCE, id.toString());
        }
        audit.record(action, RESOURCE, id.toString(), AuditTrail.Outcome.SUCCESS);
        return decision;
    }
}
