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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 3's gateway budget: the same intake read endpoint ({@code GET /api/v1/applicants/{id}},
 * a real audited read) directly, through the gateway, and through nginx as a reverse proxy,
 * alternated in one run with wrk. Run with {@code bench/gateway.sh}.
 */
public final class GatewayBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 8);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    private static final List<String> JVM = BenchSupport.JVM;

    record Measure(double perSecond, double meanMillis, int errors) {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sanctuary-gateway-bench");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"), ServiceProcess.freePort());
             LocalIssuer issuer = LocalIssuer.withKey(work.resolve("issuer.json"), ServiceProcess.freePort()).serve()) {
            postgres.provision("intake");
            int intakePort = ServiceProcess.freePort();
            ServiceProcess intake = ServiceProcess.start("intake", intakePort, ServiceProcess.environment("intake",
                    intakePort, postgres, issuer, BenchSupport.masterKey()), JVM, false);
            int gatewayPort = ServiceProcess.freePort();
            Map<String, String> gatewayEnv = new HashMap<>();
            gatewayEnv.put("SANCTUARY_PORT", Integer.toString(gatewayPort));
            gatewayEnv.put("SANCTUARY_JWKS_URL", issuer.jwksUrl());
            gatewayEnv.put("SANCTUARY_ISSUER", issuer.issuer());
            gatewayEnv.put("SANCTUARY_INTAKE_URL", intake.baseUrl());
            gatewayEnv.put("SANCTUARY_GATEWAY_REQUESTS_PER_SECOND", "1000000"); // measure proxying, not limiting
            gatewayEnv.put("SANCTUARY_GATEWAY_BURST", "1000000");
            List<String> gatewayJvm = new ArrayList<>(JVM);
            String recording = System.getProperty("bench.jfr"); // a JFR recording of the gateway, for the profile
            if (recording != null) {
                gatewayJvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
            }
            ServiceProcess gateway = ServiceProcess.start("gateway", gatewayPort, gatewayEnv, gatewayJvm, false);
            intake.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            gateway.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            int nginxPort = ServiceProcess.freePort();
            Process nginx = nginx(work, nginxPort, intakePort);

            String token = issuer.token("bench-tenant", "bench-caseworker", List.of("caseworker"));
            String path = "/api/v1/applicants/" + register(intake.baseUrl(), token);
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("direct", intake.baseUrl());
            targets.put("gateway", gateway.baseUrl());
            targets.put("nginx", "http://127.0.0.1:" + nginxPort);
            for (String base : targets.values()) {
                wrk(base + path, token, 5); // warm-up, JIT included
            }
            Map<String, List<Measure>> results = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, String> target : targets.entrySet()) {
                    results.computeIfAbsent(target.getKey(), k -> new ArrayList<>())
                            .add(wrk(target.getValue() + path, token, SECONDS));
                }
            }
            long gatewayRss = gateway.rssBytes();
            nginx.destroy();
            gateway.stop();
            intake.stop();

            Measure direct = mean(results.get("direct"));
            Measure viaGateway = mean(results.get("gateway"));
            Measure viaNginx = mean(results.get("nginx"));
            System.out.printf("%n| path (wrk -t1 -c%d, %d rounds of %d s, alternated) | requests/s | mean latency | errors |%n",
                    CONNECTIONS, ROUNDS, SECONDS);
            System.out.printf("|---|---|---|---|%n");
            for (Map.Entry<String, List<Measure>> entry : results.entrySet()) {
                Measure m = mean(entry.getValue());
                System.out.printf("| %s | %.0f | %.2f ms | %d |%n", entry.getKey(), m.perSecond(), m.meanMillis(), m.errors());
            }
            System.out.printf("%n| budget | measured | target |%n|---|---|---|%n");
            System.out.printf("| gateway / direct throughput | %.0f%% | >= 95%% |%n", 100 * viaGateway.perSecond() / direct.perSecond());
            System.out.printf("| latency the gateway adds (mean) | %.2f ms | <= 2 ms |%n", viaGateway.meanMillis() - direct.meanMillis());
            System.out.printf("| gateway / nginx throughput | %.2f× | >= 0.8× |%n", viaGateway.perSecond() / viaNginx.perSecond());
            System.out.printf("| gateway RSS after the run | %d MB | |%n", gatewayRss >> 20);
        }
    }

    private static Measure mean(List<Measure> measures) {
        return new Measure(measures.stream().mapToDouble(Measure::perSecond).average().orElse(0),
                measures.stream().mapToDouble(Measure::meanMillis).average().orElse(0),
                measures.stream().mapToInt(Measure::errors).sum());
    }

    private static Measure wrk(String url, String token, int seconds) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + CONNECTIONS, "-d" + seconds + "s",
                "-H", "Authorization: Bearer " + token, "--latency", url).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        double rate = Double.parseDouble(line(output, "Requests/sec:").replaceAll("[^0-9.]", ""));
        String[] latency = line(output, "Latency").trim().split("\\s+");
        int errors = output.contains("Non-2xx") ? Integer.parseInt(line(output, "Non-2xx").replaceAll("[^0-9]", "")) : 0;
        return new Measure(rate, millis(latency[1]), errors);
    }

    private static String line(String output, String prefix) {
        return output.lines().map(String::trim).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk said: " + output));
    }

    private static double millis(String value) {
        double number = Double.parseDouble(value.replaceAll("[a-z]", ""));
        if (value.endsWith("us")) {
            return number / 1000;
        }
        return value.endsWith("ms") ? number : number * 1000;
    }

    /** nginx as a plain keep-alive reverse proxy to intake: the yardstick. */
    private static Process nginx(Path work, int port, int upstreamPort) throws IOException, InterruptedException {
        Path conf = work.resolve("nginx.conf");
        Files.createDirectories(work.resolve("nginx-logs"));
        Files.writeString(conf, """
                worker_processes 1;
                error_log %1$s/nginx-logs/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/nginx-body;
                  proxy_temp_path %1$s/nginx-proxy;
                  fastcgi_temp_path %1$s/nginx-fastcgi;
                  uwsgi_temp_path %1$s/nginx-uwsgi;
                  scgi_temp_path %1$s/nginx-scgi;
                  upstream intake { server 127.0.0.1:%3$d; keepalive 32; }
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://intake;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                    }
                  }
                }
                """.formatted(work, port, upstreamPort));
        Process nginx = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", work.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).start();
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not start: " + new String(nginx.getInputStream().readAllBytes()));
    }

    private static String register(String baseUrl, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/api/v1/applicants")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":{\"given\":\"Иван\",\"family\":\"Шлюзов\"},\"nationalities\":[{\"country\":\"RU\","
                                + "\"imposed\":false}],\"birthDate\":\"1990-01-01\",\"sex\":\"MALE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }
}
