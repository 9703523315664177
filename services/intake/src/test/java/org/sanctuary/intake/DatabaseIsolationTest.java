package org.sanctuary.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.testing.CatalogCheck;
import org.sanctuary.common.testing.TwoTenants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The database layer of isolation, proven against PostgreSQL itself. */
@MicronautTest(transactional = false)
class DatabaseIsolationTest extends IntakeApiTest {

    @Inject
    Sql sql;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void everyIntakeTableIsTenantScopedInTheCatalog() throws SQLException {
        try (Connection owner = db.ownerConnection()) {
            List<String> violations = new CatalogCheck().allowTable("feed_cursor").violations(owner, db.appRole());
            assertEquals(List.of(), violations);
        }
    }

    @Test
    void theCatalogCheckCatchesATableWithoutRowLevelSecurity() throws SQLException {
        try (Connection owner = db.ownerConnection(); Statement st = owner.createStatement()) {
            st.execute("create table careless (tenant_id text not null, id int, primary key (tenant_id, id))");
            try {
                List<String> violations = new CatalogCheck().allowTable("feed_cursor").violations(owner, db.appRole());
                assertTrue(violations.stream().anyMatch(v -> v.startsWith("careless: row level security")), violations.toString());
                assertTrue(violations.stream().anyMatch(v -> v.startsWith("careless: no policy")), violations.toString());
            } finally {
                st.execute("drop table careless");
            }
        }
    }

    @Test
    void theConnectionHookSetsTheCallersTenantAndClearsItAfterwards() {
        String inside = Caller.callAs(Caller.system(TwoTenants.A, "test"), () -> transactions.executeRead(status ->
                sql.queryOne("select current_setting('sanctuary.tenant_id', true)", rs -> rs.getString(1)).orElseThrow()));
        assertEquals(TwoTenants.A, inside);
        // nested statements share the transaction's connection: the tenant must survive each of them
        List<String> nested = Caller.callAs(Caller.system(TwoTenants.A, "test"), () -> transactions.executeRead(status ->
                List.of(sql.queryOne("select current_setting('sanctuary.tenant_id', true)", rs -> rs.getString(1)).orElseThrow(),
                        sql.queryOne("select current_setting('sanctuary.tenant_id', true)", rs -> rs.getString(1)).orElseThrow())));
        assertEquals(List.of(TwoTenants.A, TwoTenants.A), nested);
        String outside = transactions.executeRead(status ->
                sql.queryOne("select coalesce(current_setting('sanctuary.tenant_id', true), '')", rs -> rs.getString(1))
                        .orElseThrow());
        assertEquals("", outside);
    }

    @Test
    void withNoTenantSetTheServiceRoleSeesNoRows() throws SQLException {
        api().post("/api/v1/applicants", TwoTenants.a("caseworker"), applicant("Антон", "Орлов", "RU", "1993-07-07"));
        assertTrue(rows("applicant") > 0);
        try (Connection app = db.appConnection(); Statement st = app.createStatement()) {
            for (String table : List.of("applicant", "claim", "outbox", "audit_entry", "tenant_data_key")) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), table);
                }
            }
        }
    }

    @Test
    void postgresRefusesARowForAnotherTenant() throws SQLException {
        try (Connection app = db.appConnection()) {
            try (Statement st = app.createStatement()) {
                st.execute("select set_config('sanctuary.tenant_id', '" + TwoTenants.B + "', false)");
            }
            try (PreparedStatement insert = app.prepareStatement("insert into applicant (tenant_id, id, version, "
                    + "given_name, family_name, latin_given_name, latin_family_name, name_key, nationalities, sex, "
                    + "languages, household, created_at, updated_at, created_by) "
                    + "values (?, ?, 1, 'x', 'y', 'X', 'Y', 'X Y', '[]', 'MALE', '[]', '[]', now(), now(), 'intruder')")) {
                insert.setString(1, TwoTenants.A);
                insert.setObject(2, UUID.randomUUID());
                SQLException refused = assertThrows(SQLException.class, insert::executeUpdate);
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            }
            try (PreparedStatement insert = app.prepareStatement("insert into outbox (tenant_id, event_id, type, "
                    + "aggregate_id, payload, occurred_at) values (?, ?, 'x', 'y', '{}'::jsonb, now())")) {
                insert.setString(1, TwoTenants.A);
                insert.setObject(2, UUID.randomUUID());
                SQLException refused = assertThrows(SQLException.class, insert::executeUpdate);
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            }
        }
    }

    @Test
    void theServiceRoleCannotRewriteTheAuditChain() throws SQLException {
        api().get("/api/v1/applicants", TwoTenants.a("caseworker"));
        try (Connection app = db.appConnection(); Statement st = app.createStatement()) {
            st.execute("select set_config('sanctuary.tenant_id', '" + TwoTenants.A + "', false)");
            SQLException update = assertThrows(SQLException.class, () -> st.executeUpdate("update audit_entry set actor = 'x'"));
            assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> st.executeUpdate("delete from audit_entry"));
            assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());
        }
        try (Connection app = db.appConnection(); Statement st = app.createStatement();
             ResultSet rs = st.executeQuery("select rolbypassrls from pg_roles where rolname = current_user")) {
            rs.next();
            assertFalse(rs.getBoolean(1));
        }
    }
}
