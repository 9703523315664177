package org.sanctuary.contracts.claim;

/**
 * Where a claim is in its life (intake owns the transitions; assessment, documents and reporting read it from the
 * claim and from intake's events).
 */
public enum ClaimStatus { DRAFT, LODGED, UNDER_ASSESSMENT, DECIDED, APPEALED, CLOSED, WITHDRAWN;

    /** Facts may still be corrected before a decision. */
    public boolean editable() {
        return this == DRAFT || this == LODGED || this == UNDER_ASSESSMENT;
    }
}
