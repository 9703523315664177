package org.sanctuary.reporting;

import org.sanctuary.common.testing.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes into the database of the real tenants service that the testkit started for this JVM (named
 * {@code tenants_test_<pid>_<n>} on the test PostgreSQL): a published pack version as one published
 * before today's schema bounds would lie there. Test set-up only, as the superuser.
 */
final class TestPostgresTenants {

    private TestPostgresTenants() {
    }

    /** A further PUBLISHED version of {@code tenant}'s pack, in force from today (the latest version wins). */
    static void publishOverride(String tenant, String document) throws SQLException {
        TestPostgres.Server server = TestPostgres.server();
        List<String> databases = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(server.url("postgres"), server.user(), server.password());
             PreparedStatement q = admin.prepareStatement("select datname from pg_database where datname like ?")) {
            q.setString(1, "tenants\\_test\\_" + ProcessHandle.current().pid() + "\\_%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    databases.add(rs.getString(1));
                }
            }
        }
        int written = 0;
        for (String database : databases) {
            try (Connection c = DriverManager.getConnection(server.url(database), server.user(), server.password());
                 PreparedStatement insert = c.prepareStatement("insert into policy_pack (tenant_id, version, status, document, "
                         + "effective_from, created_at, created_by, published_at, published_by, updated_at) "
                         + "select ?, max(version) + 1, 'PUBLISHED', ?::jsonb, ?, ?, 'legacy', ?, 'legacy', ? from policy_pack where tenant_id = ? "
                         + "having count(*) > 0")) {
                java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
                insert.setString(1, tenant);
                insert.setString(2, document);
                insert.setObject(3, LocalDate.now(ZoneOffset.UTC));
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.setString(7, tenant);
                written += insert.executeUpdate();
            }
        }
        if (written != 1) {
            throw new IllegalStateException("the tenants database of this JVM holding " + tenant + " was not found: " + databases);
        }
    }
}
