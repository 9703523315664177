package org.sanctuary.bench;

import org.sanctuary.devstack.LocalIssuer;
import org.sanctuary.devstack.LocalPostgres;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The intake budgets of issue 2, measured side by side in one run on one embedded PostgreSQL:
 * create-claim throughput and p99 over HTTP against the raw single-row JDBC insert rate (same
 * concurrency, autocommit), as a ratio; the service's start time to the first 200 on /health (cold:
 * migrating a fresh database; warm: already migrated); its RSS after 10k requests.
 *
 * <p>Run with {@code bench/intake.sh}; the results go to stdout as a Markdown table.
 */
public final class IntakeBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 10_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 15_000);
    private static final List<String> JVM = BenchSupport.JVM;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sanctuary-bench");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"), ServiceProcess.freePort());
             LocalIssuer issuer = LocalIssuer.withKey(work.resolve("issuer.json"), ServiceProcess.freePort()).serve()) {
            postgres.provision("intake");
            int port = ServiceProcess.freePort();
            Map<String, String> env = ServiceProcess.environment("intake", port, postgres, issuer,
                    BenchSupport.masterKey());

            // cold: a fresh database, migrated by the service itself on start
            double cold = startMillis(env, port, JVM);
            // as deployed: migrations already ran (hook job), classes from an AppCDS archive made by a training start
            Map<String, String> deployed = new java.util.HashMap<>(env);
            deployed.put("SANCTUARY_MIGRATE", "false");
            Path archive = work.resolve("intake.jsa");
            startMillis(deployed, port, with(JVM, "-XX:ArchiveClassesAtExit=" + archive));
            List<String> jvm = with(JVM, "-XX:SharedArchiveFile=" + archive);
            double withoutArchive = startMillis(deployed, port, JVM);
            double[] warm = new double[3];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = startMillis(deployed, port, jvm);
            }
            Arrays.sort(warm);

            ServiceProcess intake = ServiceProcess.start("intake", port, deployed, jvm, false);
            intake.awaitHealthy(Duration.ofSeconds(60), Duration.ofMillis(20));
            String token = issuer.token("bench-tenant", "bench-caseworker", List.of("caseworker"));
            List<String> applicants = createApplicants(intake.baseUrl(), token, 200);
            long rssBefore = intake.rssBytes();

            run(intake.baseUrl(), token, applicants, WARMUP, CONCURRENCY); // JIT warm-up, not counted
            // interleaved, so that drift on a noisy machine hits both sides alike
            double raw1 = rawInsertsPerSecond(postgres, REQUESTS / 4, 1);
            Result api1 = run(intake.baseUrl(), token, applicants, REQUESTS / 4, 1);
            double rawN = rawInsertsPerSecond(postgres, REQUESTS, CONCURRENCY);
            Result apiN = run(intake.baseUrl(), token, applicants, REQUESTS, CONCURRENCY);
            double rawN2 = rawInsertsPerSecond(postgres, REQUESTS, CONCURRENCY);
            Result wrk1 = null;
            Result wrkN = null;
            double rawW1 = 0;
            double rawWN = 0;
            long wrkRequests = 0;
            double health = 0;
            if (wrkInstalled()) {
                rawW1 = rawInsertsPerSecond(postgres, REQUESTS / 4, 1);
                wrk1 = wrk(intake.baseUrl(), token, applicants, 10, 1);
                rawWN = rawInsertsPerSecond(postgres, REQUESTS, CONCURRENCY);
                wrkN = wrk(intake.baseUrl(), token, applicants, 10, CONCURRENCY);
                health = wrkPlain(intake.managementUrl() + "/health", 5); // on the management port
                wrkRequests = Math.round(10 * (wrk1.perSecond() + wrkN.perSecond()) + 5 * health);
            }
            long rssAfter = intake.rssBytes();
            long total = 200 + WARMUP + REQUESTS / 4 + REQUESTS + wrkRequests;
            intake.stop();

            double rawNRate = (rawN + rawN2) / 2;
            System.out.printf("%n| measure | value | budget |%n|---|---|---|%n");
            System.out.printf("| raw single-row JDBC inserts/s, 1 connection (autocommit, durable commit) | %.0f | |%n", raw1);
            System.out.printf("| create-claim requests/s, 1 client (HTTP) | %.0f | |%n", api1.perSecond());
            System.out.printf("| **ratio, 1 client vs 1 connection** | **%.0f%%** | >= 40%% |%n", 100 * api1.perSecond() / raw1);
            System.out.printf("| create-claim latency p50 / p99, 1 client | %.2f / %.2f ms | |%n",
                    api1.percentile(50), api1.percentile(99));
            System.out.printf("| raw single-row JDBC inserts/s, %d connections (before / after) | %.0f / %.0f | |%n",
                    CONCURRENCY, rawN, rawN2);
            System.out.printf("| create-claim requests/s, %d clients | %.0f | |%n", CONCURRENCY, apiN.perSecond());
            System.out.printf("| **ratio, %d clients vs %d connections** | **%.0f%%** | >= 40%% |%n", CONCURRENCY, CONCURRENCY,
                    100 * apiN.perSecond() / rawNRate);
            System.out.printf("| create-claim latency p50 / p99 / max, %d clients | %.1f / %.1f / %.1f ms | |%n", CONCURRENCY,
                    apiN.percentile(50), apiN.percentile(99), apiN.percentile(100));
            Result api = apiN;
            if (wrk1 != null) {
                System.out.printf("| wrk, 1 connection: create-claim/s vs raw inserts/s (interleaved) | %.0f vs %.0f = **%.0f%%** | >= 40%% |%n",
                        wrk1.perSecond(), rawW1, 100 * wrk1.perSecond() / rawW1);
                System.out.printf("| wrk, %d connections: create-claim/s vs raw inserts/s | %.0f vs %.0f = **%.0f%%** | >= 40%% |%n",
                        CONCURRENCY, wrkN.perSecond(), rawWN, 100 * wrkN.perSecond() / rawWN);
                System.out.printf("| reference: GET /health (no token, no database), wrk 1 connection | %.0f/s = %.0f%% of raw inserts | |%n",
                        health, 100 * health / rawW1);
                System.out.printf("| wrk latency p50 / p99: 1 connection; %d connections | %.2f / %.2f ms; %.2f / %.2f ms | |%n",
                        CONCURRENCY, wrk1.latenciesNanos()[0] / 1e6, wrk1.latenciesNanos()[1] / 1e6,
                        wrkN.latenciesNanos()[0] / 1e6, wrkN.latenciesNanos()[1] / 1e6);
            }
            System.out.printf("| start to first 200 on /health, as deployed: migrated, AppCDS (min / median / max of 3) | %.0f / %.0f / %.0f ms | <= 1500 ms |%n",
                    warm[0], warm[1], warm[2]);
            System.out.printf("| start to first 200, migrated, no AppCDS archive | %.0f ms | |%n", withoutArchive);
            System.out.printf("| start to first 200, cold (migrating a fresh database, no archive) | %.0f ms | |%n", cold);
            System.out.printf("| RSS after %d requests (before the load: %d MB) | %d MB | <= 256 MB |%n", total,
                    rssBefore >> 20, rssAfter >> 20);
            System.out.printf("| JVM options | `%s` | |%n", String.join(" ", jvm));
            System.out.printf("| errors during the load | %d | 0 |%n", api1.errors() + api.errors()
                    + (wrk1 == null ? 0 : wrk1.errors() + wrkN.errors()));
        }
    }

    private static List<String> with(List<String> jvm, String option) {
        List<String> all = new ArrayList<>(jvm);
        all.add(option);
        return all;
    }

    private static double startMillis(Map<String, String> env, int port, List<String> jvm) throws Exception {
        long start = System.nanoTime();
        ServiceProcess process = ServiceProcess.start("intake", port, env, jvm, false);
        process.awaitHealthy(Duration.ofSeconds(60), Duration.ofMillis(5));
        double millis = (System.nanoTime() - start) / 1e6;
        process.stop();
        return millis;
    }

    record Result(long[] latenciesNanos, double perSecond, int errors) {
        double percentile(double p) {
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    /**
     * The same load from wrk (C, event-driven) when it is installed: it takes far less of the shared
     * two cores than a JVM client, so the service's share of the machine is measured, not the client's.
     */
    private static Result wrk(String baseUrl, String token, List<String> applicants, int seconds, int connections)
            throws Exception {
        Path script = Files.createTempFile("create-claim", ".lua");
        StringBuilder ids = new StringBuilder();
        for (String id : applicants) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(id).append('"');
        }
        Files.writeString(script, """
                local ids = {%s}
                local n = 0
                request = function()
                  n = n + 1
                  local body = '{"applicantId":"' .. ids[(n %% #ids) + 1] .. '","military":{"status":"MOBILISED_RESERVIST",'
                    .. '"recruitingActor":"STATE","recruitingCountry":"RU","callUp":{"received":true,"date":"2022-09-23",'
                    .. '"channel":"WORKPLACE","punitive":false},"served":false,"deserted":false},'
                    .. '"credibility":{"militaryStatus":"ACCEPTED"}}'
                  return wrk.format("POST", "/api/v1/claims", {["Content-Type"] = "application/json",
                    ["Authorization"] = "Bearer %s"}, body)
                end
                local reported = false
                response = function(status, headers, body)
                  if status ~= 201 and not reported then
                    io.write("FIRST-ERROR " .. status .. " " .. body .. "\\n")
                    reported = true
                  end
                end
                done = function(summary, latency, requests)
                  io.write(string.format("RESULT %%d %%f %%f %%f %%d\\n", summary.requests, summary.duration / 1e6,
                    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
                end
                """.formatted(ids, token));
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "-s", script.toString(), baseUrl)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        String[] r = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk said: " + output)).split(" ");
        long requests = Long.parseLong(r[1]);
        double elapsed = Double.parseDouble(r[2]);
        return new Result(new long[]{(long) (Double.parseDouble(r[3]) * 1e6), (long) (Double.parseDouble(r[4]) * 1e6)},
                requests / elapsed, Integer.parseInt(r[5]));
    }

    /** Requests per second wrk reaches on one connection for a plain GET. */
    private static double wrkPlain(String url, int seconds) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c1", "-d" + seconds + "s", url).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        return Double.parseDouble(output.lines().filter(l -> l.startsWith("Requests/sec:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk said: " + output)).replaceAll("[^0-9.]", ""));
    }

    static boolean wrkInstalled() {
        try {
            return new ProcessBuilder("wrk", "--version").start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs {@code worker} on {@code concurrency} threads until each returns; the elapsed seconds. */
    private static double concurrently(int concurrency, Callable<Void> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<Void>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(worker));
        }
        for (Future<Void> running : workers) {
            running.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    private static Result run(String baseUrl, String token, List<String> applicants, int requests, int concurrency)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        double seconds = concurrently(concurrency, () -> {
            int i;
            while ((i = next.getAndIncrement()) < requests) {
                String body = "{\"applicantId\":\"" + applicants.get(i % applicants.size()) + "\",\"military\":{"
                        + "\"status\":\"MOBILISED_RESERVIST\",\"recruitingActor\":\"STATE\",\"recruitingCountry\":\"RU\","
                        + "\"callUp\":{\"received\":true,\"date\":\"2022-09-23\",\"channel\":\"WORKPLACE\",\"punitive\":false},"
                        + "\"served\":false,\"deserted\":false},\"credibility\":{\"militaryStatus\":\"ACCEPTED\"}}";
                long t0 = System.nanoTime();
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/claims"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                latencies[i] = System.nanoTime() - t0;
                if (response.statusCode() != 201) {
                    errors.incrementAndGet();
                }
            }
            return null;
        });
        Arrays.sort(latencies);
        return new Result(latencies, requests / seconds, errors.get());
    }

    /** The floor the service is compared with: one row per autocommit insert, same concurrency. */
    private static double rawInsertsPerSecond(LocalPostgres postgres, int rows, int concurrency) throws Exception {
        try (Connection admin = postgres.superuser("postgres"); Statement st = admin.createStatement()) {
            if (!st.executeQuery("select 1 from pg_database where datname = 'rawbench'").next()) {
                st.execute("create database rawbench");
            }
        }
        try (Connection c = postgres.superuser("rawbench"); Statement st = c.createStatement()) {
            st.execute("create table if not exists raw_claim (tenant_id text not null, id uuid not null, "
                    + "military jsonb not null, created_at timestamptz not null, primary key (tenant_id, id))");
        }
        AtomicInteger next = new AtomicInteger();
        double seconds = concurrently(concurrency, () -> {
            try (Connection c = postgres.superuser("rawbench");
                 PreparedStatement insert = c.prepareStatement(
                         "insert into raw_claim (tenant_id, id, military, created_at) values (?, ?, ?::jsonb, ?)")) {
                while (next.getAndIncrement() < rows) {
                    insert.setString(1, "bench-tenant");
                    insert.setObject(2, UUID.randomUUID());
                    insert.setString(3, "{\"status\":\"MOBILISED_RESERVIST\",\"recruitingCountry\":\"RU\"}");
                    insert.setObject(4, java.sql.Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
            }
            return null;
        });
        return rows / seconds;
    }

    private static List<String> createApplicants(String baseUrl, String token, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"name\":{\"given\":\"Иван\",\"family\":\"Бенчмарков" + i + "\"},\"nationalities\":"
                    + "[{\"country\":\"RU\",\"imposed\":false}],\"birthDate\":\"1990-01-01\",\"sex\":\"MALE\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/applicants"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.body());
            }
            ids.add(response.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1"));
        }
        return ids;
    }
}
