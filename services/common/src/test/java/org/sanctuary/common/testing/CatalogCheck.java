package org.sanctuary.common.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Proves the database layer of tenant isolation from the catalog, for every table of a service:
 * {@code tenant_id text not null}, first in the primary key and in every index, RLS enabled and
 * forced, a policy whose USING and WITH CHECK compare {@code tenant_id} with the session's tenant,
 * no other policy unless allowlisted; and a service role that owns nothing and cannot bypass RLS.
 * Each service runs it in its tests; a new table without all of this fails the build.
 */
public final class CatalogCheck {

    /** Liquibase's own bookkeeping holds no tenant data. */
    private static final Set<String> ALWAYS_ALLOWED_TABLES = Set.of("databasechangelog", "databasechangeloglock");
    /** Platform data of every service, ids only: which tenants hold audit chains (see AuditChainWatch), the feed's identity (FeedReader). */
    private static final Set<String> COMMON_ALLOWED_TABLES = Set.of("audit_tenant", "feed_identity");
    /** The outbox's cross-tenant feed index and read policy (see EventFeed). */
    private static final Set<String> COMMON_ALLOWED_INDEXES = Set.of("outbox_feed_seq");
    private static final Set<String> COMMON_ALLOWED_POLICIES = Set.of("outbox.outbox_feed_reader");

    private final Set<String> allowedTables = new HashSet<>(ALWAYS_ALLOWED_TABLES);

    public CatalogCheck() {
        allowedTables.addAll(COMMON_ALLOWED_TABLES);
    }
    private final Set<String> allowedIndexes = new HashSet<>(COMMON_ALLOWED_INDEXES);
    private final Set<String> allowedPolicies = new HashSet<>(COMMON_ALLOWED_POLICIES);

    public CatalogCheck allowTable(String table) {
        allowedTables.add(table);
        return this;
    }

    public CatalogCheck allowIndex(String index) {
        allowedIndexes.add(index);
        return this;
    }

    /** Lists every breach; empty means the schema isolates tenants. */
    public List<String> violations(Connection connection, String appRole) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> tables = strings(connection,
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1");
        if (tables.size() <= ALWAYS_ALLOWED_TABLES.size() + COMMON_ALLOWED_TABLES.size()) {
            problems.add("no tables found: is the schema migrated?");
        }
        for (String table : tables) {
            if (allowedTables.contains(table)) {
                continue;
            }
            checkTable(connection, table, problems);
        }
        checkRole(connection, appRole, tables, problems);
        return problems;
    }

    private void checkTable(Connection c, String table, List<String> problems) throws SQLException {
        List<String> column = strings(c, "select data_type || ':' || is_nullable from information_schema.columns "
                + "where table_schema = 'public' and table_name = ? and column_name = 'tenant_id'", table);
        if (column.isEmpty()) {
            problems.add(table + ": no tenant_id column");
            return;
        }
        if (!column.get(0).equals("text:NO")) {
            problems.add(table + ": tenant_id must be text not null, is " + column.get(0));
        }
        List<String> rls = strings(c, "select relrowsecurity || ':' || relforcerowsecurity from pg_class "
                + "where oid = ('public.' || quote_ident(?))::regclass", table);
        if (!rls.equals(List.of("true:true"))) {
            problems.add(table + ": row level security must be enabled and forced (" + rls + ")");
        }
        List<String> indexes = strings(c, "select i.relname || ':' || ix.indisprimary || ':' || "
                + "coalesce((select a.attname from pg_attribute a where a.attrelid = ix.indrelid "
                + "and a.attnum = ix.indkey[0]), '<expression>') "
                + "from pg_index ix join pg_class i on i.oid = ix.indexrelid "
                + "where ix.indrelid = ('public.' || quote_ident(?))::regclass", table);
        boolean primaryKey = false;
        for (String index : indexes) {
            String[] parts = index.split(":");
            primaryKey |= parts[1].equals("true");
            if (!parts[2].equals("tenant_id") && !allowedIndexes.contains(parts[0])) {
                problems.add(table + ": index " + parts[0] + " does not start with tenant_id");
            }
        }
        if (!primaryKey) {
            problems.add(table + ": no primary key");
        }
        List<String> policies = strings(c, "select policyname || '|' || cmd || '|' || coalesce(qual, '') || '|' || "
                + "coalesce(with_check, '') from pg_policies where schemaname = 'public' and tablename = ?", table);
        boolean isolating = false;
        for (String policy : policies) {
            String[] parts = policy.split("\\|", -1);
            boolean tenantPredicate = isTenantPredicate(parts[2]) && isTenantPredicate(parts[3]);
            if (tenantPredicate && parts[1].equals("ALL")) {
                isolating = true;
            } else if (!allowedPolicies.contains(table + "." + parts[0])) {
                problems.add(table + ": policy " + parts[0] + " is not a tenant policy and not allowlisted");
            }
        }
        if (!isolating) {
            problems.add(table + ": no policy with USING and WITH CHECK on tenant_id = current_setting('sanctuary.tenant_id')");
        }
    }

    private static boolean isTenantPredicate(String expression) {
        String e = expression.replaceAll("\\s+", " ");
        return e.contains("tenant_id = ") && e.contains("current_setting('sanctuary.tenant_id'::text, true)");
    }

    private static void checkRole(Connection c, String role, List<String> tables, List<String> problems)
            throws SQLException {
        List<String> attributes = strings(c, "select rolsuper || ':' || rolbypassrls from pg_roles where rolname = ?", role);
        if (!attributes.equals(List.of("false:false"))) {
            problems.add("role " + role + " must exist without SUPERUSER and BYPASSRLS (" + attributes + ")");
        }
        List<String> owned = strings(c, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = 'public' and pg_has_role(?, c.relowner, 'USAGE')", role);
        if (!owned.isEmpty()) {
            problems.add("role " + role + " owns (or is a member of the owner of) " + owned);
        }
        for (String table : tables) {
            if (!ALWAYS_ALLOWED_TABLES.contains(table)) {
                continue;
            }
            List<String> access = strings(c, "select has_table_privilege(?, ('public.' || quote_ident(?))::regclass, 'SELECT')::text",
                    role, table);
            if (access.equals(List.of("true"))) {
                problems.add("role " + role + " can read " + table);
            }
        }
    }

    private static List<String> strings(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
