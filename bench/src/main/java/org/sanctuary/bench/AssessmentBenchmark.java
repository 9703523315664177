package org.sanctuary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.sanctuary.devstack.LocalIssuer;
import org.sanctuary.devstack.LocalPostgres;
import org.sanctuary.devstack.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The assessment budgets of issue 5: engine evaluations per second in-process on one thread (JMH),
 * and the latency of {@code POST /api/v1/assessments/simulate} over HTTP, side by side with
 * {@code GET /health} on the same service in the same run (what HTTP alone costs here).
 *
 * <p>Run with {@code bench/assessment.sh}; the results go to stdout as a Markdown table.
 */
public final class AssessmentBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.requests", 5_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().include(EngineBenchmark.class.getSimpleName()).forks(1).threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                .measurementTime(TimeValue.seconds(2)).jvmArgs("-Xmx256m").build();
        Collection<RunResult> results = new Runner(options).run();
        RunResult engine = results.iterator().next();
        double perSecond = engine.getPrimaryResult().getScore();
        double error = engine.getPrimaryResult().getScoreError();

        Path work = Files.createTempDirectory("sanctuary-bench");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"), ServiceProcess.freePort());
             LocalIssuer issuer = LocalIssuer.withKey(work.resolve("issuer.json"), ServiceProcess.freePort()).serve()) {
            String key = BenchSupport.masterKey();
            int tenantsPort = ServiceProcess.freePort();
            int assessmentPort = ServiceProcess.freePort();
            postgres.provision("tenants");
            postgres.provision("assessment");
            Map<String, String> tenantsEnv = ServiceProcess.environment("tenants", tenantsPort, postgres, issuer, key);
            ServiceProcess tenants = ServiceProcess.start("tenants", tenantsPort, tenantsEnv, BenchSupport.JVM, false);
            Map<String, String> env = new HashMap<>(ServiceProcess.environment("assessment", assessmentPort, postgres, issuer, key));
            env.put("SANCTUARY_TENANTS_URL", tenants.baseUrl());
            env.put("SANCTUARY_INTAKE_URL", "http://127.0.0.1:9"); // simulate never reads intake
            ServiceProcess assessment = ServiceProcess.start("assessment", assessmentPort, env, BenchSupport.JVM, false);
            tenants.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            assessment.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            HttpClient http = HttpClient.newHttpClient();
            String platform = issuer.token(null, "bench-root", List.of("platform-admin"));
            send(http, HttpRequest.newBuilder(URI.create(tenants.baseUrl() + "/api/v1/tenants")).header("Authorization", "Bearer " + platform)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"bench-tenant\",\"name\":\"Bench\",\"kind\":\"GOVERNMENT\",\"jurisdiction\":\"DE\"}"))
                    .build(), 201);
            String token = issuer.token("bench-tenant", "bench-caseworker", List.of("caseworker"));
            List<String> bodies = simulateBodies();
            URI simulate = URI.create(assessment.baseUrl() + "/api/v1/assessments/simulate");
            URI health = URI.create(assessment.managementUrl() + "/health"); // health is on the management port

            load(http, simulate, token, bodies, 3_000, CONCURRENCY); // JIT warm-up, not counted
            load(http, health, null, null, 3_000, CONCURRENCY);
            long[] h1 = load(http, health, null, null, REQUESTS / 2, 1);
            long[] s1 = load(http, simulate, token, bodies, REQUESTS / 2, 1);
            long[] hN = load(http, health, null, null, REQUESTS, CONCURRENCY);
            long[] sN = load(http, simulate, token, bodies, REQUESTS, CONCURRENCY);
            long rss = assessment.rssBytes();
            assessment.stop();
            tenants.stop();

            System.out.printf("%n| measure | value | budget |%n|---|---|---|%n");
            System.out.printf("| engine evaluations/s, 1 thread, in-process (JMH, 11 acceptance profiles in turn) | **%.0f** ± %.0f | >= 10,000 |%n",
                    perSecond, error);
            System.out.printf("| mean time per evaluation | %.1f µs | |%n", 1e6 / perSecond);
            System.out.printf("| simulate p50 / p99, 1 client (pack in the request) | %.2f / **%.2f** ms | |%n", ms(s1, 50), ms(s1, 99));
            System.out.printf("| GET /health p50 / p99, 1 client (same service, same run) | %.2f / %.2f ms | |%n", ms(h1, 50), ms(h1, 99));
            System.out.printf("| simulate p50 / p99, %d clients | %.2f / **%.2f** ms | |%n", CONCURRENCY, ms(sN, 50), ms(sN, 99));
            System.out.printf("| GET /health p50 / p99, %d clients | %.2f / %.2f ms | |%n", CONCURRENCY, ms(hN, 50), ms(hN, 99));
            System.out.printf("| simulate p99 / health p99, 1 client; %d clients | %.1f×; %.1f× | |%n", CONCURRENCY,
                    ms(s1, 99) / ms(h1, 99), ms(sN, 99) / ms(hN, 99));
            System.out.printf("| assessment RSS after the load | %d MB | |%n", rss >> 20);
            System.out.printf("| service JVM options | `%s` | |%n", String.join(" ", BenchSupport.JVM));
        }
    }

    private static double ms(long[] sortedNanos, double p) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    /** Each acceptance profile as a simulate body with its pack. */
    private static List<String> simulateBodies() throws Exception {
        Path suite = EngineBenchmark.suite();
        List<String> bodies = new ArrayList<>();
        try (var files = Files.list(suite.resolve("profiles"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode profile = EngineBenchmark.JSON.readTree(file.toFile());
                ObjectNode body = EngineBenchmark.JSON.createObjectNode();
                body.set("pack", EngineBenchmark.JSON.readTree(suite.resolve("packs").resolve(profile.get("pack").asText()).toFile()));
                body.set("facts", profile.get("facts"));
                body.put("assessmentDate", LocalDate.parse(profile.get("assessmentDate").asText()).toString());
                bodies.add(body.toString());
            }
        }
        return bodies;
    }

    /** {@code total} requests from {@code clients} threads; the sorted latencies in nanoseconds. Any non-200 aborts. */
    private static long[] load(HttpClient http, URI uri, String token, List<String> bodies, int total, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            parts.add(pool.submit(() -> {
                int n = total / clients;
                long[] latencies = new long[n];
                for (int i = 0; i < n; i++) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
                    if (bodies != null) {
                        request.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get((client + i) % bodies.size())));
                    }
                    long start = System.nanoTime();
                    send(http, request.build(), 200);
                    latencies[i] = System.nanoTime() - start;
                }
                return latencies;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> part : parts) {
            all.add(part.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return merged;
    }

    private static void send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
