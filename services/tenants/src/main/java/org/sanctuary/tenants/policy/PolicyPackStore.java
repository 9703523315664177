package org.sanctuary.tenants.policy;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Policy-pack versions of the current tenant (explicit predicate on top of RLS). */
@Singleton
public class PolicyPackStore {

    private static final String COLUMNS = "tenant_id, version, status, effective_from, created_at, created_by, "
            + "published_at, published_by, document::text as document";

    private final Sql sql;

    public PolicyPackStore(Sql sql) {
        this.sql = sql;
    }

    /** A new draft with the next version number; the primary key refuses a concurrent twin. */
    public int insertDraft(String document, Instant now) {
        String tenant = Caller.require().tenantId();
        int version = sql.queryOne("select coalesce(max(version), 0) + 1 from policy_pack where tenant_id = ?",
                rs -> rs.getInt(1), tenant).orElse(1);
        sql.update("insert into policy_pack (tenant_id, version, status, document, created_at, created_by, updated_at) "
                        + "values (?, ?, 'DRAFT', ?, ?, ?, ?)",
                tenant, version, new Sql.Json(document), now, Caller.require().subject(), now);
        return version;
    }

    /** Replaces a draft's document; false when the version is missing or no longer a draft. */
    public boolean updateDraft(int version, String document, Instant now) {
        return sql.update("update policy_pack set document = ?, updated_at = ? "
                        + "where tenant_id = ? and version = ? and status = 'DRAFT'",
                new Sql.Json(document), now, Caller.require().tenantId(), version) == 1;
    }

    public boolean publish(int version, LocalDate effectiveFrom, Instant now) {
        return sql.update("update policy_pack set status = 'PUBLISHED', effective_from = ?, published_at = ?, "
                        + "published_by = ?, updated_at = ? where tenant_id = ? and version = ? and status = 'DRAFT'",
                effectiveFrom, now, Caller.require().subject(), now, Caller.require().tenantId(), version) == 1;
    }

    public Optional<PolicyPack> find(int version) {
        return sql.queryOne("select " + COLUMNS + " from policy_pack where tenant_id = ? and version = ?", this::map,
                Caller.require().tenantId(), version);
    }

    /** A version's document as stored (text, no tree built): what a comparison reads. */
    public Optional<String> documentText(int version) {
        return sql.queryOne("select document::text from policy_pack where tenant_id = ? and version = ?", rs -> rs.getString(1),
                Caller.require().tenantId(), version);
    }

    public List<PolicyPack> all() {
        return sql.query("select " + COLUMNS + " from policy_pack where tenant_id = ? order by version", this::map,
                Caller.require().tenantId());
    }

    /** The published version in force on {@code date}: the latest effectiveFrom not after it. */
    public Optional<PolicyPack> effectiveOn(LocalDate date) {
        return sql.queryOne("select " + COLUMNS + " from policy_pack where tenant_id = ? and status = 'PUBLISHED' "
                        + "and effective_from <= ? order by effective_from desc, version desc limit 1", this::map,
                Caller.require().tenantId(), date);
    }

    /** The latest effectiveFrom of any published version, if one is. */
    public Optional<LocalDate> latestEffectiveFrom() {
        return sql.queryOne("select max(effective_from) from policy_pack where tenant_id = ? and status = 'PUBLISHED'",
                rs -> Sql.date(rs, "max"), Caller.require().tenantId());
    }

    private PolicyPack map(ResultSet rs) throws SQLException {
        return new PolicyPack(rs.getString("tenant_id"), rs.getInt("version"),
                PolicyPack.Status.valueOf(rs.getString("status")), Sql.date(rs, "effective_from"),
                Sql.instant(rs, "created_at"), rs.getString("created_by"), Sql.instant(rs, "published_at"),
                rs.getString("published_by"), sql.read(rs.getString("document"), Argument.of(JsonNode.class)));
    }
}
