package org.sanctuary.contracts.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payloads of the assessment service's event feed; assessment writes them, intake (claim lifecycle) and reporting
 * read them. {@code stage} is FIRST_INSTANCE or APPEAL; {@code outcome} and {@code recommendation} are the names of the
 * assessment's decision outcomes and engine recommendations (docs/assessment.md).
 */
public final class AssessmentEvents {

    private AssessmentEvents() {
    }

    /** {@code assessment.completed}. */
    @Serdeable
    public record AssessmentCompleted(UUID assessmentId, UUID claimId, UUID applicantId, int run, int packVersion,
                                      LocalDate assessmentDate, String recommendation, List<String> rulesMet) implements ClaimEvent {
    }

    /** {@code decision.issued}: drafted, awaiting a supervisor's approval. */
    @Serdeable
    public record DecisionIssued(UUID decisionId, UUID assessmentId, UUID claimId, UUID applicantId, String stage,
                                 String outcome, String recommendation, boolean departs, Instant issuedAt) implements ClaimEvent {
    }

    /** {@code decision.approved}: the decision stands (the claim is DECIDED). */
    @Serdeable
    public record DecisionApproved(UUID decisionId, UUID claimId, UUID applicantId, String stage, String outcome,
                                   String recommendation, boolean departs, LocalDate decidedOn, @Nullable LocalDate appealDeadline,
                                   List<String> rulesMet) implements ClaimEvent {
    }

    /** {@code decision.returned}: sent back to its author. */
    @Serdeable
    public record DecisionReturned(UUID decisionId, UUID claimId, Instant returnedAt) implements ClaimEvent {
    }

    /** {@code appeal.lodged}: against an approved decision (the claim is APPEALED). */
    @Serdeable
    public record AppealLodged(UUID appealId, UUID decisionId, UUID claimId, UUID applicantId, LocalDate lodgedOn, String outcome) implements ClaimEvent {
    }
}
