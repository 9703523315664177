package org.sanctuary.common.audit;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.Refusal;
import org.sanctuary.common.problem.RefusalRecorder;
import org.sanctuary.common.tenancy.Caller;

import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Appends to the current tenant's audit chain inside the caller's transaction, so an entry exists
 * exactly when the read or write it records happened. A per-tenant advisory lock orders the chain.
 */
@Singleton
public class AuditTrail implements RefusalRecorder {

    public enum Outcome { SUCCESS, DENIED, NOT_FOUND }

    /**
     * What else an entry records: whether special-category fields were decrypted for the caller, and
     * the reason the caller stated to open them outside need-to-know (break-glass, visible to supervisors).
     */
    public record Detail(boolean specialDecrypted, @Nullable String reason) {
        public static final Detail NONE = new Detail(false, null);
    }

    /**
     * Independent chains per tenant. Appending locks one chain until the transaction commits; with
     * one chain, every audited request of a tenant would queue behind the previous one's commit.
     */
    public static final int STRIPES = 16;

    private final Sql sql;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    public AuditTrail(Sql sql, Clock clock, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * A refusal, in a transaction of its own as the refused caller: called once the refused request's work has rolled
     * back (by the problem handler, for a {@code ProblemException} that was {@code audited}; by the 403 log).
     */
    @Override
    public void record(Refusal refusal) {
        Caller.callAs(refusal.caller(), () -> transactions.executeWrite(status -> {
            record(refusal.action(), refusal.resourceType(), refusal.resourceId(), refusal.notFound() ? Outcome.NOT_FOUND : Outcome.DENIED,
                    new Detail(false, refusal.reason()));
            return null;
        }));
    }

    /**
     * One round trip: the chain's lock, then (a statement with a fresh snapshot, so it sees what the
     * previous holder committed) the entry with its seq and hash computed from the chain's head.
     */
    private static final String APPEND = append(false);
    private static final String APPEND_DETAIL = append(true);

    /**
     * One round trip: the chain's lock, the tenant noted among those holding chains (for the scheduled
     * verification, which cannot list tenants through RLS), then (a statement with a fresh snapshot, so it
     * sees what the previous holder committed) the entry with its seq and hash computed from the chain's head.
     */
    private static String append(boolean detail) {
        return "select pg_advisory_xact_lock(hashtext('sanctuary.audit:' || ?), ?);"
                + "insert into audit_tenant (tenant_id) values (?) on conflict do nothing;"
                + "insert into audit_entry (tenant_id, stripe, seq, occurred_at, actor, action, resource_type, resource_id, "
                + "outcome, special_decrypted, reason, prev_hash, hash) "
                + "select ?, ?, h.seq + 1, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, h.hash, "
                + "sha256(h.hash || audit_canonical(?, ?, (h.seq + 1)::text, ?, ?, ?, ?, ?, ?" + (detail ? ", ?, ?" : "") + ")) "
                // the head by primary key: max(seq) is an index-only lookup, whatever the chain's length
                + "from (select s.seq, coalesce((select hash from audit_entry where tenant_id = ? and stripe = ? and seq = s.seq), "
                + "?::bytea) as hash from (select coalesce(max(seq), 0) as seq from audit_entry where tenant_id = ? and stripe = ?) s) h";
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String action, String resourceType, String resourceId, Outcome outcome) {
        record(action, resourceType, resourceId, outcome, Detail.NONE);
    }

    /** The longest resource id one entry holds (its index row must stay well under PostgreSQL's 2,704 bytes). */
    static final int MAX_RESOURCE_ID = 1_000;

    /**
     * A list names every resource it showed ({@code id,id,…}); a long one is written as several entries of at most
     * {@value #MAX_RESOURCE_ID} characters, split between ids, so no list is too long to be audited.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String action, String resourceType, String resourceId, Outcome outcome, Detail detail) {
        if (resourceId.length() <= MAX_RESOURCE_ID) {
            append(action, resourceType, resourceId, outcome, detail);
            return;
        }
        StringBuilder part = new StringBuilder();
        for (String id : resourceId.split(",")) {
            if (part.length() > 0 && part.length() + 1 + id.length() > MAX_RESOURCE_ID) {
                append(action, resourceType, part.toString(), outcome, detail);
                part.setLength(0);
            }
            if (part.length() > 0) {
                part.append(',');
            }
            part.append(id.length() > MAX_RESOURCE_ID ? id.substring(0, MAX_RESOURCE_ID) : id);
        }
        append(action, resourceType, part.toString(), outcome, detail);
    }

    private void append(String action, String resourceType, String resourceId, Outcome outcome, Detail detail) {
        Caller caller = Caller.require();
        String tenant = caller.tenantId();
        int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
        String at = clock.instant().truncatedTo(ChronoUnit.MICROS).toString();
        boolean extended = detail.specialDecrypted() || detail.reason() != null;
        List<Object> params = new ArrayList<>(List.of(tenant, stripe, tenant,
                tenant, stripe, at, caller.subject(), action, resourceType, resourceId, outcome.name()));
        params.add(detail.specialDecrypted());
        params.add(detail.reason());
        params.addAll(List.of(tenant, Integer.toString(stripe), at, caller.subject(), action, resourceType, resourceId, outcome.name()));
        if (extended) {
            params.add(Boolean.toString(detail.specialDecrypted()));
            params.add(detail.reason() == null ? "" : detail.reason());
        }
        params.addAll(List.of(tenant, stripe, AuditEntry.GENESIS, tenant, stripe));
        sql.execute(extended ? APPEND_DETAIL : APPEND, params.toArray());
    }
}
