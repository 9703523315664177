package org.sanctuary.common.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import org.sanctuary.common.http.Versions;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A service's audit chain as its tenant's people read it: an {@code auditor} lists every entry and
 * verifies the chains; a {@code supervisor} lists the entries opened with a stated reason (break-glass
 * reads outside need-to-know), and only those. Each service declares it under its own path
 * ({@code /api/v1/<service>-audit}), which the gateway routes like any other. Reading the chain is itself audited.
 */
public abstract class AuditApi {

    @Serdeable
    public record Entry(Instant occurredAt, int chain, long seq, String actor, String action, String resourceType,
                        String resourceId, String outcome, boolean specialDecrypted, @Nullable String reason, String hash) {
    }

    @Serdeable
    public record Page(List<Entry> items, @Nullable Instant next) {
    }

    private static final int MAX = 500;

    private final Sql sql;
    private final AuditTrail audit;
    private final AuditChainVerifier verifier;
    private final TransactionOperations<Connection> transactions;

    protected AuditApi(Sql sql, AuditTrail audit, AuditChainVerifier verifier, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.audit = audit;
        this.verifier = verifier;
        this.transactions = transactions;
    }

    /**
     * Entries newest first, before {@code before} (the previous page's {@code next}) and from {@code from} on;
     * narrowed to one person ({@code actor}, the token subject audit records), one action, and one subject
     * ({@code resourceType}, with {@code resourceId}), each an exact match. {@code breakGlass=true} keeps only
     * reads opened with a stated reason — all a supervisor may see.
     */
    @Get("/entries")
    @Secured({Roles.AUDITOR, Roles.SUPERVISOR})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Page entries(@Nullable @QueryValue Instant before, @Nullable @QueryValue Instant from,
                        @Nullable @QueryValue String actor, @Nullable @QueryValue String action,
                        @Nullable @QueryValue String resourceType, @Nullable @QueryValue String resourceId,
                        @Nullable @QueryValue Boolean breakGlass, @Nullable @QueryValue Integer limit) {
        Caller caller = Caller.require();
        boolean onlyBreakGlass = Boolean.TRUE.equals(breakGlass) || !caller.hasAnyRole(Roles.AUDITOR);
        int size = Versions.limit(limit, 100, MAX);
        if (resourceId != null && resourceType == null) {
            throw ProblemException.invalid("resourceType", "is required with resourceId");
        }
        StringBuilder where = new StringBuilder("tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.tenantId()));
        if (before != null) {
            where.append(" and occurred_at < ?");
            args.add(before);
        }
        if (onlyBreakGlass) {
            where.append(" and reason is not null");
        }
        if (from != null) {
            where.append(" and occurred_at >= ?");
            args.add(from);
        }
        for (String[] filter : new String[][]{{"actor", actor}, {"action", action}, {"resource_type", resourceType},
                {"resource_id", resourceId}}) {
            if (filter[1] != null && !filter[1].isBlank()) {
                where.append(" and ").append(filter[0]).append(" = ?");
                args.add(filter[1]);
            }
        }
        args.add(size + 1);
        return transactions.executeWrite(status -> {
            List<Entry> entries = sql.query("select * from audit_entry where " + where + " order by occurred_at desc, stripe, seq limit ?",
                    rs -> new Entry(Sql.instant(rs, "occurred_at"), rs.getInt("stripe"), rs.getLong("seq"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("outcome"),
                            rs.getBoolean("special_decrypted"), rs.getString("reason"), HexFormat.of().formatHex(rs.getBytes("hash"))),
                    args.toArray());
            audit.record("audit.read", "audit-chain", onlyBreakGlass ? "break-glass" : "all", AuditTrail.Outcome.SUCCESS);
            List<Entry> page = entries.size() > size ? entries.subList(0, size) : entries;
            return new Page(List.copyOf(page), entries.size() > size ? page.get(page.size() - 1).occurredAt() : null);
        });
    }

    /** Walks every chain of the caller's tenant in this service and reports the first broken link, if any. */
    @Get("/verification")
    @Secured(Roles.AUDITOR)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public AuditChainVerifier.Result verification() {
        AuditChainVerifier.Result result = verifier.verifyCurrentTenant();
        transactions.executeWrite(status -> {
            audit.record("audit.verify", "audit-chain", result.intact() ? "intact" : "broken", AuditTrail.Outcome.SUCCESS);
            return null;
        });
        return result;
    }
}
