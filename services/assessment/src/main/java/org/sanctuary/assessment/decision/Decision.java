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

    /** A change the decision's state does not allow, and why. */
    public static final class Refused extends RuntimeException {

        public enum Why { FOUR_EYES, NOT_PENDING, NOT_APPROVED, APPEAL_PERIOD_OVER }

        private final Why why;

        Refused(Why why, String message) {
            super(message, null, false, false);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /**
     * A caseworker's draft, awaiting a supervisor's approval; it {@code departs} when the outcome is not the one the
     * engine recommended (then {@code reasons} must say why: the use case refuses a departure without them).
     */
    public static Decision draft(UUID id, UUID assessmentId, UUID claimId, UUID applicantId, Stage stage, Outcome outcome,
                                 Recommendation recommendation, @Nullable String reasons, String author, Instant now) {
        return new Decision(id, assessmentId, claimId, applicantId, stage, outcome, recommendation,
                outcome.departsFrom(recommendation), reasons, Status.PENDING_APPROVAL, author, now, null, null, null, null, null,
                null);
    }

    /** Four eyes: a pending decision is reviewed by someone other than its author. */
    public void requireReviewableBy(String reviewer) {
        if (author.equals(reviewer)) {
            throw new Refused(Refused.Why.FOUR_EYES, "Four eyes: the author of a decision cannot review it; another supervisor must.");
        }
        if (status != Status.PENDING_APPROVAL) {
            throw new Refused(Refused.Why.NOT_PENDING, "The decision is " + status + " and cannot change.");
        }
    }

    /**
     * Approved by {@code reviewer}: it takes effect {@code today}; where the pack gives {@code appealDays}, the appeal
     * deadline is that many days later.
     */
    public Decision approved(String reviewer, Instant at, @Nullable String comments, @Nullable Integer appealDays, LocalDate today) {
        requireReviewableBy(reviewer);
        return new Decision(id, assessmentId, claimId, applicantId, stage, outcome, recommendation, departs, reasons,
                Status.APPROVED, author, createdAt, reviewer, at, written(comments), appealDays, today,
                appealDays == null ? null : today.plusDays(appealDays));
    }

    /** Sent back to its author by {@code reviewer}, with comments, for a new draft. */
    public Decision returned(String reviewer, Instant at, @Nullable String comments) {
        requireReviewableBy(reviewer);
        return new Decision(id, assessmentId, claimId, applicantId, stage, outcome, recommendation, departs, reasons,
                Status.RETURNED, author, createdAt, reviewer, at, written(comments), null, null, null);
    }

    /** An approved decision can be appealed until its deadline (inclusive). */
    public void requireAppealableOn(LocalDate today) {
        if (status != Status.APPROVED) {
            throw new Refused(Refused.Why.NOT_APPROVED, "Only an approved decision can be appealed; this one is " + status + ".");
        }
        if (appealDeadline != null && today.isAfter(appealDeadline)) {
            throw new Refused(Refused.Why.APPEAL_PERIOD_OVER, "The appeal period ended on " + appealDeadline + " (" + appealDays
                    + " days from the decision of " + decidedOn + ").");
        }
    }

    private static @Nullable String written(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

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
