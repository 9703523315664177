package org.sanctuary.common.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database for one service under test, with the three roles production uses: the owner
 * (runs Liquibase), the NOLOGIN group that holds DML grants, and the login role the service
 * connects as — a member of the group, owning nothing, without {@code BYPASSRLS}.
 */
public record ServiceDatabase(TestPostgres.Server server, String database, String ownerRole, String serviceRole,
                              String appRole, String password) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public static ServiceDatabase create(String service) {
        TestPostgres.Server server = TestPostgres.server();
        String database = service + "_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        ServiceDatabase db = new ServiceDatabase(server, database, service + "_owner", service + "_service",
                service + "_app", "local-test-only");
        try (Connection admin = DriverManager.getConnection(server.url("postgres"), server.user(), server.password());
             Statement st = admin.createStatement()) {
            createRole(st, db.ownerRole, "login password '" + db.password + "'");
            createRole(st, db.serviceRole, "nologin");
            createRole(st, db.appRole, "login nobypassrls password '" + db.password + "' in role " + db.serviceRole);
            st.execute("create database " + database + " owner " + db.ownerRole);
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision " + database, e);
        }
        return db;
    }

    private static void createRole(Statement st, String role, String options) throws SQLException {
        st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then "
                + "create role " + role + " " + options + "; end if; end $$");
    }

    public String url() {
        return server.url(database);
    }

    /** A connection as the owner, which RLS binds too (FORCE): for catalog checks. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(url(), ownerRole, password);
    }

    /** A connection as the service's login role, exactly as the running service connects. */
    public Connection appConnection() throws SQLException {
        return DriverManager.getConnection(url(), appRole, password);
    }

    /** A superuser connection (bypasses RLS): only to tamper with data in tests. */
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(url(), server.user(), server.password());
    }
}
