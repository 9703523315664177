package org.sanctuary.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The local platform in one command ({@code ./sanctuary up}): embedded PostgreSQL with its data
 * kept under {@code .devstack/}, a local token issuer, and every service built so far as a child
 * process with a health check and prefixed logs. Everything here is for a developer's machine only:
 * the keys and passwords it creates are local demo secrets, never used anywhere else.
 *
 * <p>Until the Keycloak-based stack lands (the gateway issue), tokens come from a local issuer
 * that signs Keycloak-shaped tokens ({@code organization}, flat {@code roles}) with a key kept in
 * {@code .devstack/}.
 */
public final class DevStack {

    static final Path HOME = Path.of(".devstack");
    static final int POSTGRES_PORT = 5433;
    static final int ISSUER_PORT = 8179;
    static final String REALM_PATH = "/realms/sanctuary";
    static final String ISSUER = "http://127.0.0.1:" + ISSUER_PORT + REALM_PATH;
    static final String LOCAL_PASSWORD = "local-demo-only";

    record Service(String name, int port) {
        Path jar() throws IOException {
            Path target = Path.of("services", name, "target");
            try (var files = Files.list(target)) {
                return files.filter(p -> p.getFileName().toString().matches("sanctuary-" + name + "-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().contains("original"))
                        .findFirst().orElseThrow(() -> new IOException("build " + target + " first (./sanctuary up builds it)"));
            }
        }
    }

    static final List<Service> SERVICES = List.of(new Service("intake", 8081));

    private final List<Process> children = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private HttpServer issuer;
    private RSAKey key;

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> new DevStack().up();
            case "down" -> down();
            case "token" -> System.out.println(new DevStack().loadKey().token(args[1], args[2], List.of(args).subList(3, args.length)));
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
        postgres = EmbeddedPostgres.builder().setDataDirectory(HOME.resolve("postgres").toFile())
                .setCleanDataDirectory(false).setPort(POSTGRES_PORT).start();
        for (Service service : SERVICES) {
            provision(service.name());
        }

        step("Local token issuer on " + ISSUER);
        loadKey();
        startIssuer();

        String masterKey = masterKey();
        for (Service service : SERVICES) {
            step("Service " + service.name() + " on http://127.0.0.1:" + service.port());
            start(service, masterKey);
        }
        for (Service service : SERVICES) {
            awaitHealthy(service);
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
        for (Process child : children) {
            child.destroy();
        }
        for (Process child : children) {
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (issuer != null) {
            issuer.stop(0);
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the process is exiting anyway
            }
        }
    }

    /** The same three roles production uses: owner (migrations), NOLOGIN DML group, login role without BYPASSRLS. */
    private void provision(String service) throws SQLException {
        try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             Statement st = admin.createStatement()) {
            role(st, service + "_owner", "login password '" + LOCAL_PASSWORD + "'");
            role(st, service + "_service", "nologin");
            role(st, service + "_app", "login nobypassrls password '" + LOCAL_PASSWORD + "' in role " + service + "_service");
            if (!st.executeQuery("select 1 from pg_database where datname = '" + service + "'").next()) {
                st.execute("create database " + service + " owner " + service + "_owner");
            }
        }
    }

    private static void role(Statement st, String role, String options) throws SQLException {
        st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then create role "
                + role + " " + options + "; end if; end $$");
    }

    private DevStack loadKey() throws IOException, JOSEException, ParseException {
        Path file = HOME.resolve("local-issuer-key.json");
        if (Files.exists(file)) {
            key = RSAKey.parse(Files.readString(file));
        } else {
            Files.createDirectories(HOME);
            key = new RSAKeyGenerator(2048).keyID("sanctuary-local-" + UUID.randomUUID()).generate();
            Files.writeString(file, key.toJSONString());
        }
        return this;
    }

    private void startIssuer() throws IOException {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", ISSUER_PORT), 0);
        issuer.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        issuer.start();
    }

    String token(String tenant, String user, List<String> roles) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(user).claim("preferred_username", user)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(12))))
                .jwtID(UUID.randomUUID().toString()).claim("organization", List.of(tenant)).claim("roles", roles).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
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

    private void start(Service service, String masterKey) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", service.jar().toString());
        Map<String, String> env = builder.environment();
        env.put("SANCTUARY_PORT", Integer.toString(service.port()));
        env.put("SANCTUARY_DB_URL", "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/" + service.name());
        env.put("SANCTUARY_DB_USER", service.name() + "_app");
        env.put("SANCTUARY_DB_PASSWORD", LOCAL_PASSWORD);
        env.put("SANCTUARY_DB_OWNER", service.name() + "_owner");
        env.put("SANCTUARY_DB_OWNER_PASSWORD", LOCAL_PASSWORD);
        env.put("SANCTUARY_JWKS_URL", ISSUER + "/protocol/openid-connect/certs");
        env.put("SANCTUARY_ISSUER", ISSUER);
        env.put("SANCTUARY_MASTER_KEY", masterKey);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        children.add(process);
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    System.out.println("[" + service.name() + "] " + line);
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, service.name() + "-log");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitHealthy(Service service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    step(service.name() + " is healthy");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.name() + " did not become healthy within 90 s");
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
            String token = token(p[0], p[0] + "-caseworker", List.of("caseworker"));
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

    private void printWelcome() throws JOSEException {
        String gov = token("demo-gov", "gov-caseworker", List.of("caseworker"));
        System.out.println();
        System.out.println("Sanctuary is up (local demo; Ctrl-C or ./sanctuary down stops it).");
        System.out.println("  intake          http://127.0.0.1:8081   (OpenAPI: /openapi/sanctuary-intake-v1.yml)");
        System.out.println("  postgres        127.0.0.1:" + POSTGRES_PORT + "  (data in .devstack/postgres)");
        System.out.println("  token issuer    " + ISSUER + "  (local demo issuer until Keycloak joins the stack)");
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
