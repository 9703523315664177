package org.sanctuary.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local platform in one command ({@code ./sanctuary up}): embedded PostgreSQL with its data
 * kept under {@code .devstack/}, a local token issuer, and every service built so far as a child
 * process with a health check and prefixed logs. Everything here is for a developer's machine only:
 * the keys and passwords it creates are local demo secrets, never used anywhere else.
 *
 * <p>Until the Keycloak-based stack lands (the gateway issue), tokens come from {@link LocalIssuer},
 * which signs Keycloak-shaped tokens with a key kept in {@code .devstack/}.
 */
public final class DevStack {

    static final Path HOME = Path.of(".devstack");
    static final int POSTGRES_PORT = 5433;
    static final int ISSUER_PORT = 8179;

    record Service(String name, int port) {
    }

    static final List<Service> SERVICES = List.of(new Service("intake", 8081));

    private final List<ServiceProcess> children = new ArrayList<>();
    private LocalPostgres postgres;
    private LocalIssuer issuer;

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> {
                try {
                    new DevStack().up();
                } catch (Exception e) {
                    System.err.println("sanctuary up failed: " + e.getMessage());
                    System.exit(1); // runs the shutdown hook: children, issuer and PostgreSQL stop
                }
            }
            case "down" -> down();
            case "token" -> System.out.println(LocalIssuer.withKey(HOME.resolve("local-issuer-key.json"), ISSUER_PORT)
                    .token(args[1], args[2], List.of(args).subList(3, args.length)));
            default -> {
                System.err.println("usage: sanctuary up | down | token <tenant> <user> <roles...>");
                System.exit(2);
            }
        }
    }

    private void up() throws Exception {
        Files.createDirectories(HOME);
        Path pidFile = HOME.resolve("devstack.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // best effort
            }
            stopped.countDown();
        }));

        step("PostgreSQL (embedded, data in .devstack/postgres, port " + POSTGRES_PORT + ")");
        postgres = LocalPostgres.start(HOME.resolve("postgres"), POSTGRES_PORT);
        for (Service service : SERVICES) {
            postgres.provision(service.name());
        }

        issuer = LocalIssuer.withKey(HOME.resolve("local-issuer-key.json"), ISSUER_PORT).serve();
        step("Local token issuer on " + issuer.issuer());

        String masterKey = masterKey();
        for (Service service : SERVICES) {
            step("Service " + service.name() + " on http://127.0.0.1:" + service.port());
            children.add(ServiceProcess.start(service.name(), service.port(),
                    ServiceProcess.environment(service.name(), service.port(), postgres, issuer, masterKey),
                    List.of("-Xmx256m"), true));
        }
        for (ServiceProcess child : children) {
            child.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(250));
            step(child.baseUrl() + " is healthy");
        }
        seedDemoData();
        printWelcome();
        stopped.await();
    }

    private static void down() throws IOException {
        Path pidFile = HOME.resolve("devstack.pid");
        if (!Files.exists(pidFile)) {
            System.out.println("sanctuary is not running");
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid).ifPresentOrElse(p -> {
            p.destroy();
            p.onExit().join();
            System.out.println("sanctuary stopped");
        }, () -> System.out.println("sanctuary was not running"));
        Files.deleteIfExists(pidFile);
    }

    private void stop() {
        for (ServiceProcess child : children) {
            try {
                child.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (issuer != null) {
            issuer.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the process is exiting anyway
            }
        }
    }

    /** A random master key, created once and kept in .devstack/ (local demo secret). */
    private static String masterKey() throws IOException {
        Path file = HOME.resolve("local-master-key");
        if (!Files.exists(file)) {
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.writeString(file, Base64.getEncoder().encodeToString(raw));
        }
        return Files.readString(file).trim();
    }

    /** A handful of applicants and claims per demo tenant; idempotency keys make a second run a no-op. */
    private void seedDemoData() throws Exception {
        step("Demo data for demo-gov and demo-ngo");
        HttpClient http = HttpClient.newHttpClient();
        String[][] people = {
                {"demo-gov", "Дмитрий", "Иванов", "RU", "1990-04-01", "MOBILISED_RESERVIST"},
                {"demo-gov", "Баир", "Цыренов", "RU", "1996-06-01", "SUMMONED_NON_REPORTER"},
                {"demo-gov", "Рустем", "Умеров", "UA", "1998-03-12", "SUMMONED_NON_REPORTER"},
                {"demo-ngo", "Алексей", "Смирнов", "RU", "1993-11-30", "DESERTER"},
                {"demo-ngo", "Андрій", "Коваленко", "UA", "2001-07-07", "PRE_CALL_UP_EVADER"},
        };
        for (int i = 0; i < people.length; i++) {
            String[] p = people[i];
            String token = issuer.token(p[0], p[0] + "-caseworker", List.of("caseworker"));
            String applicant = "{\"name\":{\"given\":\"" + p[1] + "\",\"family\":\"" + p[2] + "\"},"
                    + "\"nationalities\":[{\"country\":\"" + p[3] + "\",\"imposed\":false}],\"birthDate\":\"" + p[4]
                    + "\",\"sex\":\"MALE\",\"languages\":[\"" + p[3].toLowerCase() + "\"]}";
            HttpResponse<String> created = post(http, "http://127.0.0.1:8081/api/v1/applicants", token, applicant,
                    "demo-applicant-" + i);
            String id = created.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
            String claim = "{\"applicantId\":\"" + id + "\",\"military\":{\"status\":\"" + p[5] + "\",\"recruitingActor\":"
                    + "\"STATE\",\"recruitingCountry\":\"" + p[3] + "\",\"served\":false,\"deserted\":"
                    + p[5].equals("DESERTER") + "},\"credibility\":{\"militaryStatus\":\"ACCEPTED\"}}";
            post(http, "http://127.0.0.1:8081/api/v1/claims", token, claim, "demo-claim-" + i);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String body, String key)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("seeding " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private void printWelcome() {
        String gov = issuer.token("demo-gov", "gov-caseworker", List.of("caseworker"));
        System.out.println();
        System.out.println("Sanctuary is up (local demo; Ctrl-C or ./sanctuary down stops it).");
        System.out.println("  intake          http://127.0.0.1:8081   (OpenAPI: /openapi/sanctuary-intake-v1.yml)");
        System.out.println("  postgres        127.0.0.1:" + POSTGRES_PORT + "  (data in .devstack/postgres)");
        System.out.println("  token issuer    " + issuer.issuer() + "  (local demo issuer until Keycloak joins the stack)");
        System.out.println();
        System.out.println("Tokens: ./sanctuary token <demo-gov|demo-ngo> <user> <roles...>, e.g.");
        System.out.println("  ./sanctuary token demo-gov gov-caseworker caseworker");
        System.out.println();
        System.out.println("Try:");
        System.out.println("  TOKEN=" + gov);
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8081/api/v1/applicants");
    }

    private static void step(String message) {
        System.out.println("==> " + message);
    }
}
