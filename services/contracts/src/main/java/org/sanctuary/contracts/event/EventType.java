package org.sanctuary.contracts.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event a service publishes on its feed ({@code /internal/v1/events}): its type as it appears on the wire and
 * the record its payload is. Producers publish these records; consumers read the payload as the same record.
 */
public enum EventType {
    APPLICANT_REGISTERED("applicant.registered", IntakeEvents.ApplicantChanged.class),
    APPLICANT_UPDATED("applicant.updated", IntakeEvents.ApplicantChanged.class),
    CLAIM_LODGED("claim.lodged", IntakeEvents.ClaimLodged.class),
    CLAIM_STATUS_CHANGED("claim.status-changed", IntakeEvents.ClaimStatusChanged.class),
    ASSESSMENT_COMPLETED("assessment.completed", AssessmentEvents.AssessmentCompleted.class),
    DECISION_ISSUED("decision.issued", AssessmentEvents.DecisionIssued.class),
    DECISION_APPROVED("decision.approved", AssessmentEvents.DecisionApproved.class),
    DECISION_RETURNED("decision.returned", AssessmentEvents.DecisionReturned.class),
    APPEAL_LODGED("appeal.lodged", AssessmentEvents.AppealLodged.class),
    DOCUMENT_ADDED("document.added", DocumentEvents.DocumentAdded.class),
    DOCUMENT_DELETED("document.deleted", DocumentEvents.DocumentDeleted.class),
    TENANT_CREATED("tenant.created", TenantEvents.TenantChanged.class),
    TENANT_SUSPENDED("tenant.suspended", TenantEvents.TenantChanged.class),
    TENANT_REACTIVATED("tenant.reactivated", TenantEvents.TenantChanged.class),
    TENANT_OFFBOARDED("tenant.offboarded", TenantEvents.TenantChanged.class),
    POLICY_PACK_PUBLISHED("policy-pack.published", TenantEvents.PackPublished.class);

    private final String type;
    private final Class<? extends Record> payload;

    EventType(String type, Class<? extends Record> payload) {
        this.type = type;
        this.payload = payload;
    }

    /** As on the wire: {@code claim.lodged}. */
    public String type() {
        return type;
    }

    public Class<? extends Record> payload() {
        return payload;
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
