package org.sanctuary.tenants;

import io.micronaut.http.annotation.Controller;
import io.micronaut.transaction.TransactionOperations;
import org.sanctuary.common.audit.AuditApi;
import org.sanctuary.common.audit.AuditChainVerifier;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.persistence.Sql;

import java.sql.Connection;

/** This service's audit chain for its tenant's auditors (and supervisors: break-glass reads). */
@Controller("/api/v1/tenants-audit")
class TenantsAudit extends AuditApi {

    TenantsAudit(Sql sql, AuditTrail audit, AuditChainVerifier verifier, TransactionOperations<Connection> transactions) {
        super(sql, audit, verifier, transactions);
    }
}
