package org.sanctuary.common.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reading the caller's tenant's audit chain in this service: pages of entries, and the chains' verification. Both reads are audited. */
@Singleton
public class AuditLog {

    @Serdeable
    public record Entry(Instant occurredAt, int chain, long seq, String actor, String action, String resourceType,
                        String resourceId, String outcome, boolean specialDecrypted, @Nullable String reason, String hash) {
    }

    @Serdeable
    public record Page(List<Entry> items, @Nullable Instant next) {
    }

    /**
     * Which entries: before {@code before} and from {@code from} on; each other field, when set, an exact match;
     * {@code onlyBreakGlass} keeps the reads opened with a stated reason.
     */
    public record Query(@Nullable Instant before, @Nullable Instant from, @Nullable String actor, @Nullable String action,
                        @Nullable String resourceType, @Nullable String resourceId, boolean onlyBreakGlass, int size) {
    }

    private final Sql sql;
    private final AuditTrail audit;
    private final AuditChainVerifier verifier;
    private final TransactionOperations<Connection> transactions;

    public AuditLog(Sql sql, AuditTrail audit, AuditChainVerifier verifier, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.audit = audit;
        this.verifier = verifier;
        this.transactions = transactions;
    }

    /** Entries newest first; {@code next} is the cursor of the following page, if there is one. */
    public Page entries(Query query) {
        StringBuilder where = new StringBuilder("tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(Caller.require().tenantId()));
        if (query.before() != null) {
            where.append(" and occurred_at < ?");
            args.add(query.before());
        }
        if (query.onlyBreakGlass()) {
            where.append(" and reason is not null");
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(query.from());
        }
        for (String[] filter : new String[][]{{"actor", query.actor()}, {"action", query.action()},
                {"resource_type", query.resourceType()}, {"resource_id", query.resourceId()}}) {
            if (filter[1] != null && !filter[1].isBlank()) {
                where.append(" and ").append(filter[0]).append(" = ?");
                args.add(filter[1]);
            }
        }
        args.add(query.size() + 1);
        return transactions.executeWrite(status -> {
            List<Entry> entries = sql.query("select * from audit_entry where " + where + " order by occurred_at desc, stripe, seq limit ?",
                    rs -> new Entry(Sql.instant(rs, "occurred_at"), rs.getInt("stripe"), rs.getLong("seq"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("outcome"),
                            rs.getBoolean("special_decrypted"), rs.getString("reason"), HexFormat.of().formatHex(rs.getBytes("hash"))),
                    args.toArray());
            audit.record("audit.read", "audit-chain", query.onlyBreakGlass() ? "break-glass" : "all", AuditTrail.Outcome.SUCCESS);
            List<Entry> page = entries.size() > query.size() ? entries.subList(0, query.size()) : entries;
            return new Page(List.copyOf(page), entries.size() > query.size() ? page.get(page.size() - 1).occurredAt() : null);
        });
    }

    /** Walks every chain of the caller's tenant in this service; the first broken link, if any. */
    public AuditChainVerifier.Result verify() {
        AuditChainVerifier.Result result = verifier.verifyCurrentTenant();
        transactions.executeWrite(status -> {
            audit.record("audit.verify", "audit-chain", result.intact() ? "intact" : "broken", AuditTrail.Outcome.SUCCESS);
            return null;
        });
        return result;
    }
}
