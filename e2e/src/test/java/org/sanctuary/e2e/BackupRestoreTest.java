package org.sanctuary.e2e;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;
import org.sanctuary.devstack.LocalPostgres;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: backup and restore as docs/operations.md tells an operator to do it. The whole platform (every service
 * and the gateway, the local Keycloak) runs on a PostgreSQL of the distribution's packages; claims are recorded,
 * lodged, assessed and decided, evidence uploaded, and reporting has counted them. Then, as the runbook says: the
 * roles ({@code pg_dumpall --globals-only}), one {@code pg_dump} per service database, and a copy of the documents'
 * sealed blobs; the master key is not in the backup (it lives in the secret store; here the test keeps it). The
 * cluster and the blobs are thrown away, a fresh PostgreSQL gets the backup ({@code pg_restore --create}), the
 * platform starts on it, and: every audit chain verifies, every table holds what it held, every document downloads
 * with its checksum, and reporting, rebuilt from the restored feeds, gives the same figures.
 */
class BackupRestoreTest {

    private static final List<String> DATABASES = List.of("intake", "tenants", "assessment", "documents", "reporting");
    private static final String RANGE = "from=" + LocalDate.now().withDayOfYear(1) + "&to=" + LocalDate.now().withMonth(12).withDayOfMonth(31);

