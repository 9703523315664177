package org.sanctuary.intake.claim.domain;

public enum ClaimStatus { DRAFT, LODGED, UNDER_ASSESSMENT, DECIDED, APPEALED, CLOSED, WITHDRAWN;

    /** Facts may still be corrected before a decision. */
    public boolean editable() {
        return this == DRAFT || this == LODGED || this == UNDER_ASSESSMENT;
    }
}
