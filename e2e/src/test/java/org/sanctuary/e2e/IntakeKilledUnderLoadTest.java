package org.sanctuary.e2e;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, the first fault: the intake process is killed with SIGKILL while 8 clients record and lodge claims
 * as fast as they can (until 5,000 requests were acknowledged), and started again. Every request that got a 2xx is in the database, every acknowledged
 * lodging is in the feed exactly once, a claim is LODGED exactly when its {@code claim.lodged} event exists (never
 * one without the other), a consumer paging the feed sees every event the database holds, and a real reporting
 * service reading the feed throughout (across the kill) counts exactly what the source holds.
 */
class IntakeKilledUnderLoadTest {

    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED = 5_000;
    private static final String TENANT = "crash-tenant";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String caseworker = TestJwtIssuer.get().token(TENANT, "cw-crash", "caseworker");
    private final AtomicReference<String> base = new AtomicReference<>();

    @Test
    void nothingAcknowledgedIsLostAndTheFeedMatchesTheDatabase() throws Exception {
        ServiceDatabase db = ServiceDatabase.create("intake");
        Map<String, String> env = new HashMap<>(ServiceProcess.environment("intake", ServiceProcess.freePort(), db.url(),
                db.password(), TestJwtIssuer.get().jwksUrl(), TestJwtIssuer.ISSUER, ServiceTestProperties.TEST_MASTER_KEY));
        ServiceProcess intake = start(env);
        ServiceProcess restarted = null;
        ServiceProcess reporting = null;
        ServiceDatabase reportingDb = ServiceDatabase.create("reporting");
        try {
            reporting = startReporting(reportingDb, base.get());
            HttpResponse<String> applicant = send("POST", "/api/v1/applicants", "{\"name\":{\"given\":\"Иван\",\"family\":\"Нагрузкин\"},"
                    + "\"nationalities\":[{\"country\":\"RU\",\"imposed\":false}],\"sex\":\"MALE\"}");
            assertEquals(201, applicant.statusCode(), applicant.body());
            String claim = "{\"applicantId\":\"" + id(applicant.body()) + "\",\"military\":{\"status\":\"CONSCRIPT\"}}";

            Set<String> drafted = ConcurrentHashMap.newKeySet();
            Set<String> lodged = ConcurrentHashMap.newKeySet();
            AtomicInteger requests = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger afterRestart = new AtomicInteger();
            AtomicBoolean restartedYet = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (drafted.size() + lodged.size() < ACKNOWLEDGED || afterRestart.get() < 500) {
                        try {
                            requests.incrementAndGet();
                            HttpResponse<String> draft = send("POST", "/api/v1/claims", claim);
                            if (draft.statusCode() != 201) {
                                failures.incrementAndGet();
                                continue;
                            }
                            String id = id(draft.body());
                            drafted.add(id);
                            requests.incrementAndGet();
                            if (send("POST", "/api/v1/claims/" + id + "/actions/lodge", "").statusCode() == 200) {
                                lodged.add(id);
                                if (restartedYet.get()) {
                                    afterRestart.incrementAndGet();
                                }
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet(); // the process is gone: not acknowledged
                            sleep(50);
                        }
                    }
                    return null;
                });
            }
            while (lodged.size() < 1_000) {
                sleep(20);
            }
            int lodgedBeforeKill = lodged.size();
            long appliedBeforeKill = count(reportingDb, "select count(*) from applied_event where tenant_id = '" + TENANT + "'");
            long killedAt = System.nanoTime();
            ProcessHandle killed = ProcessHandle.of(intake.pid()).orElseThrow();
            killed.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
            killed.onExit().get(10, TimeUnit.SECONDS);
            restarted = start(env); // the same port: the reporting service reading the feed is not told anything
            long down = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            restartedYet.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES), "the load finished");

            // the database: every acknowledged draft and lodging, and a lodged claim exactly when its event is there
            Map<String, String> status = new HashMap<>();
            Map<String, Integer> lodgedEvents = new HashMap<>();
            List<Long> seqs = new ArrayList<>();
            try (Connection admin = db.adminConnection(); Statement st = admin.createStatement()) {
                try (ResultSet rs = st.executeQuery("select id, status from claim where tenant_id = '" + TENANT + "'")) {
                    while (rs.next()) {
                        status.put(rs.getString(1), rs.getString(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("select aggregate_id, seq from outbox where type = 'claim.lodged' order by seq")) {
                    while (rs.next()) {
                        lodgedEvents.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
                try (ResultSet rs = st.executeQuery("select seq from outbox order by seq")) {
                    while (rs.next()) {
                        seqs.add(rs.getLong(1));
                    }
                }
            }
            Set<String> lostDrafts = new HashSet<>(drafted);
            lostDrafts.removeAll(status.keySet());
            assertEquals(Set.of(), lostDrafts, "acknowledged drafts missing");
            List<String> lostLodgings = lodged.stream().filter(id -> !"LODGED".equals(status.get(id))).toList();
            assertEquals(List.of(), lostLodgings, "acknowledged lodgings not LODGED");
            for (Map.Entry<String, String> claimStatus : status.entrySet()) {
                assertEquals("LODGED".equals(claimStatus.getValue()) ? 1 : 0, lodgedEvents.getOrDefault(claimStatus.getKey(), 0),
                        "claim " + claimStatus.getKey() + " is " + claimStatus.getValue() + ": its claim.lodged events");
            }

            // a consumer paging the feed sees every event the database holds, in order
            List<Long> fed = new ArrayList<>();
            String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("crash-reader", List.of("platform-service")).build());
            ApiClient feed = new ApiClient(base.get());
            long after = 0;
            while (true) {
                ApiClient.Response page = feed.get("/internal/v1/events?after=" + after + "&limit=1000", platform);
                assertEquals(200, page.status(), page.body());
                List<Map<String, Object>> events = page.jsonList("events");
                if (events.isEmpty()) {
                    break;
                }
                events.forEach(e -> fed.add(((Number) e.get("seq")).longValue()));
                after = fed.get(fed.size() - 1);
            }
            assertEquals(seqs, fed, "the feed a consumer pages through is the outbox");

            // reporting, which read the feed on its own schedule through the kill, counts exactly what the source holds
            long lodgedClaims = status.values().stream().filter("LODGED"::equals).count();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long applied;
            while ((applied = count(reportingDb, "select count(*) from applied_event where tenant_id = '" + TENANT + "'")) < fed.size()
                    && System.nanoTime() < deadline) {
                sleep(200);
            }
            assertTrue(appliedBeforeKill > 0, "reporting was reading the feed when intake was killed");
            assertEquals(fed.size(), applied, "events reporting applied, each once");
            assertEquals(lodgedClaims, count(reportingDb, "select count(*) from claim_record where tenant_id = '" + TENANT
                    + "' and status = 'LODGED'"), "lodged claims in reporting's read model");
            assertEquals(lodgedClaims, count(reportingDb, "select coalesce(sum(n), 0) from claim_count where tenant_id = '"
                    + TENANT + "' and dimension = 'status' and value = 'LODGED'"), "lodged claims in reporting's counts");
            assertEquals(lodgedClaims, count(reportingDb, "select coalesce(sum(n), 0) from backlog_count where tenant_id = '"
                    + TENANT + "'"), "reporting's backlog");

            System.out.printf("BENCH intake killed under load: %d clients, %d requests sent, %d acknowledged (%d drafts, %d lodgings; "
                            + "%d lodgings before the kill), %d refused or cut off, down %d ms from SIGKILL to healthy again; found: "
                            + "%d claims, %d LODGED, %d events in the feed, none lost; reporting applied %d events (%d before the kill) "
                            + "and counts %d lodged claims%n", CLIENTS, requests.get(),
                    drafted.size() + lodged.size(), drafted.size(), lodged.size(), lodgedBeforeKill, failures.get(), down,
                    status.size(), lodgedClaims, fed.size(), applied, appliedBeforeKill, lodgedClaims);
        } finally {
            if (reporting != null) {
                reporting.stop();
            }
            if (restarted != null) {
                restarted.stop();
            }
            intake.stop();
        }
    }

    /** A real reporting service reading this intake's feed every 500 ms (the other feeds it reads are not there). */
    private static ServiceProcess startReporting(ServiceDatabase db, String intakeUrl) throws IOException, InterruptedException {
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(ServiceProcess.environment("reporting", port, db.url(), db.password(),
                TestJwtIssuer.get().jwksUrl(), TestJwtIssuer.ISSUER, ServiceTestProperties.TEST_MASTER_KEY));
        String nothing = "http://127.0.0.1:" + ServiceProcess.freePort();
        env.put("SANCTUARY_INTAKE_URL", intakeUrl);
        env.put("SANCTUARY_ASSESSMENT_URL", nothing);
        env.put("SANCTUARY_DOCUMENTS_URL", nothing);
        env.put("SANCTUARY_TENANTS_URL", nothing);
        env.put("SANCTUARY_PLATFORM_TOKEN_URL", TestJwtIssuer.get().tokenUrl());
        env.put("SANCTUARY_REPORTING_FEED_INTERVAL", "500ms");
        env.put("SANCTUARY_REPORTING_FEED_INITIAL_DELAY", "500ms");
        ServiceProcess process = ServiceProcess.start("reporting", port, env, List.of("-Xmx256m"), false);
        try {
            process.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
        } catch (IOException | RuntimeException e) {
            process.stop();
            throw e;
        }
        return process;
    }

    private static long count(ServiceDatabase db, String query) throws Exception {
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private ServiceProcess start(Map<String, String> env) throws IOException, InterruptedException {
        int port = Integer.parseInt(env.get("SANCTUARY_PORT"));
        ServiceProcess process = ServiceProcess.start("intake", port, env, List.of("-Xmx256m"), false);
        process.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
        base.set(process.baseUrl());
        return process;
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base.get() + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + caseworker).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String id(String body) {
        return body.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
