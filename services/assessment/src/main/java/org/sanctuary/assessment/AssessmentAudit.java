package org.sanctuary.assessment;

import io.micronaut.http.annotation.Controller;
import org.sanctuary.common.audit.AuditApi;
import org.sanctuary.common.audit.AuditLog;

/** This service's audit chain for its tenant's auditors (and supervisors: break-glass reads). */
@Controller("/api/v1/assessment-audit")
class AssessmentAudit extends AuditApi {

    AssessmentAudit(AuditLog log) {
        super(log);
    }
}
