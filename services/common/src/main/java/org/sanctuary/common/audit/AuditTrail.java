package org.sanctuary.common.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Appends to the current tenant's audit chain inside the caller's transaction, so an entry exists
 * exactly when the read or write it records happened. A per-tenant advisory lock orders the chain.
 */
@Requires(beans = DataSource.class) // services with a database; the gateway has none
@Singleton
public class AuditTrail {

    public enum Outcome { SUCCESS, DENIED, NOT_FOUND }

    /**
     * Independent chains per tenant. Appending locks one chain until the transaction commits; with
     * one chain, every audited request of a tenant would queue behind the previous one's commit.
     */
    public static final int STRIPES = 16;

    private final Sql sql;

    public AuditTrail(Sql sql) {
        this.sql = sql;
    }

    /**
     * One round trip: the chain's lock, then (a statement with a fresh snapshot, so it sees what the
     * previous holder committed) the entry with its seq and hash computed from the chain's head.
     */
    private static final String APPEND = "select pg_advisory_xact_lock(hashtext('sanctuary.audit:' || ?), ?);"
            + "insert into audit_entry (tenant_id, stripe, seq, occurred_at, actor, action, resource_type, resource_id, "
            + "outcome, prev_hash, hash) "
            + "select ?, ?, h.seq + 1, ?::timestamptz, ?, ?, ?, ?, ?, h.hash, "
            + "sha256(h.hash || audit_canonical(?, ?, (h.seq + 1)::text, ?, ?, ?, ?, ?, ?)) "
            // the head by primary key: max(seq) is an index-only lookup, whatever the chain's length
            + "from (select s.seq, coalesce((select hash from audit_entry where tenant_id = ? and stripe = ? and seq = s.seq), "
            + "?::bytea) as hash from (select coalesce(max(seq), 0) as seq from audit_entry where tenant_id = ? and stripe = ?) s) h";

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String action, String resourceType, String resourceId, Outcome outcome) {
        Caller caller = Caller.require();
        String tenant = caller.tenantId();
        int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
        String at = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        sql.execute(APPEND, tenant, stripe,
                tenant, stripe, at, caller.subject(), action, resourceType, resourceId, outcome.name(),
                tenant, Integer.toString(stripe), at, caller.subject(), action, resourceType, resourceId, outcome.name(),
                tenant, stripe, AuditEntry.GENESIS, tenant, stripe);
    }
}
