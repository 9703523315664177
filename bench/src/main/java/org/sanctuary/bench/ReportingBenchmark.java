package org.sanctuary.bench;

import org.sanctuary.devstack.LocalIssuer;
import org.sanctuary.devstack.LocalPostgres;
import org.sanctuary.devstack.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 7's budgets: a tenant dashboard (claims by status, first-instance decisions with each person
 * counted once, processing time, backlog) over 1M synthetic claims and 400k decisions in the read
 * models — p50/p95 per request and for the whole dashboard; and the feed catch-up rate, reading real
 * intake events through the real feed. Run with {@code bench/reporting.sh}.
 */
public final class ReportingBenchmark {

    private static final int CLAIMS = Integer.getInteger("bench.claims", 1_000_000);
    private static final int EVENTS = Integer.getInteger("bench.events", 3_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 200);

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sanctuary-reporting-bench");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"), ServiceProcess.freePort());
             LocalIssuer issuer = LocalIssuer.withKey(work.resolve("issuer.json"), ServiceProcess.freePort()).serve()) {
            String key = BenchSupport.masterKey();
            Map<String, Integer> ports = new HashMap<>();
            for (String service : List.of("tenants", "intake", "assessment", "reporting")) {
                postgres.provision(service);
                ports.put(service, ServiceProcess.freePort());
            }
            String tenants = "http://127.0.0.1:" + ports.get("tenants");
            String intake = "http://127.0.0.1:" + ports.get("intake");
            List<ServiceProcess> children = new ArrayList<>();
            for (String service : List.of("tenants", "intake", "assessment", "reporting")) {
                Map<String, String> env = new HashMap<>(ServiceProcess.environment(service, ports.get(service), postgres, issuer, key));
                env.put("SANCTUARY_TENANTS_URL", tenants);
                env.put("SANCTUARY_INTAKE_URL", intake);
                env.put("SANCTUARY_ASSESSMENT_URL", "http://127.0.0.1:" + ports.get("assessment"));
                env.put("SANCTUARY_PLATFORM_TOKEN_URL", issuer.issuer() + "/protocol/openid-connect/token");
                env.put("SANCTUARY_REPORTING_FEED_INTERVAL", "1h"); // the benchmark triggers the reads itself
                children.add(ServiceProcess.start(service, ports.get(service), env, BenchSupport.JVM, false));
            }
            for (ServiceProcess child : children) {
                child.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            }
            String reporting = "http://127.0.0.1:" + ports.get("reporting");
            HttpClient http = HttpClient.newHttpClient();
            String platform = issuer.token(null, "bench-root", List.of("platform-admin"));
            send(http, "POST", tenants + "/api/v1/tenants", platform,
                    "{\"id\":\"bench-tenant\",\"name\":\"Bench\",\"kind\":\"GOVERNMENT\",\"jurisdiction\":\"DE\"}", 201);
            String admin = issuer.token("bench-tenant", "bench-admin", List.of("policy-admin"));
            String pack = Files.readString(ServiceProcess.root().resolve("devstack/src/main/resources/demo-packs/eu-member.json"));
            String draft = send(http, "POST", tenants + "/api/v1/tenants/bench-tenant/policy-packs", admin, pack, 201);
            send(http, "POST", tenants + "/api/v1/tenants/bench-tenant/policy-packs/" + BenchSupport.field(draft, "version") + "/publish", admin,
                    "{\"effectiveFrom\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}", 200);

            // 1. feed catch-up: real claims lodged in intake, read through the real feed
            String caseworker = issuer.token("bench-tenant", "bench-caseworker", List.of("caseworker"));
            String service = issuer.token(null, "bench-reporting", List.of("platform-service"));
            String applicant = BenchSupport.field(send(http, "POST", intake + "/api/v1/applicants", caseworker,
                    "{\"name\":{\"given\":\"Bench\",\"family\":\"Counted\"},\"nationalities\":[{\"country\":\"RU\",\"imposed\":false}],"
                            + "\"birthDate\":\"1990-01-01\",\"sex\":\"MALE\"}", 201), "id");
            for (int i = 0; i < EVENTS / 2; i++) {
                String claim = BenchSupport.field(send(http, "POST", intake + "/api/v1/claims", caseworker, "{\"applicantId\":\"" + applicant
                        + "\",\"military\":{\"status\":\"MOBILISED_RESERVIST\"},\"credibility\":{\"militaryStatus\":\"ACCEPTED\"}}", 201), "id");
                send(http, "POST", intake + "/api/v1/claims/" + claim + "/actions/lodge", caseworker, "", 200); // 2 events
            }
            String first = send(http, "POST", reporting + "/internal/v1/feeds/catch-up", service, "", 200);
            String rebuilt = send(http, "POST", reporting + "/internal/v1/feeds/rebuild", service, "", 200);

            // 2. the dashboard over 1M synthetic claims and 400k decisions, written straight into the read models
            long loadStart = System.nanoTime();
            try (Connection db = postgres.superuser("reporting")) {
                SyntheticReadModels.add(db, "bench-tenant", CLAIMS);
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            // the counts the reports read, derived from those read models as the service would keep them
            String derived = send(http, "POST", reporting + "/internal/v1/feeds/rederive", service, "", 200);
            try (Connection db = postgres.superuser("reporting"); Statement st = db.createStatement()) {
                st.execute("analyze");
            }
            String analyst = issuer.token("bench-tenant", "bench-analyst", List.of("analyst"));
            LocalDate to = LocalDate.now(ZoneOffset.UTC);
            String range = "from=" + to.minusYears(1) + "&to=" + to;
            List<String> dashboard = List.of("/api/v1/reports/claims?" + range + "&period=month&by=status",
                    "/api/v1/reports/decisions?" + range + "&period=month",
                    "/api/v1/reports/processing-time?" + range,
                    "/api/v1/reports/backlog");
            for (int i = 0; i < 20; i++) { // warm-up
                for (String path : dashboard) {
                    send(http, "GET", reporting + path, analyst, null, 200);
                }
            }
            long[][] each = new long[dashboard.size()][ROUNDS];
            long[] whole = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long dashboardStart = System.nanoTime();
                for (int k = 0; k < dashboard.size(); k++) {
                    long start = System.nanoTime();
                    send(http, "GET", reporting + dashboard.get(k), analyst, null, 200);
                    each[k][round] = System.nanoTime() - start;
                }
                whole[round] = System.nanoTime() - dashboardStart;
            }
            for (ServiceProcess child : children) {
                child.stop();
            }
            System.out.printf("%n| measure | value | budget |%n|---|---|---|%n");
            System.out.printf("| feed catch-up: %s events (%d claims lodged in intake) in %s ms | **%.0f events/s** | |%n",
                    BenchSupport.field(first, "events"), EVENTS / 2, BenchSupport.field(first, "millis"),
                    Double.parseDouble(BenchSupport.field(first, "events")) * 1000 / Math.max(1, Double.parseDouble(BenchSupport.field(first, "millis"))));
            System.out.printf("| rebuild from seq 0: %s events in %s ms | %.0f events/s | |%n", BenchSupport.field(rebuilt, "events"),
                    BenchSupport.field(rebuilt, "millis"), Double.parseDouble(BenchSupport.field(rebuilt, "events")) * 1000 / Math.max(1, Double.parseDouble(BenchSupport.field(rebuilt, "millis"))));
            System.out.printf("| synthetic read models: %d claims and their decisions, loaded in | %.1f s | |%n", CLAIMS, loadSeconds);
            System.out.printf("| deriving the report counts from them (`/internal/v1/feeds/rederive`) | %s ms | |%n", BenchSupport.field(derived, "millis"));
            for (int k = 0; k < dashboard.size(); k++) {
                Arrays.sort(each[k]);
                System.out.printf("| `%s` p50 / p95 | %.1f / %.1f ms | |%n", dashboard.get(k).replaceAll("\\?.*", ""),
                        each[k][ROUNDS / 2] / 1e6, each[k][(int) (ROUNDS * 0.95)] / 1e6);
            }
            Arrays.sort(whole);
            System.out.printf("| **whole dashboard (4 requests in turn) p50 / p95** | %.1f / **%.1f ms** | p95 <= 100 ms |%n",
                    whole[ROUNDS / 2] / 1e6, whole[(int) (ROUNDS * 0.95)] / 1e6);
        }
    }

    private static String send(HttpClient http, String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
