package org.sanctuary.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.FreePorts;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract holds (issue 15): every role's work runs through Prism's validating proxy ({@code --errors}), which
 * nobody here wrote, in front of the gateway. Prism checks each request and each answer against the published document
 * ({@code /api/openapi}); any violation fails the step that met it, with Prism's words. At the end, every operation of
 * the document must have been called at least once: the test names those it did not reach.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrismContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PRISM = ServiceProcess.root().resolve("console/node_modules/.bin/prism");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Pattern> operations = new LinkedHashMap<>();
    private final Set<String> reached = new LinkedHashSet<>();
    private Process prism;
    private Path log;
    private String base;

    private String caseworker;
    private String supervisor;
    private String policyAdmin;
    private String analyst;
    private String auditor;
    private String platform;
    private String integrator;

    private String applicant;
    private String claim;
    private String assessment;
    private String decision;
    private String webhook;

    @BeforeAll
    void prismInFrontOfTheGateway() throws Exception {
        SharedStack.ensureRunning();
        assertTrue(Files.isExecutable(PRISM), PRISM + " is missing: npm ci in console/ installs it (the console's build runs it)");
        String document = new ApiClient(DevStack.GATEWAY).get("/api/openapi", null).body();
        JSON.readTree(document).path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                operations.put(method.toUpperCase() + " " + path.getKey(),
                        Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")));
            }
        }));
        Path dir = Files.createDirectories(ServiceProcess.root().resolve("e2e/target/prism"));
        Path spec = Files.writeString(dir.resolve("openapi.json"), document);
        log = dir.resolve("prism.log");
        int port = FreePorts.belowEphemeralRange();
        prism = new ProcessBuilder(PRISM.toString(), "proxy", spec.toString(), DevStack.GATEWAY, "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--errors").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = "http://127.0.0.1:" + port;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("Prism is listening")) {
            assertTrue(prism.isAlive() && System.nanoTime() < until, "Prism did not start: " + Files.readString(log));
            Thread.sleep(200);
        }
        caseworker = LocalKeycloak.token("gov-caseworker", "gov-caseworker");
        supervisor = LocalKeycloak.token("gov-supervisor", "gov-supervisor");
        policyAdmin = LocalKeycloak.token("gov-policy-admin", "gov-policy-admin");
        analyst = LocalKeycloak.token("gov-analyst", "gov-analyst");
        auditor = LocalKeycloak.token("gov-auditor", "gov-auditor");
        platform = LocalKeycloak.token("platform-admin", "platform-admin");
        integrator = LocalKeycloak.clientToken("demo-gov-integrator", "local-demo-only-integrator-secret");
    }

    @AfterAll
    void stopPrism() {
        if (prism != null) {
            prism.destroy();
        }
    }

    record Answer(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String text(String pointer) {
            return json().at(pointer).asText();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(h -> h.getValue().get(0))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + " header"));
        }
    }

    /** One call through Prism: {@code expected} is the status the flow needs; any violation Prism reports fails it. */
    private Answer call(int expected, String token, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        byte[] bytes = body == null || "".equals(body) ? null : body instanceof byte[] raw ? raw
                : (body instanceof String text ? text : ApiClient.json(body)).getBytes(StandardCharsets.UTF_8);
        if (bytes != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String where = path.replaceFirst("\\?.*", "");
        operations.forEach((name, pattern) -> {
            if (name.startsWith(method + " ") && pattern.matcher(where).matches()) {
                reached.add(name);
            }
        });
        String violations = response.headers().firstValue("sl-violations").orElse("");
        assertTrue(violations.isEmpty() && !response.body().contains("stoplight.io/prism/errors"),
                method + " " + path + " → " + response.statusCode() + ", Prism found: " + violations + " " + response.body());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    private Answer get(int expected, String token, String path) {
        return call(expected, token, "GET", path, null, Map.of());
    }

    private Answer post(int expected, String token, String path, Object body) {
        return call(expected, token, "POST", path, body, Map.of());
    }

    @Test
    @Order(0)
    void aPolicyAdministratorSubscribesAWebhook() {
        // nobody listens there: each delivery fails and is retried, which the log shows
        webhook = post(201, policyAdmin, "/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/sanctuary-events",
                "eventTypes", List.of("claim.lodged"), "description", "Registry sync")).text("/subscription/id");
    }

    @Test
    @Order(1)
    void aCaseworkerRegistersRecordsAndLodgesAClaim() {
        Map<String, Object> person = Map.of("name", Map.of("given", "Илья", "family", "Контрактов"),
                "nationalities", List.of(Map.of("country", "RU", "imposed", false)), "birthDate", "1995-03-14", "sex", "MALE",
                "regionOfOrigin", Map.of("country", "RU", "region", "Moscow"));
        Answer registered = call(201, caseworker, "POST", "/api/v1/applicants", person, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        applicant = registered.text("/id");
        Answer read = get(200, caseworker, "/api/v1/applicants/" + applicant);
        Map<String, Object> renamed = new LinkedHashMap<>(person);
        renamed.put("name", Map.of("given", "Илья", "family", "Контрактов-Белов"));
        call(200, caseworker, "PUT", "/api/v1/applicants/" + applicant, renamed, Map.of("If-Match", read.header("ETag")));
        get(200, caseworker, "/api/v1/applicants?limit=5");
        get(200, caseworker, "/api/v1/applicants/latin-reading?given=%D0%98%D0%BB%D1%8C%D1%8F&family=%D0%91%D0%B5%D0%BB%D0%BE%D0%B2&nationality=RU&nationality=BY");
        get(200, caseworker, "/api/v1/duplicates?applicantId=" + applicant);

        Map<String, Object> military = Map.of("status", "MOBILISED_RESERVIST", "recruitingActor", "STATE", "recruitingCountry", "RU",
                "callUp", Map.of("received", true, "date", "2022-10-03", "channel", "IN_PERSON", "punitive", false));
        Map<String, Object> request = Map.of("applicantId", applicant, "military", military,
                "credibility", Map.of("militaryStatus", "ACCEPTED", "callUp", "ACCEPTED"));
        claim = call(201, caseworker, "POST", "/api/v1/claims", request, Map.of("Idempotency-Key", UUID.randomUUID().toString())).text("/id");
        Answer draft = get(200, caseworker, "/api/v1/claims/" + claim);
        call(200, caseworker, "PUT", "/api/v1/claims/" + claim, request, Map.of("If-Match", draft.header("ETag")));
        post(200, caseworker, "/api/v1/claims/" + claim + "/actions/lodge", Map.of());
        get(200, caseworker, "/api/v1/claims?limit=5&sort=deadline");
        get(200, caseworker, "/api/v1/claims/" + claim + "/facts");
        post(201, caseworker, "/api/v1/claims/" + claim + "/notes", Map.of("text", "He brought the summons of 3 October 2022."));
        get(200, caseworker, "/api/v1/claims/" + claim + "/notes");
        get(200, caseworker, "/api/v1/tenancy");
        get(200, caseworker, "/api/v1/policy");
    }

    @Test
    @Order(2)
    void theCaseworkerAddsEvidenceAssessesAndProposesADecision() {
        byte[] pdf = "%PDF-1.4\n% повестка\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String document = call(201, caseworker, "POST", "/api/v1/documents?claimId=" + claim + "&category=SUMMONS&filename=summons.pdf",
                pdf, Map.of("Content-Type", "application/pdf")).text("/id");
        get(200, caseworker, "/api/v1/documents?claimId=" + claim);
        get(200, caseworker, "/api/v1/documents/" + document);
        get(200, caseworker, "/api/v1/documents/" + document + "/content");
        call(200, supervisor, "PUT", "/api/v1/documents/" + document + "/legal-hold", Map.of("hold", true, "reason", "Appeal expected"), Map.of());
        call(200, supervisor, "PUT", "/api/v1/documents/" + document + "/legal-hold", Map.of("hold", false), Map.of());
        call(200, supervisor, "DELETE", "/api/v1/documents/" + document, Map.of("reason", "Uploaded to the wrong claim"), Map.of());

        assessment = post(201, caseworker, "/api/v1/assessments", Map.of("claimId", claim)).text("/id");
        get(200, caseworker, "/api/v1/assessments/" + assessment);
        call(200, caseworker, "GET", "/api/v1/assessments?claimId=" + claim, null, Map.of("Accept-Language", "de"));
        post(200, caseworker, "/api/v1/assessments/simulate", Map.of("facts", Map.of(
                "applicant", Map.of("nationalities", List.of("UA"), "age", 30),
                "military", Map.of("status", "SUMMONED_NON_REPORTER", "recruitingActor", "STATE", "recruitingCountry", "UA"))));
        decision = post(201, caseworker, "/api/v1/decisions", Map.of("assessmentId", assessment, "outcome", "REFUGEE_STATUS")).text("/id");
        get(200, caseworker, "/api/v1/decisions?claimId=" + claim);
        get(200, caseworker, "/api/v1/decisions/" + decision);
    }

    @Test
    @Order(3)
    void aSupervisorReturnsThenApprovesAndTheCaseworkerLodgesTheAppeal() {
        get(200, supervisor, "/api/v1/claims/workload");
        Answer current = get(200, supervisor, "/api/v1/claims/" + claim);
        call(200, supervisor, "PUT", "/api/v1/claims/" + claim + "/assignee", Map.of("caseworker", "gov-caseworker"),
                Map.of("If-Match", current.header("ETag")));
        post(200, supervisor, "/api/v1/decisions/" + decision + "/return", Map.of("comments", "Cite the COI on punishment."));
        decision = post(201, caseworker, "/api/v1/decisions", Map.of("assessmentId", assessment, "outcome", "REFUGEE_STATUS")).text("/id");
        post(200, supervisor, "/api/v1/decisions/" + decision + "/approve", Map.of("comments", "Agreed."));
        post(201, supervisor, "/api/v1/decisions/" + decision + "/notices", Map.of("language", "uk"));
        post(201, caseworker, "/api/v1/decisions/" + decision + "/appeals", Map.of("grounds", "The applicant appeals the date of effect."));
    }

    @Test
    @Order(4)
    void anIntegratorRegistersAndReads() {
        String registered = post(201, integrator, "/api/v1/applicants", Map.of("name", Map.of("given", "Олена", "family", "Реєстрова"),
                "nationalities", List.of(Map.of("country", "UA", "imposed", false)), "sex", "FEMALE")).text("/id");
        post(201, integrator, "/api/v1/claims", Map.of("applicantId", registered, "military", Map.of("status", "OBJECTOR_ABSOLUTE")));
        get(200, integrator, "/api/v1/claims?applicantId=" + registered);
    }

    @Test
    @Order(5)
    void aPolicyAdministratorDraftsTriesAndPublishesAPackAndManagesApiClients() throws IOException {
        String packs = "/api/v1/tenants/demo-gov/policy-packs";
        get(200, policyAdmin, "/api/v1/policy/schema");
        get(200, policyAdmin, packs);
        String pack = Casework.demoPack();
        String version = post(201, policyAdmin, packs, pack).text("/version");
        get(200, policyAdmin, packs + "/" + version);
        call(200, policyAdmin, "PUT", packs + "/" + version, pack, Map.of());
        get(200, policyAdmin, packs + "/1/diff?to=" + version);
        post(200, policyAdmin, packs + "/" + version + "/sample-cases", "");
        post(200, policyAdmin, "/api/v1/assessments/impact", Map.of("version", Integer.parseInt(version)));
        post(200, policyAdmin, "/api/v1/assessments/simulate", Map.of("facts", Map.of("military", Map.of("status", "OBJECTOR_ABSOLUTE"))));
        post(200, policyAdmin, packs + "/" + version + "/publish",
                Map.of("effectiveFrom", LocalDate.now(ZoneOffset.UTC).plusYears(5).toString()));

        String hooks = "/api/v1/webhooks/" + webhook;
        get(200, policyAdmin, "/api/v1/webhooks");
        get(200, policyAdmin, hooks);
        String delivery = null;
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); delivery == null && System.nanoTime() < until; ) {
            JsonNode log = get(200, policyAdmin, hooks + "/deliveries?limit=10").json();
            delivery = log.isEmpty() ? null : log.get(0).path("id").asText();
            sleep(500);
        }
        assertTrue(delivery != null, "the lodged claim's event was queued for the webhook within 60 s");
        post(202, policyAdmin, hooks + "/deliveries/" + delivery + "/redeliver", "");
        post(200, policyAdmin, hooks + "/rotate", "");
        post(200, policyAdmin, hooks + "/enable", "");
        call(204, policyAdmin, "DELETE", hooks, null, Map.of());

        String clients = "/api/v1/tenants/demo-gov/api-clients";
        String name = "prism-" + UUID.randomUUID().toString().substring(0, 8);
        String client = post(201, policyAdmin, clients, Map.of("name", name)).text("/clientId");
        get(200, policyAdmin, clients);
        post(200, policyAdmin, clients + "/" + client + "/rotate", "");
        call(204, policyAdmin, "DELETE", clients + "/" + client, null, Map.of());
    }

    @Test
    @Order(6)
    void anAnalystReadsEveryReport() {
        String year = Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
        String range = "from=" + year + "-01-01&to=" + year + "-12-31";
        get(200, analyst, "/api/v1/reports/backlog");
        get(200, analyst, "/api/v1/reports/claims?" + range + "&period=month&by=nationality");
        get(200, analyst, "/api/v1/reports/decisions?" + range + "&period=year&stage=FIRST_INSTANCE");
        get(200, analyst, "/api/v1/reports/documents?" + range + "&period=quarter");
        get(200, analyst, "/api/v1/reports/processing-time?" + range);
        get(200, analyst, "/api/v1/reports/rules?" + range);
    }

    @Test
    @Order(7)
    void anAuditorReadsAndVerifiesEveryChain() {
        for (String service : List.of("intake", "assessment", "documents", "reporting", "tenants")) {
            get(200, auditor, "/api/v1/" + service + "-audit/entries?limit=20");
            get(200, auditor, "/api/v1/" + service + "-audit/verification");
        }
    }

    @Test
    @Order(8)
    void thePlatformAdministratorOnboardsSuspendsAndOffboardsATenant() {
        get(200, platform, "/api/v1/reports/platform?year=" + LocalDate.now(ZoneOffset.UTC).getYear());
        String id = "prism-" + UUID.randomUUID().toString().substring(0, 8);
        post(201, platform, "/api/v1/tenants", Map.of("id", id, "name", "Prism Agency " + id, "kind", "NGO", "jurisdiction", "DE",
                "adminEmail", id + "@agency.example"));
        get(200, platform, "/api/v1/tenants");
        get(200, platform, "/api/v1/tenants/" + id);
        post(200, platform, "/api/v1/tenants/" + id + "/provision", "");
        post(200, platform, "/api/v1/tenants/" + id + "/suspend", "");
        post(200, platform, "/api/v1/tenants/" + id + "/reactivate", "");
        post(200, platform, "/api/v1/tenants/" + id + "/offboard", "");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(100)
    void everyOperationOfTheDocumentWasReached() {
        List<String> missed = new ArrayList<>(operations.keySet());
        missed.removeAll(reached);
        assertEquals(List.of(), missed, "operations of /api/openapi that the walk through Prism never called");
    }
}