    @Test
    void anOperatorsBackupRestoresIntoAFreshPostgreSQLWithNothingLost() throws Exception {
        assertTrue(DistributionPostgres.installed(), "PostgreSQL 15 from the distribution (apt-get install postgresql; .ci/run does)");
        SharedStack.ensureRunning(); // its Keycloak issues the tokens
        // readable by the postgres system user, which runs the clusters when the tests run as root
        Path work = Files.createTempDirectory("sanctuary-backup", java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String masterKey = Base64.getEncoder().encodeToString(raw); // the key material: never in the backup
        Path backup = work.resolve("backup");
        Files.createDirectories(backup);

        try {
            backUpAndRestore(work, backup, masterKey);
        } finally {
            deleteTree(work); // dumps hold password hashes: never left behind
        }
    }

    private static void backUpAndRestore(Path work, Path backup, String masterKey) throws Exception {
        Map<String, String> rowsBefore;
        Map<String, String> checksums;
        Map<String, String> figuresBefore;
        DistributionPostgres source = DistributionPostgres.create(work.resolve("pg").resolve("source"));
        try {
            Platform platform = Platform.start(source, work.resolve("blobs"), masterKey);
            try {
                checksums = platform.recordCasework();
                figuresBefore = platform.figures(source);
            } finally {
                platform.stop();
            }
            rowsBefore = rows(source);
            // the backup, as the runbook writes it
            source.dumpRoles(backup.resolve("roles.sql"));
            for (String database : DATABASES) {
                source.dump(database, backup.resolve(database + ".dump"));
            }
            copyTree(work.resolve("blobs"), backup.resolve("blobs"));
        } finally {
            source.close();
        }
        deleteTree(work.resolve("pg").resolve("source")); // the cluster is lost
        deleteTree(work.resolve("blobs"));

        DistributionPostgres fresh = DistributionPostgres.create(work.resolve("pg").resolve("fresh"));
        try {
            fresh.restoreRoles(backup.resolve("roles.sql"));
            for (String database : DATABASES) {
                fresh.restore(backup.resolve(database + ".dump"));
            }
            copyTree(backup.resolve("blobs"), work.resolve("restored-blobs"));
            assertEquals(rowsBefore, rows(fresh), "every table holds what it held, row for row");

            Platform restored = Platform.start(fresh, work.resolve("restored-blobs"), masterKey);
            try {
                restored.chainsVerify();
                for (Map.Entry<String, String> document : checksums.entrySet()) {
                    assertEquals(document.getValue(), restored.downloadedChecksum(document.getKey()), "document " + document.getKey());
                }
                long rebuilt = restored.rebuildReporting();
                assertEquals(figuresBefore, restored.figures(fresh), "reporting rebuilt from the restored feeds");
                System.out.printf("BENCH backup and restore: %d databases, %d rows in %d tables, %d documents, %d events rebuilt; "
                                + "backup %d KiB%n", DATABASES.size(), rowsBefore.values().stream().mapToLong(v -> Long.parseLong(v.split(" ")[0])).sum(),
                        rowsBefore.size(), checksums.size(), rebuilt, size(backup) / 1024);
            } finally {
                restored.stop();
            }
        } finally {
            fresh.close();
        }
    }

    /** Every table of every service database (not Liquibase's own): its row count and a digest of every row. */
    private static Map<String, String> rows(DistributionPostgres cluster) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection db = cluster.superuser(database); Statement st = db.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public' "
                        + "and tablename not like 'databasechangelog%'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = st.executeQuery("select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' "
                            + "order by t::text)), '-') from " + table + " t")) {
                        rs.next();
                        rows.put(database + "." + table, rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }

    /** The platform on one PostgreSQL, through its own gateway, as the demo tenant's people use it. */
    private record Platform(List<ServiceProcess> processes, DevStack.Layout layout, ApiClient gateway) {

        static Platform start(DistributionPostgres postgres, Path blobs, String masterKey) throws Exception {
            try (Connection admin = postgres.superuser("postgres")) {
                for (String database : DATABASES) {
                    LocalPostgres.provision(admin, database); // a restored cluster has them already: a no-op
                }
            }
            DevStack.Layout layout = DevStack.Layout.free();
            List<ServiceProcess> processes = DevStack.startPlatform(layout, postgres::url, LocalPostgres.LOCAL_PASSWORD, blobs,
                    masterKey, false);
            Platform platform = new Platform(processes, layout, new ApiClient(layout.url("gateway")));
            try {
                for (ServiceProcess process : processes) {
                    process.awaitHealthy(Duration.ofSeconds(120), Duration.ofMillis(250));
                }
            } catch (IOException | RuntimeException e) {
                platform.stop();
                throw e;
            }
            return platform;
        }

        /** The demo tenant registered here, its pack, and casework through to an approved decision; each document's checksum. */
        Map<String, String> recordCasework() throws Exception {
            ApiClient.Response registered = gateway.post("/api/v1/tenants", token("platform-admin"), Map.of("id", "demo-gov",
                    "name", "Demo Government Agency", "kind", "GOVERNMENT", "jurisdiction", "DE", "timezone", "Europe/Berlin"));
            assertEquals(201, registered.status(), registered.body());
            Casework.publishDemoPack(gateway, token("gov-policy-admin"), "demo-gov");

            String caseworker = token("gov-caseworker");
            Map<String, String> checksums = new TreeMap<>();
            List<String> claims = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String claimId = Casework.lodgedClaim(gateway, caseworker, "Резерв", "Копия" + "абв".charAt(i), "MOBILISED_RESERVIST")
                        .claimId();
                claims.add(claimId);
                byte[] pdf = ("%PDF-1.4\n% повестка " + i + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
                ApiClient.Response document = gateway.send("POST", "/api/v1/documents?claimId=" + claimId
                        + "&category=SUMMONS&filename=notice-" + i + ".pdf", caseworker, new String(pdf, StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/pdf"));
                assertEquals(201, document.status(), document.body());
                checksums.put((String) document.json().get("id"), (String) document.json().get("sha256"));
                assertEquals(sha256(pdf), document.json().get("sha256"), "the checksum is the uploaded bytes'");
                ApiClient.Response assessment = gateway.post("/api/v1/assessments", caseworker, Map.of("claimId", claimId));
                assertEquals(201, assessment.status(), assessment.body());
                if (i < 2) {
                    ApiClient.Response decision = gateway.post("/api/v1/decisions", caseworker, Map.of("assessmentId",
                            assessment.json().get("id"), "outcome", "REFUGEE_STATUS", "reasons", "Shepherd: the service would involve acts "
                                    + "excluded by Article 12(2); the applicant is credible."));
                    assertEquals(201, decision.status(), decision.body());
                    ApiClient.Response approved = gateway.post("/api/v1/decisions/" + decision.json().get("id") + "/approve",
                            token("gov-supervisor"), Map.of());
                    assertEquals(200, approved.status(), approved.body());
                }
            }
            // intake moves the claims from the assessment service's events: wait until it has, then let reporting count
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<Object> statuses;
            while (!(statuses = claims.stream().map(id -> gateway.get("/api/v1/claims/" + id, caseworker).json().get("status")).toList())
                    .equals(List.of("DECIDED", "DECIDED", "UNDER_ASSESSMENT")) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(List.of("DECIDED", "DECIDED", "UNDER_ASSESSMENT"), statuses);
            rebuildReporting();
            return checksums;
        }

        /**
         * The analyst's figures (claims by status, first-instance decisions, backlog; small cells suppressed), and
         * every row of reporting's read models and counts, which the figures are drawn from.
         */
        Map<String, String> figures(DistributionPostgres postgres) throws Exception {
            String analyst = token("gov-analyst");
            Map<String, String> figures = new TreeMap<>();
            for (String report : List.of("claims?" + RANGE + "&period=month&by=status", "decisions?" + RANGE + "&period=month",
                    "backlog")) {
                ApiClient.Response answer = gateway.get("/api/v1/reports/" + report, analyst);
                assertEquals(200, answer.status(), answer.body());
                figures.put(report, answer.body());
            }
            try (Connection db = postgres.superuser("reporting"); Statement st = db.createStatement()) {
                for (String table : List.of("claim_record", "decision_record", "document_record", "claim_count", "backlog_count",
                        "decision_person", "decision_count", "processing_count")) {
                    try (ResultSet rs = st.executeQuery("select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' "
                            + "order by t::text)), '-') from " + table + " t")) {
                        rs.next();
                        figures.put(table, rs.getString(1));
                    }
                }
            }
            return figures;
        }

        void chainsVerify() {
            for (String service : DATABASES) {
                ApiClient.Response verification = gateway.get("/api/v1/" + service + "-audit/verification", token("gov-auditor"));
                assertEquals(200, verification.status(), verification.body());
                assertTrue(verification.body().contains("\"intact\":true"), service + ": " + verification.body());
            }
        }

        String downloadedChecksum(String document) throws Exception {
            HttpResponse<byte[]> content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(layout.url("gateway")
                    + "/api/v1/documents/" + document + "/content")).header("Authorization", "Bearer " + token("gov-supervisor")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, content.statusCode());
            return sha256(content.body());
        }

        /** Reporting's read models emptied and read again from every feed's seq 0; the number of events. */
        long rebuildReporting() throws Exception {
            String platform = LocalKeycloak.clientToken("sanctuary-platform", "local-demo-only-platform-secret");
            ApiClient.Response rebuilt = new ApiClient(layout.url("reporting")).post("/internal/v1/feeds/rebuild", platform, "");
            assertEquals(200, rebuilt.status(), rebuilt.body());
            return ((Number) rebuilt.json().get("events")).longValue();
        }

        void stop() throws InterruptedException {
            for (ServiceProcess process : processes) {
                process.stop();
            }
        }

        private static String token(String user) {
            try {
                return LocalKeycloak.token(user, user);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
