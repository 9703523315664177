package org.sanctuary.assessment.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.assessment.engine.Recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision on a claim. A caseworker drafts it (PENDING_APPROVAL); it takes effect only when a
 * different supervisor approves it (APPROVED: immutable, with the appeal deadline), or goes back to
 * the caseworker (RETURNED, with comments) for a new draft.
 */
@Serdeable
public record Decision(UUID id, UUID assessmentId, UUID claimId, UUID applicantId, Stage stage, Outcome outcome,
                       Recommendation recommendation, boolean departs, @Nullable String reasons, Status status,
                       String author, Instant createdAt, @Nullable String reviewer, @Nullable Instant reviewedAt,
                       @Nullable String comments, @Nullable Integer appealDays, @Nullable LocalDate decidedOn,
                       @Nullable LocalDate appealDeadline) {

    public enum Status { PENDING_APPROVAL, APPROVED, RETURNED }

    /** First-instance decision, or the decision on an appeal (Eurostat's "final" stage). */
    public enum Stage { FIRST_INSTANCE, APPEAL }

    /** What a decision grants; EXCLUDED is the decision a REFER_EXCLUSION recommendation leads to. */
    public enum Outcome {
        REFUGEE_STATUS, SUBSIDIARY_PROTECTION, NATIONAL_HUMANITARIAN, NON_REFOULEMENT_ONLY, TEMPORARY_PROTECTION,
        REJECT, EXCLUDED;

        /** Whether deciding this departs from the engine's recommendation (then written reasons are required). */
        public boolean departsFrom(Recommendation recommendation) {
            return recommendation == Recommendation.REFER_EXCLUSION ? this != EXCLUDED : !name().equals(recommendation.name());
        }
    }
}
