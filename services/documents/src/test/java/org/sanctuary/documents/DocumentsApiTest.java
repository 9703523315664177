package org.sanctuary.documents;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.CatalogCheck;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.common.testing.FeedContract;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.devstack.ServiceProcess;
import org.sanctuary.documents.document.DocumentService;
import org.sanctuary.testkit.MovableClock;
import org.sanctuary.testkit.RealUpstream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documents service over HTTP, beside the real intake and tenants, on its own database and a real blob directory. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsApiTest implements TestPropertyProvider {

    static final int MAX = 1024 * 1024;
    static final byte[] PDF = pdf("Повестка военкомата № 1234 — вручена 23.09.2022");

    private final ServiceDatabase db = ServiceDatabase.create("documents");
    private final RealUpstream upstream = RealUpstream.get().tenant(TwoTenants.A, pack()).tenant(TwoTenants.B, pack());
    private final Path blobs = tempDir();
    private final String caseworker = TestJwtIssuer.get().token(TwoTenants.A, "cw-doc", "caseworker");
    private final String supervisor = TestJwtIssuer.get().token(TwoTenants.A, "sv-doc", "supervisor");
    private final String otherTenant = TestJwtIssuer.get().token(TwoTenants.B, "cw-b", "caseworker", "supervisor");

    @Inject
    EmbeddedServer server;

    @Inject
    MovableClock clock;

    @Inject
    DocumentService documents;

    @Inject
    org.sanctuary.documents.document.Retention retention;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.intake.url", upstream.intake);
        properties.put("sanctuary.tenants.url", upstream.tenants);
        properties.put("sanctuary.documents.path", blobs.toString());
        properties.put("sanctuary.platform.token-url", TestJwtIssuer.get().tokenUrl());
        properties.put("sanctuary.documents.feed-interval", "1h"); // the test drives the feed itself
        return properties;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** eu-member with a 1 MiB limit, so the limits can be tested with small bodies. */
    private static String pack() {
        try {
            return Files.readString(ServiceProcess.root().resolve("devstack/src/main/resources/demo-packs/eu-member.json"))
                    .replace("\"maxBytes\": 52428800", "\"maxBytes\": " + MAX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sanctuary-blobs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private ApiClient api() {
        return new ApiClient(server.getURL().toString());
    }

    private String claim(String token) {
        ApiClient intake = new ApiClient(upstream.intake);
        ApiClient.Response applicant = intake.post("/api/v1/applicants", token,
                ApplicantRequest.named("Арсений", "Документов").born("1993-03-03").body());
        assertEquals(201, applicant.status(), applicant.body());
        ApiClient.Response claim = intake.post("/api/v1/claims", token,
                ClaimRequest.forApplicant(applicant.json().get("id")).statusOnly().body());
        assertEquals(201, claim.status(), claim.body());
        return claim.json().get("id").toString();
    }

    private HttpResponse<byte[]> upload(String token, String query, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/documents?" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String query(String claim, String category, String filename) {
        return "claimId=" + claim + "&category=" + category + "&filename=" + java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8)
                + "&description=" + java.net.URLEncoder.encode("повестка", StandardCharsets.UTF_8);
    }

    private static Map<String, Object> json(HttpResponse<byte[]> response) {
        return new ApiClient.Response(response.statusCode(), response.headers().map(), new String(response.body(), StandardCharsets.UTF_8)).json();
    }

    private long rows(String claim) throws SQLException {
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from document where claim_id = '" + claim + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The files in the blob store; counted again when one vanishes while it is walked (an upload's partial file). */
    private long blobFiles() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(blobs)) {
                return files.filter(Files::isRegularFile).count();
            } catch (java.io.UncheckedIOException vanished) {
                if (attempt == 10) {
                    throw vanished;
                }
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUploadIsSniffedHashedEncryptedAndComesBackByteForByte() throws Exception {
        String claim = claim(caseworker);
        HttpResponse<byte[]> created = upload(caseworker, query(claim, "SUMMONS", "повестка 2022.pdf"), PDF);
        assertEquals(201, created.statusCode(), new String(created.body()));
        Map<String, Object> document = json(created);
        assertEquals(sha256(PDF), document.get("sha256"));
        assertEquals("application/pdf", document.get("contentType"));
        assertEquals(PDF.length, ((Number) document.get("sizeBytes")).intValue());
        assertEquals("повестка 2022.pdf", document.get("filename"));

        String id = document.get("id").toString();
        HttpResponse<byte[]> content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL()
                + "/api/v1/documents/" + id + "/content")).header("Authorization", "Bearer " + caseworker).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, content.statusCode());
        assertArrayEquals(PDF, content.body());
        assertEquals("application/pdf", content.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("\"" + sha256(PDF) + "\"", content.headers().firstValue("ETag").orElseThrow());
        String disposition = content.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment; filename=\"") && disposition.contains("filename*=UTF-8''"), disposition);
        assertFalse(disposition.substring(0, disposition.indexOf(';', 12)).matches(".*[^\\x20-\\x7e].*"), disposition);
        assertEquals(304, api().send("GET", "/api/v1/documents/" + id + "/content", caseworker, null,
                Map.of("If-None-Match", "\"" + sha256(PDF) + "\"")).status());

        // at rest: ciphertext only, neither the text nor the name in the blob or the row
        Path blob = blobs.resolve(TwoTenants.A).resolve(id);
        byte[] stored = Files.readAllBytes(blob);
        assertEquals("SDC1", new String(stored, 0, 4, StandardCharsets.US_ASCII));
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("%PDF"), "plaintext at rest");
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select filename_enc from document where id = '" + id + "'")) {
            assertTrue(rs.next());
            assertFalse(new String(rs.getBytes(1), StandardCharsets.UTF_8).contains("повестка"));
        }
        assertEquals(1, api().get("/api/v1/documents?claimId=" + claim, caseworker).jsonList().size());
    }

    @Test
    void anotherTenantGets404ForTheDocumentItsContentAndTheClaim() throws Exception {
        String claim = claim(caseworker);
        String id = json(upload(caseworker, query(claim, "MILITARY_ID", "id.pdf"), PDF)).get("id").toString();
        assertEquals(404, api().get("/api/v1/documents/" + id, otherTenant).status());
        assertEquals(404, api().get("/api/v1/documents/" + id + "/content", otherTenant).status());
        assertEquals(List.of(), api().get("/api/v1/documents?claimId=" + claim, otherTenant).jsonList());
        assertEquals(404, upload(otherTenant, query(claim, "OTHER", "x.pdf"), PDF).statusCode());
        assertEquals(404, api().send("PUT", "/api/v1/documents/" + id + "/legal-hold", otherTenant, "{\"hold\": true, \"reason\": \"x\"}", Map.of()).status());
        assertEquals(1, rows(claim));
        // the other tenant's attempts are in its own audit chain, as not found
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from audit_entry where tenant_id = '" + TwoTenants.B + "' and resource_id = '"
                     + id + "' and outcome = 'NOT_FOUND'")) {
            rs.next();
            assertEquals(3, rs.getInt(1)); // read, download, legal hold
        }
    }

    @Test
    void anExecutableRenamedPdfIs415AndNothingIsKept() throws Exception {
        String claim = claim(caseworker);
        long before = blobFiles();
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        System.arraycopy("This program cannot be run in DOS mode.".getBytes(), 0, exe, 78, 39);
        HttpResponse<byte[]> refused = upload(caseworker, query(claim, "SUMMONS", "summons.pdf"), exe);
        assertEquals(415, refused.statusCode(), new String(refused.body()));
        assertTrue(new String(refused.body()).contains("not its name"), new String(refused.body()));
        byte[] elf = new byte[4096];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        assertEquals(415, upload(caseworker, query(claim, "SUMMONS", "summons.pdf"), elf).statusCode());
        assertEquals(0, rows(claim));
        assertEquals(before, blobFiles());
    }

    @Test
    void badInputGetsAClear4xx() throws Exception {
        String claim = claim(caseworker);
        for (String name : List.of("../../etc/passwd", "a/b.pdf", "..\\boot.ini", "C:evil.pdf", "bad\u0000name.pdf", " ")) {
            HttpResponse<byte[]> response = upload(caseworker, query(claim, "OTHER", name), PDF);
            assertEquals(400, response.statusCode(), name + ": " + new String(response.body()));
            assertTrue(new String(response.body()).contains("filename"), new String(response.body()));
        }
        assertEquals(400, upload(caseworker, query(claim, "OTHER", "empty.pdf"), new byte[0]).statusCode());
        assertEquals(400, upload(caseworker, query(claim, "INTIMATE_PHOTO", "x.pdf"), PDF).statusCode());
        assertEquals(400, upload(caseworker, "category=OTHER&filename=x.pdf", PDF).statusCode());
        assertEquals(400, upload(caseworker, query("not-a-uuid", "OTHER", "x.pdf"), PDF).statusCode());
        assertEquals(404, upload(caseworker, query("00000000-0000-0000-0000-000000000001", "OTHER", "x.pdf"), PDF).statusCode());
        assertEquals(0, rows(claim));
    }

    @Test
    void tooLargeIs413BeforeReadingWhenDeclaredAndMidStreamOtherwiseLeavingNothing() throws Exception {
        String claim = claim(caseworker);
        long before = blobFiles();
        byte[] big = new byte[MAX + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        HttpResponse<byte[]> declared = upload(caseworker, query(claim, "OTHER", "big.pdf"), big);
        assertEquals(413, declared.statusCode(), new String(declared.body()));
        // no Content-Length: chunked, so the limit bites while streaming
        HttpResponse<byte[]> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL()
                        + "/api/v1/documents?" + query(claim, "OTHER", "big.pdf"))).header("Authorization", "Bearer " + caseworker)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(413, chunked.statusCode(), new String(chunked.body()));
        assertEquals(0, rows(claim));
        assertEquals(before, blobFiles());
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNoRowAndNoBlob() throws Exception {
        String claim = claim(caseworker);
        long before = blobFiles();
        URI uri = URI.create(server.getURL().toString());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/documents?" + query(claim, "OTHER", "cut.pdf") + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + caseworker + "\r\nContent-Type: application/pdf\r\nContent-Length: 900000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(PDF);
            out.write(new byte[200_000]);
            out.flush();
            Thread.sleep(300);
        } // closed with 700,000 bytes missing
        for (int i = 0; i < 50 && blobFiles() != before; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertEquals(0, rows(claim));
        assertEquals(before, blobFiles());
    }

    @Test
    void aBlobThatNoLongerMatchesItsHashIsRefusedAndTheEventAudited() throws Exception {
        String claim = claim(caseworker);
        String id = json(upload(caseworker, query(claim, "COURT_RECORD", "verdict.pdf"), PDF)).get("id").toString();
        Path blob = blobs.resolve(TwoTenants.A).resolve(id);
        byte[] stored = Files.readAllBytes(blob);
        stored[stored.length - 20] ^= 0x01;
        Files.write(blob, stored);
        // a server-side fault, not bad input: 500 with the integrity problem type (docs/problems.md)
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL()
                + "/api/v1/documents/" + id + "/content")).header("Authorization", "Bearer " + caseworker).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(500, refused.statusCode());
        assertTrue(refused.body().contains("/problems/integrity") && refused.body().contains("no longer matches"), refused.body());
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from audit_entry where action = 'document.integrity-failure' and resource_id = '" + id + "'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void deletionKeepsATombstoneAndALegalHoldBlocksIt() throws Exception {
        String claim = claim(caseworker);
        String id = json(upload(caseworker, query(claim, "MEDICAL", "report.pdf"), PDF)).get("id").toString();
        String path = "/api/v1/documents/" + id;
        assertEquals(403, api().send("DELETE", path, caseworker, "{\"reason\": \"mine\"}", Map.of()).status());
        assertEquals(200, api().send("PUT", path + "/legal-hold", supervisor, "{\"hold\": true, \"reason\": \"appeal pending\"}", Map.of()).status());
        assertEquals(409, api().send("DELETE", path, supervisor, "{\"reason\": \"duplicate\"}", Map.of()).status());
        assertEquals(400, api().send("PUT", path + "/legal-hold", supervisor, "{\"hold\": true}", Map.of()).status());
        assertEquals(200, api().send("PUT", path + "/legal-hold", supervisor, "{\"hold\": false}", Map.of()).status());
        ApiClient.Response deleted = api().send("DELETE", path, supervisor, "{\"reason\": \"uploaded twice\"}", Map.of());
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals("DELETED", deleted.json().get("status"));
        assertEquals(sha256(PDF), deleted.json().get("sha256"));
        assertFalse(Files.exists(blobs.resolve(TwoTenants.A).resolve(id)));
        assertEquals(410, api().get(path + "/content", caseworker).status());
        assertEquals("DELETED", api().get(path, caseworker).json().get("status"));

        // the feed's contract test: what this service really wrote is what the contracts say consumers read
        String service = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("svc", List.of("platform-service")).build());
        assertTrue(FeedContract.assertEventsKeepTheirContracts(api().get("/internal/v1/events?after=0&limit=1000", service))
                .containsAll(List.of("document.added", "document.deleted")));
    }

    @Test
    void whenIntakeClosesTheClaimRetentionDeletesTheContentYearsLaterUnlessHeld() throws Exception {
        String claim = claim(caseworker);
        String kept = json(upload(caseworker, query(claim, "IDENTITY", "passport.pdf"), PDF)).get("id").toString();
        String held = json(upload(caseworker, query(claim, "IDENTITY", "passport-2.pdf"), PDF)).get("id").toString();
        api().send("PUT", "/api/v1/documents/" + held + "/legal-hold", supervisor, "{\"hold\": true, \"reason\": \"litigation\"}", Map.of());
        ApiClient intake = new ApiClient(upstream.intake);
        assertEquals(200, intake.post("/api/v1/claims/" + claim + "/actions/lodge", supervisor, "").status());
        // decided as it is in production: assessed, drafted, approved by a second person in the assessment service,
        // whose event intake reads; then closed by a person, with a reason
        ApiClient assessment = new ApiClient(upstream.assessment());
        ApiClient.Response assessed = assessment.post("/api/v1/assessments", supervisor, Map.of("claimId", claim));
        assertEquals(201, assessed.status(), assessed.body());
        ApiClient.Response decision = assessment.post("/api/v1/decisions", caseworker, Map.of("assessmentId", assessed.json().get("id"),
                "outcome", "REJECT", "reasons", "Test: rejected to close the file."));
        assertEquals(201, decision.status(), decision.body());
        assertEquals(200, assessment.post("/api/v1/decisions/" + decision.json().get("id") + "/approve", supervisor, "{}").status());
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!"DECIDED".equals(intake.get("/api/v1/claims/" + claim, supervisor).json().get("status")) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        ApiClient.Response closed = intake.post("/api/v1/claims/" + claim + "/actions/close", supervisor,
                Map.of("reason", "Decision final; file closed."));
        assertEquals(200, closed.status(), closed.body());
        while (retention.readFeed() > 0) {
            // the whole feed, as the scheduled reader does
        }
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), api().get("/api/v1/documents/" + kept, caseworker).json().get("claimClosedOn"));
        assertEquals(0, retention.sweep()); // the pack keeps evidence ten years after closure
        clock.move(Duration.ofDays(366 * 10));
        assertEquals(1, retention.sweep());
        assertEquals("DELETED", api().get("/api/v1/documents/" + kept, caseworker).json().get("status"));
        assertEquals("AVAILABLE", api().get("/api/v1/documents/" + held, caseworker).json().get("status"));
        assertFalse(Files.exists(blobs.resolve(TwoTenants.A).resolve(kept)));
        assertEquals(410, api().get("/api/v1/documents/" + kept + "/content", caseworker).status());
        assertEquals(0, retention.readFeed(), "the cursor moved past what was read");
    }

    /** Issue 11, item 6: evidence of health or religion opens on need to know, or with a stated, recorded reason. */
    @Test
    void medicalAndReligiousEvidenceOpensOnNeedToKnowOrWithAStatedReason() throws Exception {
        String claim = claim(caseworker); // his own draft: assigned to him
        String medical = json(upload(caseworker, query(claim, "MEDICAL", "psychiatric-report.pdf"), PDF)).get("id").toString();
        String summons = json(upload(caseworker, query(claim, "SUMMONS", "summons.pdf"), PDF)).get("id").toString();
        String colleague = TestJwtIssuer.get().token(TwoTenants.A, "cw-other", "caseworker");

        assertEquals(200, api().get("/api/v1/documents/" + medical + "/content", caseworker).status());
        assertEquals(200, api().get("/api/v1/documents/" + medical + "/content", supervisor).status());
        assertEquals(200, api().get("/api/v1/documents/" + summons + "/content", colleague).status(), "not a sensitive category");
        ApiClient.Response refused = api().get("/api/v1/documents/" + medical + "/content", colleague);
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("X-Access-Reason"), refused.body());
        String reason = "Covering the hearing on 12 December";
        ApiClient.Response opened = api().send("GET", "/api/v1/documents/" + medical + "/content", colleague, null,
                Map.of("X-Access-Reason", java.net.URLEncoder.encode(reason, StandardCharsets.UTF_8)));
        assertEquals(200, opened.status(), opened.body());

        try (Connection admin = db.adminConnection(); java.sql.Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select actor, action, outcome, special_decrypted, coalesce(reason, '-') from audit_entry "
                     + "where resource_id = '" + medical + "' and action in ('document.download', 'document.open-special') order by occurred_at")) {
            List<String> entries = new java.util.ArrayList<>();
            while (rs.next()) {
                entries.add(String.join(":", rs.getString(1), rs.getString(2), rs.getString(3), Boolean.toString(rs.getBoolean(4)), rs.getString(5)));
            }
            assertTrue(entries.contains("cw-other:document.download:DENIED:false:-"), entries.toString());
            assertTrue(entries.contains("cw-other:document.open-special:SUCCESS:true:" + reason), entries.toString());
            assertTrue(entries.contains("cw-doc:document.open-special:SUCCESS:true:-"), entries.toString());
        }
        List<Map<String, Object>> breakGlass = api().get("/api/v1/documents-audit/entries", supervisor).jsonList("items");
        assertTrue(breakGlass.stream().anyMatch(e -> reason.equals(e.get("reason"))), breakGlass.toString());
    }

    @Test
    void rolesAndCatalog() throws Exception {
        String claim = claim(caseworker);
        assertEquals(403, upload(TestJwtIssuer.get().token(TwoTenants.A, "an", "analyst"), query(claim, "OTHER", "x.pdf"), PDF).statusCode());
        String integrator = TestJwtIssuer.get().token(TwoTenants.A, "int", "integrator");
        HttpResponse<byte[]> byIntegrator = upload(integrator, query(claim, "OTHER", "from-ngo.pdf"), PDF);
        assertEquals(201, byIntegrator.statusCode(), new String(byIntegrator.body()));
        assertEquals(403, api().get("/api/v1/documents/" + json(byIntegrator).get("id") + "/content", integrator).status());
        try (Connection owner = db.ownerConnection()) {
            // document_tenant and feed_cursor are platform data: tenant ids and feed positions, nothing of a tenant's
            assertEquals(List.of(), new CatalogCheck().allowTable("document_tenant").allowTable("feed_cursor").violations(owner, db.appRole()));
        }
    }
}
