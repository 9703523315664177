package org.sanctuary.e2e;

import org.sanctuary.devstack.ServiceProcess;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL cluster of the operating system's packages (Debian's {@code postgresql-15}), driven with its own
 * tools as an operator would: {@code initdb}, {@code pg_ctl}, and the client's {@code pg_dump}, {@code pg_dumpall},
 * {@code pg_restore} and {@code psql} of the same version (the embedded PostgreSQL of the local stack ships no
 * {@code pg_dump}). The server runs as the {@code postgres} system user when this JVM is root (PostgreSQL refuses
 * root); connections are local and trusted.
 */
final class DistributionPostgres implements Closeable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path data;
    private final int port;

    private DistributionPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BIN.resolve("pg_ctl")) && Files.isExecutable(BIN.resolve("pg_dump"));
    }

    /** A new cluster in {@code data} (created empty), started on a free port. */
    static DistributionPostgres create(Path data) throws IOException, InterruptedException {
        Files.createDirectories(data);
        if (root()) {
            run(List.of("chown", "-R", "postgres:postgres", data.getParent().toString()));
        }
        asServer(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-locale"));
        DistributionPostgres cluster = new DistributionPostgres(data, ServiceProcess.freePort());
        asServer(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", data.resolve("server.log").toString(),
                "-o", "-p " + cluster.port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=on", "start"));
        return cluster;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** {@code pg_dump --format=custom} of one database. */
    void dump(String database, Path file) throws IOException, InterruptedException {
        run(client("pg_dump", "-Fc", "-f", file.toString(), database));
    }

    /** The roles (with their password hashes): {@code pg_dumpall --globals-only}. */
    void dumpRoles(Path file) throws IOException, InterruptedException {
        run(client("pg_dumpall", "--globals-only", "-f", file.toString()));
    }

    /** Replays the roles into this cluster; the superuser's own line fails, as it exists, and must be the only error. */
    void restoreRoles(Path file) throws IOException, InterruptedException {
        String output = run(client("psql", "-q", "-d", "postgres", "-f", file.toString()));
        List<String> errors = output.lines().filter(line -> line.contains("ERROR"))
                .filter(line -> !line.contains("role \"postgres\" already exists")).toList();
        if (!errors.isEmpty()) {
            throw new IOException("restoring the roles: " + errors);
        }
    }

    /** {@code pg_restore --create}: the database, its owner, grants, row-level security and rows, as dumped. */
    void restore(Path dump) throws IOException, InterruptedException {
        run(client("pg_restore", "--create", "--exit-on-error", "-d", "postgres", dump.toString()));
    }

    private List<String> client(String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve(tool).toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres"));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() throws IOException {
        try {
            asServer(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void asServer(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
