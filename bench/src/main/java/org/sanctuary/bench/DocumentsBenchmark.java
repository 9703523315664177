package org.sanctuary.bench;

import com.sun.net.httpserver.HttpServer;
import org.sanctuary.devstack.LocalIssuer;
import org.sanctuary.devstack.LocalPostgres;
import org.sanctuary.devstack.ServiceProcess;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 6's budget: a 1 GiB upload with curl through the gateway into the documents service
 * ({@code -Xmx256m}; sniffed, hashed, AES-GCM encrypted in chunks, written to disk), against a plain
 * curl upload of the same file to a bare HTTP sink that writes it to the same disk, in the same run,
 * alternated. The documents service's RSS is sampled every 50 ms during its uploads.
 * Run with {@code bench/documents.sh}.
 */
public final class DocumentsBenchmark {

    private static final long SIZE = Long.getLong("bench.bytes", 1L << 30);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sanctuary-documents-bench");
        Path file = work.resolve("evidence.pdf");
        generate(file, SIZE);
        Path sinkDir = Files.createDirectories(work.resolve("sink"));
        HttpServer sink = sink(sinkDir);
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"), ServiceProcess.freePort());
             LocalIssuer issuer = LocalIssuer.withKey(work.resolve("issuer.json"), ServiceProcess.freePort()).serve()) {
            String key = BenchSupport.masterKey();
            int tenantsPort = ServiceProcess.freePort();
            int intakePort = ServiceProcess.freePort();
            int documentsPort = ServiceProcess.freePort();
            for (String service : List.of("tenants", "intake", "documents")) {
                postgres.provision(service);
            }
            List<ServiceProcess> children = new ArrayList<>();
            ServiceProcess tenants = ServiceProcess.start("tenants", tenantsPort,
                    ServiceProcess.environment("tenants", tenantsPort, postgres, issuer, key), BenchSupport.JVM, false);
            children.add(tenants);
            Map<String, String> intakeEnv = new HashMap<>(ServiceProcess.environment("intake", intakePort, postgres, issuer, key));
            intakeEnv.put("SANCTUARY_TENANTS_URL", tenants.baseUrl());
            children.add(ServiceProcess.start("intake", intakePort, intakeEnv, BenchSupport.JVM, false));
            Map<String, String> documentsEnv = new HashMap<>(ServiceProcess.environment("documents", documentsPort, postgres, issuer, key));
            documentsEnv.put("SANCTUARY_TENANTS_URL", tenants.baseUrl());
            documentsEnv.put("SANCTUARY_INTAKE_URL", "http://127.0.0.1:" + intakePort);
            documentsEnv.put("SANCTUARY_STORAGE_PATH", work.resolve("blobs").toString());
            List<String> documentsJvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:MaxDirectMemorySize=32m", System.getProperty("bench.documents.jit", "-XX:CompileThresholdScaling=0.05"),
                    "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1"));
            String recording = System.getProperty("bench.jfr"); // a JFR recording of documents, for the profile
            if (recording != null) {
                documentsJvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
            }
            ServiceProcess documents = ServiceProcess.start("documents", documentsPort, documentsEnv, documentsJvm, false);
            children.add(documents);
            int gatewayPort = ServiceProcess.freePort();
            Map<String, String> gatewayEnv = new HashMap<>();
            gatewayEnv.put("SANCTUARY_PORT", Integer.toString(gatewayPort));
            gatewayEnv.put("SANCTUARY_JWKS_URL", issuer.jwksUrl());
            gatewayEnv.put("SANCTUARY_ISSUER", issuer.issuer());
            gatewayEnv.put("SANCTUARY_INTAKE_URL", "http://127.0.0.1:" + intakePort);
            gatewayEnv.put("SANCTUARY_TENANTS_URL", tenants.baseUrl());
            gatewayEnv.put("SANCTUARY_DOCUMENTS_URL", documents.baseUrl());
            gatewayEnv.put("SANCTUARY_GATEWAY_DOCUMENTS_MAX_BODY_BYTES", Long.toString(1900L << 20));
            ServiceProcess gateway = ServiceProcess.start("gateway", gatewayPort, gatewayEnv, BenchSupport.JVM, false);
            children.add(gateway);
            for (ServiceProcess child : children) {
                child.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            }
            HttpClient http = HttpClient.newHttpClient();
            String platform = issuer.token(null, "bench-root", List.of("platform-admin"));
            post(http, tenants.baseUrl() + "/api/v1/tenants", platform,
                    "{\"id\":\"bench-tenant\",\"name\":\"Bench\",\"kind\":\"GOVERNMENT\",\"jurisdiction\":\"DE\"}", 201);
            String admin = issuer.token("bench-tenant", "bench-admin", List.of("policy-admin"));
            String pack = Files.readString(ServiceProcess.root().resolve("devstack/src/main/resources/demo-packs/eu-member.json"))
                    .replace("\"maxBytes\": 52428800", "\"maxBytes\": " + (1900L << 20));
            String draft = post(http, tenants.baseUrl() + "/api/v1/tenants/bench-tenant/policy-packs", admin, pack, 201);
            post(http, tenants.baseUrl() + "/api/v1/tenants/bench-tenant/policy-packs/" + BenchSupport.field(draft, "version") + "/publish", admin,
                    "{\"effectiveFrom\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}", 200);
            String caseworker = issuer.token("bench-tenant", "bench-caseworker", List.of("caseworker"));
            String applicant = post(http, "http://127.0.0.1:" + intakePort + "/api/v1/applicants", caseworker,
                    "{\"name\":{\"given\":\"Bench\",\"family\":\"Evidence\"},\"nationalities\":[{\"country\":\"RU\",\"imposed\":false}],"
                            + "\"birthDate\":\"1990-01-01\",\"sex\":\"MALE\"}", 201);
            String claim = post(http, "http://127.0.0.1:" + intakePort + "/api/v1/claims", caseworker,
                    "{\"applicantId\":\"" + BenchSupport.field(applicant, "id") + "\",\"military\":{\"status\":\"MOBILISED_RESERVIST\"},"
                            + "\"credibility\":{\"militaryStatus\":\"ACCEPTED\"}}", 201);
            String uploadUrl = "http://127.0.0.1:" + gatewayPort + "/api/v1/documents?claimId=" + BenchSupport.field(claim, "id")
                    + "&category=OTHER&filename=evidence.pdf";
            String sinkUrl = "http://127.0.0.1:" + sink.getAddress().getPort() + "/upload";
            String directUrl = documents.baseUrl() + "/api/v1/documents?claimId=" + BenchSupport.field(claim, "id") + "&category=OTHER&filename=evidence.pdf";

            long rssIdle = documents.rssBytes(); // before any upload: the growth below includes the warm-up
            long peak = rssIdle;
            // warm-up, the same for both sides: the JIT compiles AES-GCM's GHASH and counter mode to their
            // CPU intrinsics only after a few hundred MB; a service that has handled a few uploads runs warm
            AtomicLong warmRss = new AtomicLong(rssIdle);
            for (int i = 0; i < 3; i++) {
                curl(sinkUrl, null, file, 128L << 20);
                curl(uploadUrl, caseworker, file, 128L << 20);
                warmRss.accumulateAndGet(documents.rssBytes(), Math::max);
            }
            peak = Math.max(peak, warmRss.get());
            List<double[]> results = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                double plain = curl(sinkUrl, null, file, SIZE);
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong maxRss = new AtomicLong(documents.rssBytes());
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        try {
                            maxRss.accumulateAndGet(documents.rssBytes(), Math::max);
                            Thread.sleep(50);
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                sampler.start();
                double through = curl(uploadUrl, caseworker, file, SIZE);
                running.set(false);
                sampler.join();
                peak = Math.max(peak, maxRss.get());
                double direct = curl(directUrl, caseworker, file, SIZE);
                results.add(new double[]{plain, through, direct});
            }
            for (ServiceProcess child : children) {
                child.stop();
            }
            System.out.printf("%n| measure | value | budget |%n|---|---|---|%n");
            for (int i = 0; i < results.size(); i++) {
                double[] r = results.get(i);
                System.out.printf("| round %d: plain curl upload to a disk-writing sink | %.0f MB/s | |%n", i + 1, r[0] / 1e6);
                System.out.printf("| round %d: curl → gateway → documents (sniff, SHA-256, AES-GCM, disk) | %.0f MB/s | |%n", i + 1, r[1] / 1e6);
                System.out.printf("| **round %d: ratio** | **%.0f%%** | >= 80%% |%n", i + 1, 100 * r[1] / r[0]);
                System.out.printf("| round %d: curl → documents directly (no gateway hop) | %.0f MB/s = %.0f%% of plain | |%n", i + 1,
                        r[2] / 1e6, 100 * r[2] / r[0]);
            }
            System.out.printf("| documents RSS before any upload → peak during all of them (-Xmx256m) | %d → %d MB (**+%d MB**) | <= +64 MB |%n",
                    rssIdle >> 20, peak >> 20, (peak - rssIdle) >> 20);
            System.out.printf("| upload size | %d bytes | 1 GiB |%n", SIZE);
        } finally {
            sink.stop(0);
        }
    }

    /** Seconds → bytes per second for curl uploading {@code bytes} of {@code file} (fails on any non-2xx). */
    private static double curl(String url, String token, Path file, long bytes) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-f", "-o", "/dev/null", "-w", "%{time_total}",
                "-H", "Content-Type: application/pdf", "-X", "POST", "-T", file.toString()));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        if (bytes != Files.size(file)) {
            Path part = file.resolveSibling("part-" + bytes);
            if (!Files.exists(part)) {
                try (InputStream in = Files.newInputStream(file)) {
                    Files.write(part, in.readNBytes((int) bytes));
                }
            }
            command.set(command.indexOf(file.toString()), part.toString());
        }
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes()).trim();
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl " + url + " failed: " + output);
        }
        return bytes / Double.parseDouble(output.replace(',', '.'));
    }

    /** A bare HTTP endpoint that writes each body to a file on the same disk. */
    private static HttpServer sink(Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/upload", exchange -> {
            Path target = dir.resolve("upload.bin");
            try (InputStream body = exchange.getRequestBody(); OutputStream out = Files.newOutputStream(target)) {
                body.transferTo(out);
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A "PDF" of {@code size} bytes: the magic, then pseudo-random content (incompressible, like a scan). */
    private static void generate(Path file, long size) throws Exception {
        Random random = new Random(1);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] head = "%PDF-1.7\n".getBytes();
            out.write(head);
            long left = size - head.length;
            while (left > 0) {
                random.nextBytes(buffer);
                int n = (int) Math.min(buffer.length, left);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static String post(HttpClient http, String url, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
