package org.sanctuary.reporting;

import io.micronaut.http.annotation.Controller;
import org.sanctuary.common.audit.AuditApi;
import org.sanctuary.common.audit.AuditLog;

/** This service's audit chain for its tenant's auditors (and supervisors: break-glass reads). */
@Controller("/api/v1/reporting-audit")
class ReportingAudit extends AuditApi {

    ReportingAudit(AuditLog log) {
        super(log);
    }
}
