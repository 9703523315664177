package org.sanctuary.intake.claim.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.contracts.claim.ClaimStatus;
import org.sanctuary.intake.claim.domain.Claim;
import org.sanctuary.intake.claim.domain.ClaimAction;
import org.sanctuary.intake.claim.domain.ClaimFilter;
import org.sanctuary.intake.claim.domain.ClaimOrder;
import org.sanctuary.intake.claim.domain.Credibility;
import org.sanctuary.intake.claim.domain.MilitaryProfile;
import org.sanctuary.intake.claim.domain.Workload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Claim rows and their lifecycle history; tenant named in every statement, RLS underneath. */
@Singleton
public class ClaimStore {

    private static final String COLUMNS = "id, version, applicant_id, status, military::text as military, "
            + "credibility::text as credibility, assigned_caseworker, lodged_on, first_instance_deadline, created_at, updated_at";

    private final Sql sql;
    private final FieldCipher cipher;

    public ClaimStore(Sql sql, FieldCipher cipher) {
        this.sql = sql;
        this.cipher = cipher;
    }

    /** False when the applicant does not exist for this tenant (the composite foreign key refuses it). */
    public boolean insert(Claim c) {
        try {
            sql.update("insert into claim (tenant_id, id, version, applicant_id, status, military, credibility, "
                        + "assigned_caseworker, lodged_on, first_instance_deadline, created_at, updated_at, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Caller.require().tenantId(), c.id(), c.version(), c.applicantId(), c.status(), sql.jsonb(c.military()),
                sql.jsonb(c.credibility()), c.assignedCaseworker(), c.lodgedOn(), c.firstInstanceDeadline(), c.createdAt(),
                c.updatedAt(), Caller.require().subject());
            return true;
        } catch (RuntimeException e) {
            if (Sql.isForeignKeyViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Optimistic update of the facts; false when missing, another tenant's, moved on, or not at that version. */
    public boolean updateFacts(Claim c, long expectedVersion) {
        return sql.update("update claim set version = ?, military = ?, credibility = ?, assigned_caseworker = ?, "
                        + "updated_at = ? where tenant_id = ? and id = ? and version = ? and status = ?",
                c.version(), sql.jsonb(c.military()), sql.jsonb(c.credibility()), c.assignedCaseworker(), c.updatedAt(),
                Caller.require().tenantId(), c.id(), expectedVersion, c.status()) == 1;
    }

    /**
     * Moves the claim if it is still in {@code from} at {@code expectedVersion}, and writes its history line: with the author's reason (sealed under the tenant's key)
     * for close and withdraw, or the id of the assessment event that made it (a second application of the
     * same event fails on its unique index, and the transaction with it).
     */
    public boolean transition(Claim moved, ClaimStatus from, long expectedVersion, ClaimAction action,
                              @Nullable String reason, @Nullable UUID sourceEvent) {
        String tenant = Caller.require().tenantId();
        int updated = sql.update("update claim set version = ?, status = ?, lodged_on = ?, first_instance_deadline = ?, "
                        + "updated_at = ? where tenant_id = ? and id = ? and version = ? and status = ?",
                moved.version(), moved.status(), moved.lodgedOn(), moved.firstInstanceDeadline(), moved.updatedAt(),
                tenant, moved.id(), expectedVersion, from);
        if (updated != 1) {
            return false;
        }
        sql.update("insert into claim_event (tenant_id, claim_id, seq, action, from_status, to_status, actor, occurred_at, "
                        + "reason_enc, source_event) "
                        + "select ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?::bytea, ?::uuid from claim_event where tenant_id = ? and claim_id = ?",
                tenant, moved.id(), action, from, moved.status(), Caller.require().subject(), moved.updatedAt(),
                cipher.seal(reason, "transition-reason", moved.id() + "@" + moved.version()), sourceEvent, tenant, moved.id());
        return true;
    }

    /** True when the assessment event {@code eventId} already moved a claim of the current tenant. */
    public boolean appliedEvent(UUID eventId) {
        return sql.queryOne("select 1 from claim_event where tenant_id = ? and source_event = ?", rs -> true,
                Caller.require().tenantId(), eventId).isPresent();
    }

    public Optional<Claim> find(UUID id) {
        return sql.queryOne("select " + COLUMNS + " from claim where tenant_id = ? and id = ?", this::map,
                Caller.require().tenantId(), id);
    }

    /** A page of claims in {@code order}, after {@code cursor} (null: the first page). */
    public List<Claim> page(ClaimOrder order, @Nullable String cursor, int limit, ClaimFilter filter) {
        List<Object> params = new java.util.ArrayList<>(List.of(Caller.require().tenantId()));
        StringBuilder where = new StringBuilder("tenant_id = ?").append(ClaimKeyset.after(order, cursor, params));
        if (!filter.statuses().isEmpty()) {
            where.append(" and status in (").append(String.join(", ", java.util.Collections.nCopies(filter.statuses().size(), "?"))).append(")");
            params.addAll(filter.statuses());
        }
        filter.applicantId().ifPresent(a -> {
            where.append(" and applicant_id = ?");
            params.add(a);
        });
        filter.assignment().ifPresent(a -> {
            List<String> terms = new java.util.ArrayList<>();
            a.assignee().ifPresent(who -> {
                terms.add("assigned_caseworker = ?");
                params.add(who);
            });
            if (a.includeUnassigned()) {
                terms.add("assigned_caseworker is null");
            }
            where.append(" and (").append(String.join(" or ", terms)).append(")");
        });
        filter.deadlineBefore().ifPresent(d -> {
            where.append(" and first_instance_deadline < ?");
            params.add(d);
        });
        params.add(limit);
        return sql.query("select " + COLUMNS + " from claim where " + where + " order by " + ClaimKeyset.orderBy(order) + " limit ?",
                this::map, params.toArray());
    }

    /** Where a page in {@code order} ends after {@code last}: the cursor of the next page, opaque to clients. */
    public static String cursorAfter(ClaimOrder order, Claim last) {
        return ClaimKeyset.cursorAfter(order, last);
    }

    public boolean assign(Claim c, long expectedVersion) {
        return sql.update("update claim set version = ?, assigned_caseworker = ?, updated_at = ? "
                        + "where tenant_id = ? and id = ? and version = ?",
                c.version(), c.assignedCaseworker(), c.updatedAt(), Caller.require().tenantId(), c.id(), expectedVersion) == 1;
    }

    public List<Workload> workload(LocalDate today) {
        return sql.query("select assigned_caseworker, count(*) as open, count(*) filter (where first_instance_deadline < ? "
                        + "and status in ('LODGED', 'UNDER_ASSESSMENT')) as overdue from claim where tenant_id = ? "
                        + "and status in ('LODGED', 'UNDER_ASSESSMENT', 'APPEALED') group by assigned_caseworker "
                        + "order by assigned_caseworker nulls first",
                rs -> new Workload(rs.getString(1), rs.getLong(2), rs.getLong(3)), today, Caller.require().tenantId());
    }

    private Claim map(ResultSet rs) throws SQLException {
        return new Claim(Sql.uuid(rs, "id"), rs.getLong("version"), Sql.uuid(rs, "applicant_id"),
                ClaimStatus.valueOf(rs.getString("status")),
                sql.read(rs.getString("military"), Argument.of(MilitaryProfile.class)),
                sql.read(rs.getString("credibility"), Argument.mapOf(String.class, Credibility.Assessment.class)),
                rs.getString("assigned_caseworker"), Sql.date(rs, "lodged_on"),
                Sql.date(rs, "first_instance_deadline"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
