package org.sanctuary.documents.document;

/**
 * What a document is evidence of. Deliberately no category for intimate evidence of sexual
 * orientation: such "evidence" may not be sought or relied on (CJEU-ABC, docs/documents.md).
 */
public enum Category {
    SUMMONS, MILITARY_ID, COURT_RECORD, MEDICAL, RELIGIOUS_MEMBERSHIP, IDENTITY, OTHER,
    /** The notice of a decision to the applicant, which the assessment service produces (docs/notices.md). */
    DECISION_NOTICE;

    /**
     * Evidence of health or religion (GDPR Art 9), and a decision's notice (its reasons may rest on a special
     * category): its content opens to supervisors and the claim's assigned caseworker; anyone else of the tenant
     * states a reason (break-glass), recorded in the audit chain.
     */
    public boolean sensitive() {
        return this == MEDICAL || this == RELIGIOUS_MEMBERSHIP || this == DECISION_NOTICE;
    }
}
