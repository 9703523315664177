package org.sanctuary.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Embedded PostgreSQL (zonky) for the local stack and the benchmarks, and the per-service
 * provisioning production uses: owner role (migrations), NOLOGIN DML group, login role without
 * BYPASSRLS. Passwords are local demo secrets.
 */
public final class LocalPostgres implements Closeable {

    public static final String LOCAL_PASSWORD = "local-demo-only";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** {@code dataDirectory} null ⇒ a throw-away cluster. */
    public static LocalPostgres start(Path dataDirectory, int port) throws IOException {
        // zonky turns synchronous_commit off by default; the local stack and the benchmarks commit
        // durably, as production does, so that figures mean what they would there
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
        }
        return new LocalPostgres(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", database));
    }

    public void provision(String service) throws SQLException {
        try (Connection admin = superuser("postgres")) {
            provision(admin, service);
        }
    }

    /** The roles and database of {@code service} on any PostgreSQL, through a superuser's connection (idempotent). */
    public static void provision(Connection admin, String service) throws SQLException {
        try (Statement st = admin.createStatement()) {
            role(st, service + "_owner", "login password '" + LOCAL_PASSWORD + "'");
            role(st, service + "_service", "nologin");
            role(st, service + "_app", "login nobypassrls password '" + LOCAL_PASSWORD + "' in role " + service + "_service");
            if (!st.executeQuery("select 1 from pg_database where datname = '" + service + "'").next()) {
                st.execute("create database " + service + " owner " + service + "_owner");
            }
        }
    }

    private static void role(Statement st, String role, String options) throws SQLException {
        st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then create role "
                + role + " " + options + "; end if; end $$");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
