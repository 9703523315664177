package org.sanctuary.assessment;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/**
 * Issue 18, decision notices: the notice of an approved decision, produced in the applicant's language, stored as a
 * document of the claim in the real documents service, read back and its text extracted with poppler's
 * {@code pdftotext} (Debian's poppler-utils, which .ci/run installs), and checked as PDF/A-1b by PDFBox's preflight.
 */
class NoticeApiTest extends AssessmentApiTest {

    private final String caseworker = token(TwoTenants.A, "cw-nina", "caseworker");
    private final String supervisor = token(TwoTenants.A, "sv-olga", "supervisor");
    private final String approver = token(TwoTenants.A, "sv-pavel", "supervisor");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("sanctuary.documents.url", upstream.documents());
        return properties;
    }

    /** A lodged claim assessed, decided as recommended (refugee status) and approved; the decision's id. */
    private String approvedDecision(String claim) {
        String assessment = api().post("/api/v1/assessments", caseworker, Map.of("claimId", claim)).json().get("id").toString();
        ApiClient.Response drafted = api().post("/api/v1/decisions", caseworker, Map.of("assessmentId", assessment, "outcome", "REFUGEE_STATUS"));
        assertEquals(201, drafted.status(), drafted.body());
        String decision = drafted.json().get("id").toString();
        ApiClient.Response approved = api().post("/api/v1/decisions/" + decision + "/approve", approver, "{}");
        assertEquals(200, approved.status(), approved.body());
        return decision;
    }

    @Test
    void anApprovedDecisionsNoticeIsAStoredPdfInTheApplicantsLanguage() throws Exception {
        String claim = lodgedClaim(caseworker);
        String decision = approvedDecision(claim);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, List<String>> expected = Map.of(
                "en", List.of("Decision on your application for international protection", "You are granted refugee status.",
                        "Илья Смирнов", "How to appeal", "GIP10"),
                "ru", List.of("Решение по вашему ходатайству о международной защите", "Вам предоставлен статус беженца.",
                        "Как обжаловать решение", "Правовые основания"),
                "uk", List.of("Рішення щодо вашої заяви про міжнародний захист", "статус біженця", "Як оскаржити рішення",
                        "Правові підстави"),
                "de", List.of("Ihnen wird die Flüchtlingseigenschaft zuerkannt.", "Rechtsbehelfsbelehrung"),
                "fr", List.of("Le statut de réfugié vous est reconnu.", "Comment former un recours"));
        for (Map.Entry<String, List<String>> language : expected.entrySet()) {
            ApiClient.Response notice = api().post("/api/v1/decisions/" + decision + "/notices", supervisor,
                    Map.of("language", language.getKey()));
            assertEquals(201, notice.status(), notice.body());
            String document = notice.json().get("documentId").toString();
            assertEquals("/api/v1/documents/" + document, notice.header("Location").orElseThrow());

            ApiClient.Response stored = new ApiClient(upstream.documents()).get("/api/v1/documents/" + document, supervisor);
            assertEquals(200, stored.status(), stored.body());
            assertEquals("DECISION_NOTICE", stored.json().get("category"));
            assertEquals(claim, stored.json().get("claimId"));
            assertEquals("application/pdf", stored.json().get("contentType"));

            byte[] pdf = content(document, supervisor);
            assertEquals(stored.json().get("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
            assertPdfA(pdf, language.getKey());
            String text = pdftotext(pdf);
            for (String words : language.getValue()) {
                assertTrue(text.replaceAll("\\s+", " ").contains(words), language.getKey() + ": \"" + words + "\" not in\n" + text);
            }
            String deadline = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language.getKey()))
                    .format(today.plusDays(14));
            assertTrue(text.replaceAll("\\s+", " ").contains(deadline.replaceAll("\\s+", " ")), language.getKey() + ": the deadline "
                    + deadline + " not in\n" + text);
        }
        try (java.sql.Connection admin = db.adminConnection(); java.sql.Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select count(*) from audit_entry where action = 'decision.notice' and resource_id = '"
                     + decision + "' and outcome = 'SUCCESS'")) {
            rs.next();
            assertEquals(expected.size(), rs.getInt(1), "each notice's issue is audited");
        }
    }

    @Test
    void onlyAnApprovedDecisionHasANoticeAndOnlyInItsTenant() {
        String claim = lodgedClaim(caseworker);
        String assessment = api().post("/api/v1/assessments", caseworker, Map.of("claimId", claim)).json().get("id").toString();
        String pending = api().post("/api/v1/decisions", caseworker, Map.of("assessmentId", assessment, "outcome", "REFUGEE_STATUS"))
                .json().get("id").toString();
        assertProblem(api().post("/api/v1/decisions/" + pending + "/notices", supervisor, Map.of("language", "ru")), 409);
        assertProblem(api().post("/api/v1/decisions/" + pending + "/notices", supervisor, Map.of("language", "xx")), 400);
        assertProblem(api().post("/api/v1/decisions/" + pending + "/notices", token(TwoTenants.B, "sv-b", "supervisor"),
                Map.of("language", "ru")), 404);
        assertProblem(api().post("/api/v1/decisions/" + pending + "/notices", token(TwoTenants.A, "an-a", "analyst"),
                Map.of("language", "ru")), 403);
    }

    private byte[] content(String document, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(upstream.documents() + "/api/v1/documents/" + document + "/content"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    /** PDF/A-1b by PDFBox's own validator, and the document's language as asked. */
    private static void assertPdfA(byte[] pdf, String language) throws IOException {
        Path file = Files.createTempFile("notice", ".pdf");
        ValidationResult result;
        try {
            Files.write(file, pdf);
            result = PreflightParser.validate(file.toFile());
        } finally {
            Files.deleteIfExists(file);
        }
        assertTrue(result.isValid(), language + ": not PDF/A-1b: " + result.getErrorsList().stream()
                .map(e -> e.getErrorCode() + " " + e.getDetails()).toList());
        try (var document = Loader.loadPDF(pdf)) {
            assertEquals(language, document.getDocumentCatalog().getLanguage());
        }
    }

    /** The text poppler's pdftotext extracts, as a reader's tools would see it. */
    private static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("notice", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), "pdftotext (poppler-utils): " + text);
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
