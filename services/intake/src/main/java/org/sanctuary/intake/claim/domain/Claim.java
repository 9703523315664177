package org.sanctuary.intake.claim.domain;

import org.sanctuary.contracts.claim.ClaimStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A claim for international protection and where it stands. Its changes are methods that return the claim as it is
 * after them (the version one higher), or refuse: the lifecycle rules live here, not in the use cases.
 */
public record Claim(UUID id, long version, UUID applicantId, ClaimStatus status, MilitaryProfile military,
                    Map<String, Credibility.Assessment> credibility, String assignedCaseworker, LocalDate lodgedOn,
                    LocalDate firstInstanceDeadline, Instant createdAt, Instant updatedAt) {

    /** A change the claim's state does not allow: moving it by {@code action} from {@code from}, or editing it there. */
    public static final class Refused extends RuntimeException {

        private final ClaimStatus from;

        Refused(ClaimStatus from, String message) {
            super(message, null, false, false);
            this.from = from;
        }

        public ClaimStatus from() {
            return from;
        }
    }

    /** A claim moved by an action: the claim after it, and the status it left. */
    public record Moved(Claim claim, ClaimAction action, ClaimStatus from) {
    }

    /** A new draft, version 1, not yet lodged (no deadline runs). */
    public static Claim draft(UUID id, UUID applicantId, MilitaryProfile military, Map<String, Credibility.Assessment> credibility,
                              String assignedCaseworker, Instant now) {
        return new Claim(id, 1, applicantId, ClaimStatus.DRAFT, military.normalised(), credibility, assignedCaseworker, null, null,
                now, now);
    }

    /** Refused unless the claim's status still lets its facts change. */
    public void requireEditable() {
        if (!status.editable()) {
            throw new Refused(status, "The claim is " + status + "; its facts can no longer change.");
        }
    }

    /** The declared facts and credibility findings replaced, while the claim's status lets its facts change. */
    public Claim withFacts(MilitaryProfile military, Map<String, Credibility.Assessment> credibility, String assignedCaseworker,
                           Instant now) {
        requireEditable();
        return new Claim(id, version + 1, applicantId, status, military.normalised(), credibility, assignedCaseworker, lodgedOn,
                firstInstanceDeadline, createdAt, now);
    }

    /** Assigned to {@code caseworker} (null: to nobody); the assignment decides who needs to know. */
    public Claim assignedTo(String caseworker, Instant now) {
        return new Claim(id, version + 1, applicantId, status, military, credibility, caseworker, lodgedOn, firstInstanceDeadline,
                createdAt, now);
    }

    /**
     * Moved by {@code action}, where the action is allowed from the claim's status. Lodging dates it today and sets the
     * first-instance deadline {@code firstInstanceDays} later (the tenant's pack says how many).
     */
    public Moved move(ClaimAction action, Instant now, int firstInstanceDays) {
        if (!action.allowedFrom(status)) {
            throw new Refused(status, "A " + status + " claim cannot " + action.path() + ".");
        }
        LocalDate lodged = lodgedOn;
        LocalDate deadline = firstInstanceDeadline;
        if (action == ClaimAction.LODGE) {
            lodged = LocalDate.ofInstant(now, ZoneOffset.UTC);
            deadline = lodged.plusDays(firstInstanceDays);
        }
        return new Moved(new Claim(id, version + 1, applicantId, action.target(), military, credibility, assignedCaseworker,
                lodged, deadline, createdAt, now), action, status);
    }
}
