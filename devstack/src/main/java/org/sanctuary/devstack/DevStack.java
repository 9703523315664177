package org.sanctuary.devstack;

import java.io.Closeable;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local platform in one command ({@code ./sanctuary up}): embedded PostgreSQL (data kept under
 * {@code .devstack/}), Keycloak 26 with the {@code sanctuary} realm, every service and the gateway
 * as child processes with health checks and prefixed logs, and demo data. The end-to-end suite
 * starts it the same way ({@link #start}). Everything here is for a developer's machine only: the
 * keys and passwords it uses are local demo secrets.
 */
public final class DevStack implements Closeable {

    public static final Path HOME = ServiceProcess.root().resolve(".devstack");
    /** The jars the platform runs from, copied from the modules' target/ at start: a build beside it replaces only those. */
    static final Path JARS = HOME.resolve("jars");
    public static final int POSTGRES_PORT = 5433;
    public static final int GATEWAY_PORT = 8080;
    public static final String GATEWAY = "http://127.0.0.1:" + GATEWAY_PORT;
    /** Management ports (/health, /metrics) are the API port + 1000: 9080 for the gateway, 9081 upwards. */
    public static final int MANAGEMENT_OFFSET = 1000;
    public static final String GATEWAY_MANAGEMENT = "http://127.0.0.1:" + (GATEWAY_PORT + MANAGEMENT_OFFSET);

    record Service(String name, int port) {
    }

    /** Services behind the gateway, with their fixed local ports (8081 upwards). */
    static final List<Service> SERVICES = List.of(new Service("intake", 8081), new Service("tenants", 8082),
            new Service("assessment", 8083), new Service("documents", 8084),
            new Service("reporting", 8085));

    /**
     * Where the platform's processes listen: the gateway and each service on its API port; the management port is
     * the API port + {@link #MANAGEMENT_OFFSET} locally, a free one otherwise.
     */
    public record Layout(int gateway, Map<String, Integer> services, boolean offsetManagement) {

        /** The fixed local ports of {@code ./sanctuary up}. */
        public static final Layout LOCAL = new Layout(GATEWAY_PORT, SERVICES.stream().collect(
                java.util.stream.Collectors.toUnmodifiableMap(Service::name, Service::port)), true);

        /** Free ports, for a second platform beside the local one (tests). */
        public static Layout free() {
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            Map<String, Integer> ports = new HashMap<>();
            for (Service service : SERVICES) {
                ports.put(service.name(), distinct(taken));
            }
            return new Layout(distinct(taken), Map.copyOf(ports), false);
        }

        private static int distinct(java.util.Set<Integer> taken) {
            int port;
            do {
                port = ServiceProcess.freePort();
            } while (!taken.add(port));
            return port;
        }

        public String url(String service) {
            return "http://127.0.0.1:" + (service.equals("gateway") ? gateway : services.get(service));
        }
    }

    private final List<ServiceProcess> children = new ArrayList<>();
    private LocalPostgres postgres;
    private LocalKeycloak keycloak;

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> up();
            case "down" -> down();
            case "token" -> System.out.println(LocalKeycloak.token(args[1], args.length > 2 ? args[2] : args[1]));
            default -> {
                System.err.println("usage: sanctuary up | down | token <user> [password]");
                System.exit(2);
            }
        }
    }

    private static void up() throws Exception {
        Path pidFile = HOME.resolve("devstack.pid");
        CountDownLatch stopped = new CountDownLatch(1);
        DevStack stack;
        try {
            stack = start(true);
        } catch (Exception e) {
            System.err.println("sanctuary up failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // best effort
            }
            stopped.countDown();
        }));
        printWelcome();
        stopped.await();
    }

    /** True when a stack already answers on the fixed local ports (the e2e suite then reuses it). */
    public static boolean running() {
        return LocalKeycloak.running() && healthy(GATEWAY_MANAGEMENT + "/health");
    }

    /** Starts everything; on failure stops what did start and rethrows. */
    public static DevStack start(boolean showLogs) throws Exception {
        DevStack stack = new DevStack();
        try {
            stack.startAll(showLogs);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(boolean showLogs) throws Exception {
        Files.createDirectories(HOME);
        step("PostgreSQL (embedded, data in .devstack/postgres, port " + POSTGRES_PORT + ")");
        postgres = LocalPostgres.start(HOME.resolve("postgres"), POSTGRES_PORT);
        for (Service service : SERVICES) {
            postgres.provision(service.name());
        }
        step("Keycloak " + LocalKeycloak.VERSION + " on http://127.0.0.1:" + LocalKeycloak.PORT
                + " (first start unpacks and builds it: about a minute)");
        keycloak = LocalKeycloak.start(HOME, showLogs);

        children.addAll(startPlatform(Layout.LOCAL, postgres::url, LocalPostgres.LOCAL_PASSWORD, HOME.resolve("documents"),
                masterKey(), showLogs));
        for (ServiceProcess child : children) {
            child.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(250));
            step(child.baseUrl() + " is healthy");
        }
        seedDemoData();
    }

    /**
     * Starts every service and the gateway on {@code layout}, each on its database ({@code jdbcUrl} of the service's
     * name, its roles' password {@code dbPassword}), documents' sealed blobs under {@code documents}; the Keycloak
     * of {@code ./sanctuary up} issues the tokens. Returns the processes as started (not yet healthy); if one cannot be
     * started, those that were are stopped.
     */
    public static List<ServiceProcess> startPlatform(Layout layout, java.util.function.Function<String, String> jdbcUrl,
                                                     String dbPassword, Path documents, String masterKey, boolean showLogs)
            throws IOException {
        List<ServiceProcess> started = new ArrayList<>();
        try {
            startPlatform(layout, jdbcUrl, dbPassword, documents, masterKey, showLogs, started);
        } catch (IOException | RuntimeException e) {
            for (ServiceProcess process : started) {
                try {
                    process.stop();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        }
        return started;
    }

    private static void startPlatform(Layout layout, java.util.function.Function<String, String> jdbcUrl, String dbPassword,
                                      Path documents, String masterKey, boolean showLogs, List<ServiceProcess> started)
            throws IOException {
        // the services each other calls; only the gateway calls reporting
        Map<String, String> urls = Map.of("SANCTUARY_TENANTS_URL", layout.url("tenants"), "SANCTUARY_INTAKE_URL", layout.url("intake"),
                "SANCTUARY_ASSESSMENT_URL", layout.url("assessment"), "SANCTUARY_DOCUMENTS_URL", layout.url("documents"));
        for (Service service : SERVICES) {
            int port = layout.services().get(service.name());
            step("Service " + service.name() + " on http://127.0.0.1:" + port);
            Map<String, String> env = new HashMap<>(ServiceProcess.environment(service.name(), port, jdbcUrl.apply(service.name()),
                    dbPassword, LocalKeycloak.jwksUrl(), LocalKeycloak.issuer(), masterKey));
            if (layout.offsetManagement()) {
                env.put(ServiceProcess.MANAGEMENT_PORT, Integer.toString(port + MANAGEMENT_OFFSET));
            }
            env.putAll(urls);
            if (List.of("intake", "documents", "reporting").contains(service.name())) {
                env.put("SANCTUARY_PLATFORM_TOKEN_URL", LocalKeycloak.REALM_URL + "/protocol/openid-connect/token");
                env.put("SANCTUARY_PLATFORM_CLIENT_SECRET", "local-demo-only-platform-secret"); // local demo only
            }
            if (service.name().equals("reporting")) {
                // webhooks to the developer's own machine (http, 127.0.0.1): local development only, never in the chart
                env.put("SANCTUARY_WEBHOOKS_ALLOW_LOCAL", "true");
            }
            if (service.name().equals("documents")) {
                env.put("SANCTUARY_STORAGE_PATH", documents.toString()); // sealed blobs, beside the database
            }
            if (service.name().equals("tenants")) {
                env.put("SANCTUARY_KEYCLOAK_URL", "http://127.0.0.1:" + LocalKeycloak.PORT);
                env.put("SANCTUARY_KEYCLOAK_CLIENT_SECRET", "local-demo-only-tenants-secret"); // local demo only
                env.put("SANCTUARY_DATA_SERVICES", layout.url("intake") + "," + layout.url("assessment") + "," + layout.url("documents"));
            }
            List<String> jvm = service.name().equals("documents") // cipher intrinsics compiled early (docs/benchmarks.md)
                    ? List.of("-Xmx256m", "-XX:CompileThresholdScaling=0.05") : List.of("-Xmx256m");
            started.add(ServiceProcess.startStaged(service.name(), JARS, port, env, jvm, showLogs));
        }
        step("Gateway on " + layout.url("gateway"));
        Map<String, String> gateway = new HashMap<>(urls);
        gateway.put("SANCTUARY_REPORTING_URL", layout.url("reporting"));
        gateway.put("SANCTUARY_PORT", Integer.toString(layout.gateway()));
        if (layout.offsetManagement()) {
            gateway.put(ServiceProcess.MANAGEMENT_PORT, Integer.toString(layout.gateway() + MANAGEMENT_OFFSET));
        }
        gateway.put("SANCTUARY_JWKS_URL", LocalKeycloak.jwksUrl());
        gateway.put("SANCTUARY_ISSUER", LocalKeycloak.issuer());
        started.add(ServiceProcess.startStaged("gateway", JARS, layout.gateway(), gateway, List.of("-Xmx256m"), showLogs));
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

    @Override
    public void close() {
        for (ServiceProcess child : children) {
            try {
                child.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (keycloak != null) {
            keycloak.close();
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

    private static boolean healthy(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A handful of applicants and claims per demo tenant; idempotency keys make a second run a no-op. */
    private static void seedDemoData() throws Exception {
        step("Demo data for demo-gov and demo-ngo");
        registerTenant("demo-gov", "Demo Government Agency", "GOVERNMENT", "DE", "Europe/Berlin");
        registerTenant("demo-ngo", "Demo NGO", "NGO", "GB", "Europe/London");
        seedPolicyPack("gov-policy-admin", "demo-gov", "eu-member.json");
        seedPolicyPack("ngo-policy-admin", "demo-ngo", "convention-strict.json");
        HttpClient http = HttpClient.newHttpClient();
        String[][] people = {
                {"demo-gov", "Дмитрий", "Иванов", "RU", "1990-04-01", "MOBILISED_RESERVIST"},
                {"demo-gov", "Баир", "Цыренов", "RU", "1996-06-01", "SUMMONED_NON_REPORTER"},
                {"demo-gov", "Рустем", "Умеров", "UA", "1998-03-12", "SUMMONED_NON_REPORTER"},
                {"demo-ngo", "Алексей", "Смирнов", "RU", "1993-11-30", "DESERTER"},
                {"demo-ngo", "Андрій", "Коваленко", "UA", "2001-07-07", "PRE_CALL_UP_EVADER"},
        };
        Map<String, String> tokens = Map.of("demo-gov", LocalKeycloak.token("gov-caseworker", "gov-caseworker"),
                "demo-ngo", LocalKeycloak.token("ngo-caseworker", "ngo-caseworker"));
        for (int i = 0; i < people.length; i++) {
            String[] p = people[i];
            String token = tokens.get(p[0]);
            String applicant = "{\"name\":{\"given\":\"" + p[1] + "\",\"family\":\"" + p[2] + "\"},"
                    + "\"nationalities\":[{\"country\":\"" + p[3] + "\",\"imposed\":false}],\"birthDate\":\"" + p[4]
                    + "\",\"sex\":\"MALE\",\"languages\":[\"" + p[3].toLowerCase() + "\"]}";
            HttpResponse<String> created = post(http, GATEWAY + "/api/v1/applicants", token, applicant,
                    "demo-applicant-" + i);
            String id = created.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
            String claim = "{\"applicantId\":\"" + id + "\",\"military\":{\"status\":\"" + p[5] + "\",\"recruitingActor\":"
                    + "\"STATE\",\"recruitingCountry\":\"" + p[3] + "\",\"served\":false,\"deserted\":"
                    + p[5].equals("DESERTER") + "},\"credibility\":{\"militaryStatus\":\"ACCEPTED\"}}";
            post(http, GATEWAY + "/api/v1/claims", token, claim, "demo-claim-" + i);
        }
    }

    /** Registers a demo tenant with the platform administrator's token (409 when it exists is fine). */
    private static void registerTenant(String id, String name, String kind, String jurisdiction, String timezone)
            throws Exception {
        String body = "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind
                + "\",\"jurisdiction\":\"" + jurisdiction + "\",\"timezone\":\"" + timezone + "\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(GATEWAY
                        + "/api/v1/tenants")).header("Authorization", "Bearer " + LocalKeycloak.token("platform-admin", "platform-admin"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("registering " + id + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Publishes the tenant's example pack from today unless a pack is already in force. */
    private static void seedPolicyPack(String admin, String tenant, String file) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = LocalKeycloak.token(admin, admin);
        HttpResponse<String> effective = http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/policy"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (effective.statusCode() == 200) {
            return;
        }
        String pack;
        try (var in = DevStack.class.getResourceAsStream("/demo-packs/" + file)) {
            pack = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String base = GATEWAY + "/api/v1/tenants/" + tenant + "/policy-packs";
        HttpResponse<String> draft = post(http, base, token, pack, "demo-pack-" + tenant);
        String version = draft.body().replaceAll("(?s).*?\"version\":(\\d+).*", "$1");
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(base + "/" + version + "/publish"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"effectiveFrom\":\"" + java.time.LocalDate.now(
                        java.time.ZoneOffset.UTC) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (published.statusCode() != 200) {
            throw new IllegalStateException("publishing " + file + " answered " + published.statusCode() + ": " + published.body());
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

    private static void printWelcome() {
        System.out.println();
        System.out.println("Sanctuary is up (local demo; Ctrl-C or ./sanctuary down stops it).");
        System.out.println("  console     " + GATEWAY + "/       the web console: sign in as a demo user below");
        System.out.println("  gateway     " + GATEWAY + "        the one public entry (/api/v1/...)");
        System.out.println("  keycloak    http://127.0.0.1:" + LocalKeycloak.PORT + "        admin console: admin / admin");
        System.out.println("  intake      http://127.0.0.1:8081        (behind the gateway)");
        System.out.println("  tenants     http://127.0.0.1:8082        (behind the gateway)");
        System.out.println("  assessment  http://127.0.0.1:8083        (behind the gateway)");
        System.out.println("  documents   http://127.0.0.1:8084        (behind the gateway)");
        System.out.println("  reporting   http://127.0.0.1:8085        (behind the gateway)");
        System.out.println("  postgres    127.0.0.1:" + POSTGRES_PORT + "              data in .devstack/postgres");
        System.out.println();
        System.out.println("Demo logins (password = user name, local only): gov-caseworker, gov-supervisor, gov-policy-admin,");
        System.out.println("  gov-analyst, gov-auditor (organization demo-gov), ngo-caseworker, ngo-policy-admin (demo-ngo), platform-admin.");
        System.out.println("  Integrator: client demo-gov-integrator / local-demo-only-integrator-secret (client credentials).");
        System.out.println();
        System.out.println("Try:");
        System.out.println("  TOKEN=$(./sanctuary token gov-caseworker)");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + GATEWAY + "/api/v1/applicants");
    }

    private static void step(String message) {
        System.out.println("==> " + message);
    }
}
