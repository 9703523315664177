package org.sanctuary.common.audit;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the current tenant's audit chain inside the caller's transaction, so an entry exists
 * exactly when the read or write it records happened. A per-tenant advisory lock orders the chain.
 */
@Singleton
public class AuditTrail {

    public enum Outcome { SUCCESS, DENIED, NOT_FOUND }

    private final Sql sql;

    public AuditTrail(Sql sql) {
        this.sql = sql;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String action, String resourceType, String resourceId, Outcome outcome) {
        Caller caller = Caller.require();
        String tenant = caller.tenantId();
        sql.query("select pg_advisory_xact_lock(hashtext('sanctuary.audit'), hashtext(?))", rs -> null, tenant);
        record Head(long seq, byte[] hash) {
        }
        Head head = sql.queryOne("select seq, hash from audit_entry where tenant_id = ? order by seq desc limit 1",
                        rs -> new Head(rs.getLong("seq"), rs.getBytes("hash")), tenant)
                .orElse(new Head(0, AuditEntry.GENESIS));
        long seq = head.seq() + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        byte[] hash = AuditEntry.hash(head.hash(), tenant, seq, now, caller.subject(), action, resourceType,
                resourceId, outcome.name());
        sql.update("insert into audit_entry (tenant_id, seq, occurred_at, actor, action, resource_type, resource_id, "
                        + "outcome, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, seq, now, caller.subject(), action, resourceType, resourceId, outcome.name(), head.hash(), hash);
    }
}
