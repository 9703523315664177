package org.sanctuary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sanctuary.devstack.LocalIssuer;
import org.sanctuary.devstack.LocalPostgres;
import org.sanctuary.devstack.ServiceProcess;

import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The impact budget of issue 13: {@code POST /api/v1/assessments/impact} over 10,000 open claims in at most 5 s. Tenants,
 * intake and assessment run as deployed (their jars, one embedded PostgreSQL, tokens from a local issuer); a tenant
 * with the EU pack in force and a draft without its COI on Russia; {@code bench.claims} lodged claims created through
 * intake's API (applicants with special-category data, so every page is decrypted as in production). Measured in the
 * same run: the impact, and intake's facts pages read alone (what the engine adds is the difference), in interleaved
 * rounds, median and range.
 *
 * <p>Run with {@code bench/impact.sh}; the results go to stdout as a Markdown table.
 */
public final class ImpactBenchmark {

    private static final int CLAIMS = Integer.getInteger("bench.claims", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int CLIENTS = Integer.getInteger("bench.concurrency", 8);
    private static final String TENANT = "bench-impact";

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sanctuary-bench");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"), ServiceProcess.freePort());
             LocalIssuer issuer = LocalIssuer.withKey(work.resolve("issuer.json"), ServiceProcess.freePort()).serve()) {
            String key = BenchSupport.masterKey();
            for (String db : List.of("tenants", "intake", "assessment")) {
                postgres.provision(db);
            }
            int tenantsPort = ServiceProcess.freePort();
            int intakePort = ServiceProcess.freePort();
            int assessmentPort = ServiceProcess.freePort();
            String tenantsUrl = "http://127.0.0.1:" + tenantsPort;
            String intakeUrl = "http://127.0.0.1:" + intakePort;
            String assessmentUrl = "http://127.0.0.1:" + assessmentPort;
            ServiceProcess tenants = ServiceProcess.start("tenants", tenantsPort,
                    ServiceProcess.environment("tenants", tenantsPort, postgres, issuer, key), BenchSupport.JVM, false);
            Map<String, String> intakeEnv = new HashMap<>(ServiceProcess.environment("intake", intakePort, postgres, issuer, key));
            intakeEnv.put("SANCTUARY_TENANTS_URL", tenantsUrl);
            intakeEnv.put("SANCTUARY_ASSESSMENT_URL", assessmentUrl);
            ServiceProcess intake = ServiceProcess.start("intake", intakePort, intakeEnv, BenchSupport.JVM, false);
            Map<String, String> assessmentEnv = new HashMap<>(ServiceProcess.environment("assessment", assessmentPort, postgres, issuer, key));
            assessmentEnv.put("SANCTUARY_TENANTS_URL", tenantsUrl);
            assessmentEnv.put("SANCTUARY_INTAKE_URL", intakeUrl);
            List<String> assessmentJvm = new ArrayList<>(BenchSupport.JVM);
            if (System.getProperty("bench.assessment.jfr") != null) { // a profile of the assessment service, for looking into it
                assessmentJvm.add("-XX:FlightRecorderOptions=stackdepth=256");
                assessmentJvm.add("-XX:StartFlightRecording=filename=" + System.getProperty("bench.assessment.jfr") + ",settings=profile");
            }
            ServiceProcess assessment = ServiceProcess.start("assessment", assessmentPort, assessmentEnv, assessmentJvm, false);
            try {
                measure(issuer, tenants, intake, assessment);
            } finally {
                for (ServiceProcess service : List.of(tenants, intake, assessment)) {
                    service.stop();
                }
            }
        }
    }

    private static void measure(LocalIssuer issuer, ServiceProcess tenants, ServiceProcess intake,
                                ServiceProcess assessment) throws Exception {
        for (ServiceProcess service : List.of(tenants, intake, assessment)) {
            service.awaitHealthy(Duration.ofSeconds(120), Duration.ofMillis(50));
        }
        String tenantsUrl = tenants.baseUrl();
        String intakeUrl = intake.baseUrl();
        String assessmentUrl = assessment.baseUrl();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String platform = issuer.token(null, "bench-root", List.of("platform-admin"));
        String admin = issuer.token(TENANT, "bench-policy-admin", List.of("policy-admin"));
        String caseworker = issuer.token(TENANT, "bench-caseworker", List.of("caseworker"));
        send(http, post(tenantsUrl + "/api/v1/tenants", platform,
                "{\"id\":\"" + TENANT + "\",\"name\":\"Bench\",\"kind\":\"GOVERNMENT\",\"jurisdiction\":\"DE\"}"), 201);
        ObjectNode eu = (ObjectNode) EngineBenchmark.JSON.readTree(EngineBenchmark.suite().resolve("packs/eu-member.json").toFile());
        send(http, post(tenantsUrl + "/api/v1/tenants/" + TENANT + "/policy-packs", admin, eu.toString()), 201);
        send(http, post(tenantsUrl + "/api/v1/tenants/" + TENANT + "/policy-packs/1/publish", admin,
                "{\"effectiveFrom\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}"), 200);
        ((ObjectNode) eu.get("coi")).remove("RU");
        send(http, post(tenantsUrl + "/api/v1/tenants/" + TENANT + "/policy-packs", admin, eu.toString()), 201);

        long seeding = System.nanoTime();
        seed(http, intakeUrl, caseworker, CLAIMS);
        System.out.printf("seeded %,d lodged claims through intake's API in %.0f s%n", CLAIMS, (System.nanoTime() - seeding) / 1e9);

        String impactBody = "{\"version\":2}";
        JsonNode result = EngineBenchmark.JSON.readTree(send(http, post(assessmentUrl + "/api/v1/assessments/impact", admin, impactBody), 200));
        readFacts(http, intakeUrl, admin); // warm-up of both paths, not counted
        double[] impact = new double[ROUNDS];
        double[] facts = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) { // interleaved: drift hits both alike
            long start = System.nanoTime();
            result = EngineBenchmark.JSON.readTree(send(http, post(assessmentUrl + "/api/v1/assessments/impact", admin, impactBody), 200));
            impact[round] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            int read = readFacts(http, intakeUrl, admin);
            facts[round] = (System.nanoTime() - start) / 1e6;
            if (read != CLAIMS) {
                throw new IllegalStateException("read " + read + " open claims, expected " + CLAIMS);
            }
        }
        if (System.getProperty("bench.assessment.jfr") != null) {
            new ProcessBuilder("jcmd", Long.toString(assessment.pid()), "JFR.dump", "filename=" + System.getProperty("bench.assessment.jfr"))
                    .inheritIO().start().waitFor();
        }
        if (result.get("claims").asInt() != CLAIMS) {
            throw new IllegalStateException("the impact assessed " + result.get("claims") + " claims, expected " + CLAIMS);
        }
        Arrays.sort(impact);
        Arrays.sort(facts);
        double impactMedian = impact[ROUNDS / 2];
        double factsMedian = facts[ROUNDS / 2];
        System.out.printf("%n| measure (%,d open claims, %d rounds) | median (min – max) | budget |%n|---|---|---|%n", CLAIMS, ROUNDS);
        System.out.printf("| **POST /api/v1/assessments/impact** (facts read, 2 engine runs per claim, compared) | **%.0f ms** (%.0f – %.0f) | <= 5000 ms |%n",
                impactMedian, impact[0], impact[ROUNDS - 1]);
        System.out.printf("| intake's open facts pages read alone (GET /internal/v1/claims/open-facts, pages of 500, audited) | %.0f ms (%.0f – %.0f) | |%n",
                factsMedian, facts[0], facts[ROUNDS - 1]);
        System.out.printf("| share of the impact spent reading the facts | %.0f%% | |%n", 100 * factsMedian / impactMedian);
        System.out.printf("| recommendations changed / findings only changed | %,d / %,d | |%n",
                result.get("recommendationsChanged").asInt(), result.get("findingsChanged").asInt());
        System.out.printf("| assessment RSS after the rounds | %d MB | |%n", assessment.rssBytes() >> 20);
        System.out.printf("| service JVM options | `%s` | |%n", String.join(" ", BenchSupport.JVM));
    }

    /** Every open claim's facts, page by page, as the impact reads them; how many were read. */
    private static int readFacts(HttpClient http, String intake, String token) throws Exception {
        int read = 0;
        String cursor = null;
        do {
            String url = intake + "/internal/v1/claims/open-facts" + (cursor == null ? "" : "?cursor=" + cursor);
            JsonNode page = EngineBenchmark.JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Access-Reason", URLEncoder.encode("benchmark of the facts read alone", StandardCharsets.UTF_8)).build(), 200));
            read += page.get("items").size();
            cursor = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (cursor != null);
        return read;
    }

    /** Four kinds of claim in turn, so the pages and the engine see the mix of a real caseload. */
    private static final List<String> MILITARY = List.of(
            "{\"status\":\"MOBILISED_RESERVIST\",\"recruitingActor\":\"STATE\",\"recruitingCountry\":\"RU\",\"callUp\":{\"received\":true,\"date\":\"2022-10-03\",\"channel\":\"IN_PERSON\",\"punitive\":false},\"served\":false,\"deserted\":false}",
            "{\"status\":\"DESERTER\",\"recruitingActor\":\"STATE\",\"recruitingCountry\":\"RU\",\"served\":true,\"deserted\":true}",
            "{\"status\":\"OBJECTOR_ABSOLUTE\",\"recruitingActor\":\"STATE\",\"recruitingCountry\":\"RU\",\"objection\":{\"held\":true,\"kind\":\"ABSOLUTE\",\"basis\":\"RELIGIOUS\",\"procedureUsed\":false},\"served\":false,\"deserted\":false}",
            "{\"status\":\"SUMMONED_NON_REPORTER\",\"recruitingActor\":\"STATE\",\"recruitingCountry\":\"UA\",\"callUp\":{\"received\":true,\"punitive\":false},\"served\":false,\"deserted\":false}");

    private static void seed(HttpClient http, String intake, String token, int claims) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < CLIENTS; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < claims; i = next.getAndIncrement()) {
                    int kind = i % MILITARY.size();
                    String country = kind == 3 ? "UA" : "RU";
                    String applicant = send(http, post(intake + "/api/v1/applicants", token, "{\"name\":{\"given\":\"Иван\",\"family\":\"Импактов"
                            + i + "\"},\"nationalities\":[{\"country\":\"" + country + "\",\"imposed\":false}],\"birthDate\":\"1990-01-01\","
                            + "\"sex\":\"MALE\",\"regionOfOrigin\":{\"country\":\"" + country + "\",\"region\":\"" + (kind == 3 ? "Kyiv" : "Moscow")
                            + "\"},\"special\":{\"religion\":\"" + (kind == 2 ? "Jehovah’s Witness" : "Orthodox") + "\",\"ethnicMinority\":"
                            + (i % 5 == 0) + ",\"politicalActivity\":[" + (i % 7 == 0 ? "\"anti-war protest\"" : "") + "]}}"), 201);
                    String claim = send(http, post(intake + "/api/v1/claims", token, "{\"applicantId\":\"" + id(applicant) + "\",\"military\":"
                            + MILITARY.get(kind) + ",\"credibility\":{\"militaryStatus\":\"ACCEPTED\"}}"), 201);
                    send(http, post(intake + "/api/v1/claims/" + id(claim) + "/actions/lodge", token, ""), 200);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    private static String id(String json) {
        return json.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private static HttpRequest post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
