package org.sanctuary.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;

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
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, decision notices, through the gateway with real tokens: the notice of an approved decision in English,
 * Russian and Ukrainian (and German and French), stored by the assessment service in the real documents service as a
 * document of the claim, read back, checked as PDF/A-1b by PDFBox's preflight and its text extracted with poppler's
 * {@code pdftotext} (Debian's poppler-utils, which .ci/run installs); refused for a pending decision, another
 * organization and a role that may not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesTest {

    private final ApiClient gateway = new ApiClient(DevStack.GATEWAY);
    private String caseworker;
    private String supervisor;

    @BeforeAll
    void platform() throws Exception {
        SharedStack.ensureRunning();
        caseworker = LocalKeycloak.token("gov-caseworker", "gov-caseworker");
        supervisor = LocalKeycloak.token("gov-supervisor", "gov-supervisor");
    }

    /** A claim lodged, assessed, decided as the engine recommends and approved by another; its decision's answer. */
    private Map<String, Object> approvedDecision() {
        Casework.Lodged lodged = Casework.lodgedClaim(gateway, caseworker, "Илья", "Уведомлённый", "MOBILISED_RESERVIST");
        ApiClient.Response assessed = gateway.post("/api/v1/assessments", caseworker, Map.of("claimId", lodged.claimId()));
        assertEquals(201, assessed.status(), assessed.body());
        String recommendation = (String) ((Map<?, ?>) assessed.json().get("result")).get("recommendation");
        String outcome = recommendation.equals("REFER_EXCLUSION") ? "EXCLUDED" : recommendation;
        ApiClient.Response drafted = gateway.post("/api/v1/decisions", caseworker, Map.of("assessmentId", assessed.json().get("id"),
                "outcome", outcome));
        assertEquals(201, drafted.status(), drafted.body());
        ApiClient.Response approved = gateway.post("/api/v1/decisions/" + drafted.json().get("id") + "/approve", supervisor, "{}");
        assertEquals(200, approved.status(), approved.body());
        return approved.json();
    }

    @Test
    void anApprovedDecisionsNoticeIsAStoredPdfAInTheApplicantsLanguage() throws Exception {
        Map<String, Object> decision = approvedDecision();
        // a mobilised reservist recorded by his status only: too little to recognize him, and the notice says how to appeal
        assertEquals("REJECT", decision.get("outcome"));
        LocalDate deadline = LocalDate.parse((String) decision.get("appealDeadline"));
        Map<String, List<String>> expected = Map.of(
                "en", List.of("Decision on your application for international protection",
                        "Your application for international protection is rejected.", "Илья Уведомлённый", "Legal bases", "How to appeal"),
                "ru", List.of("Решение по вашему ходатайству о международной защите", "Принято решение об отказе в предоставлении защиты.",
                        "Правовые основания", "Как обжаловать решение"),
                "uk", List.of("Рішення щодо вашої заяви про міжнародний захист", "Ухвалено рішення про відмову в наданні захисту.",
                        "Правові підстави", "Як оскаржити рішення"),
                "de", List.of("Ihr Antrag auf internationalen Schutz wird abgelehnt", "Rechtsbehelfsbelehrung"),
                "fr", List.of("Votre demande de protection internationale fait l’objet d’un rejet.", "Comment former un recours"));
        for (Map.Entry<String, List<String>> language : expected.entrySet()) {
            ApiClient.Response notice = gateway.post("/api/v1/decisions/" + decision.get("id") + "/notices", supervisor,
                    Map.of("language", language.getKey()));
            assertEquals(201, notice.status(), notice.body());
            String document = (String) notice.json().get("documentId");
            assertEquals("/api/v1/documents/" + document, notice.header("Location").orElseThrow());

            ApiClient.Response stored = gateway.get("/api/v1/documents/" + document, supervisor);
            assertEquals(200, stored.status(), stored.body());
            assertEquals("DECISION_NOTICE", stored.json().get("category"));
            assertEquals(decision.get("claimId"), stored.json().get("claimId"));
            byte[] pdf = content(document);
            assertEquals(stored.json().get("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));

            String text = inspect(pdf, language.getKey());
            for (String words : language.getValue()) {
                assertTrue(text.contains(words), language.getKey() + ": \"" + words + "\" not in\n" + text);
            }
            String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language.getKey()))
                    .format(deadline).replaceAll("\\s+", " ");
            assertTrue(text.contains(date), language.getKey() + ": the appeal deadline " + date + " not in\n" + text);
        }
    }

    @Test
    void onlyAnApprovedDecisionOfOnesOwnOrganizationHasANoticeAndOnlyForCasework() throws Exception {
        Casework.Lodged lodged = Casework.lodgedClaim(gateway, caseworker, "Ожидающий", "Решения", "MOBILISED_RESERVIST");
        ApiClient.Response assessed = gateway.post("/api/v1/assessments", caseworker, Map.of("claimId", lodged.claimId()));
        String recommendation = (String) ((Map<?, ?>) assessed.json().get("result")).get("recommendation");
        ApiClient.Response pending = gateway.post("/api/v1/decisions", caseworker, Map.of("assessmentId", assessed.json().get("id"),
                "outcome", recommendation.equals("REFER_EXCLUSION") ? "EXCLUDED" : recommendation));
        assertEquals(201, pending.status(), pending.body());
        String notices = "/api/v1/decisions/" + pending.json().get("id") + "/notices";
        assertEquals(409, gateway.post(notices, supervisor, Map.of("language", "ru")).status());
        assertEquals(400, gateway.post(notices, supervisor, Map.of("language", "xx")).status());
        assertEquals(404, gateway.post(notices, LocalKeycloak.token("ngo-caseworker", "ngo-caseworker"), Map.of("language", "ru")).status());
        assertEquals(403, gateway.post(notices, LocalKeycloak.token("gov-analyst", "gov-analyst"), Map.of("language", "ru")).status());
    }

    private byte[] content(String document) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(DevStack.GATEWAY + "/api/v1/documents/" + document + "/content"))
                .header("Authorization", "Bearer " + supervisor).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    /** PDF/A-1b by PDFBox's own validator, the language in its catalogue; the text poppler's pdftotext extracts. */
    private static String inspect(byte[] pdf, String language) throws IOException, InterruptedException {
        Path file = Files.createTempFile("notice", ".pdf");
        try {
            Files.write(file, pdf);
            ValidationResult result = PreflightParser.validate(file.toFile());
            assertTrue(result.isValid(), language + ": not PDF/A-1b: " + result.getErrorsList().stream()
                    .map(e -> e.getErrorCode() + " " + e.getDetails()).toList());
            try (var document = Loader.loadPDF(pdf)) {
                assertEquals(language, document.getDocumentCatalog().getLanguage());
            }
            Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), "pdftotext (poppler-utils): " + text);
            return text.replaceAll("\\s+", " ");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
