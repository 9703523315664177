package org.sanctuary.intake.claim.domain;

import org.sanctuary.contracts.claim.ClaimStatus;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The explicit actions that move a claim through its lifecycle. Anything not listed here is an
 * impossible transition (409). DECIDE from APPEALED records the appeal's outcome. DECIDE and APPEAL
 * are never a caller's act: they follow the assessment service's events (an approved decision, a
 * lodged appeal). CLOSE and WITHDRAW are a caseworker's or supervisor's, with a recorded reason.
 */
public enum ClaimAction {
    LODGE("lodge", EnumSet.of(ClaimStatus.DRAFT), ClaimStatus.LODGED),
    START_ASSESSMENT("start-assessment", EnumSet.of(ClaimStatus.LODGED), ClaimStatus.UNDER_ASSESSMENT),
    DECIDE("decide", EnumSet.of(ClaimStatus.UNDER_ASSESSMENT, ClaimStatus.APPEALED), ClaimStatus.DECIDED),
    APPEAL("appeal", EnumSet.of(ClaimStatus.DECIDED), ClaimStatus.APPEALED),
    CLOSE("close", EnumSet.of(ClaimStatus.DECIDED), ClaimStatus.CLOSED),
    WITHDRAW("withdraw", EnumSet.of(ClaimStatus.DRAFT, ClaimStatus.LODGED, ClaimStatus.UNDER_ASSESSMENT,
            ClaimStatus.APPEALED), ClaimStatus.WITHDRAWN);

    private final String path;
    private final Set<ClaimStatus> from;
    private final ClaimStatus to;

    ClaimAction(String path, Set<ClaimStatus> from, ClaimStatus to) {
        this.path = path;
        this.from = from;
        this.to = to;
    }

    public static Optional<ClaimAction> ofPath(String path) {
        for (ClaimAction action : values()) {
            if (action.path.equals(path)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    public String path() {
        return path;
    }

    public boolean allowedFrom(ClaimStatus status) {
        return from.contains(status);
    }

    public ClaimStatus target() {
        return to;
    }

    /** False for the transitions only the assessment service's events make (four eyes, appeals). */
    public boolean byCaller() {
        return this != DECIDE && this != APPEAL;
    }

    /** Closing or withdrawing ends the claim's processing: a person's act, with a reason recorded. */
    public boolean needsReason() {
        return this == CLOSE || this == WITHDRAW;
    }
}
