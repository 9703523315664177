package org.sanctuary.intake.claim.domain;

/** The order a list of claims comes in; a draft has no deadline yet and sorts after every dated claim. */
public enum ClaimOrder {
    /** Oldest first (the default). */
    CREATED,
    /** Newest first. */
    NEWEST,
    /** Nearest first-instance deadline first (overdue claims lead), undated drafts last. */
    DEADLINE
}
