package org.sanctuary.documents;

import io.micronaut.http.annotation.Controller;
import org.sanctuary.common.audit.AuditApi;
import org.sanctuary.common.audit.AuditLog;

/** This service's audit chain for its tenant's auditors (and supervisors: break-glass reads). */
@Controller("/api/v1/documents-audit")
class DocumentsAudit extends AuditApi {

    DocumentsAudit(AuditLog log) {
        super(log);
    }
}
