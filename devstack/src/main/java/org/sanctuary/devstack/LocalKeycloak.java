package org.sanctuary.devstack;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak 26.7.3 for the local stack, from the {@code keycloak-quarkus-dist} archive on Maven
 * Central (fetched into the local Maven repository once, unpacked once into {@code .devstack/}),
 * started in dev mode with the {@code sanctuary} realm imported from
 * {@code devstack/src/main/resources/keycloak/sanctuary-realm.json}. Local demo only: the bootstrap
 * admin is admin/admin and every demo user's password is its username.
 */
public final class LocalKeycloak implements Closeable {

    public static final String VERSION = "26.7.3";
    public static final int PORT = 8180;
    public static final String REALM_URL = "http://127.0.0.1:" + PORT + "/realms/sanctuary";

    private final Process process;

    private LocalKeycloak(Process process) {
        this.process = process;
    }

    public static String issuer() {
        return REALM_URL;
    }

    public static String jwksUrl() {
        return REALM_URL + "/protocol/openid-connect/certs";
    }

    public static boolean running() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(REALM_URL
                    + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unpacks (once) and starts Keycloak; waits until the realm answers. */
    public static LocalKeycloak start(Path home, boolean showLogs) throws IOException, InterruptedException {
        Path installation = home.resolve("keycloak-" + VERSION);
        if (!Files.isDirectory(installation.resolve("bin"))) {
            Path archive = archive();
            Files.createDirectories(home);
            run(List.of("tar", "xzf", archive.toString(), "-C", home.toString()));
        }
        Path imports = Files.createDirectories(installation.resolve("data").resolve("import"));
        Path imported = imports.resolve("sanctuary-realm.json");
        byte[] realm;
        try (InputStream in = LocalKeycloak.class.getResourceAsStream("/keycloak/sanctuary-realm.json")) {
            realm = in.readAllBytes();
        }
        // Keycloak imports a realm only when it has none: when the demo realm changed since the last start,
        // the local (development) database is dropped, so the new realm is imported afresh
        if (Files.exists(imported) && !java.util.Arrays.equals(Files.readAllBytes(imported), realm)) {
            deleteTree(installation.resolve("data").resolve("h2"));
        }
        Files.write(imported, realm);
        ProcessBuilder builder = new ProcessBuilder(installation.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + PORT, "--import-realm");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"); // local demo only
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        ServiceProcess.pumpLogs("keycloak", process, showLogs);
        LocalKeycloak keycloak = new LocalKeycloak(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!running()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                keycloak.close();
                throw new IllegalStateException("Keycloak did not start (exit " + (process.isAlive() ? "none" : process.exitValue()) + ")");
            }
            Thread.sleep(500);
        }
        return keycloak;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The archive in the local Maven repository, fetched with the wrapper when missing. */
    static Path archive() throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", VERSION, "keycloak-quarkus-dist-" + VERSION + ".tar.gz");
        if (!Files.exists(archive)) {
            Path root = ServiceProcess.root();
            run(List.of(root.resolve("mvnw").toString(), "-B", "-q", "dependency:get", "-Dtransitive=false",
                    "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION + ":tar.gz"));
        }
        return archive;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    /** A user's access token by the password grant of the public {@code sanctuary-cli} client. */
    public static String token(String username, String password) throws IOException, InterruptedException {
        return tokenFrom("client_id=sanctuary-cli&grant_type=password&username=" + enc(username) + "&password=" + enc(password));
    }

    /** A service account's token by the client-credentials grant. */
    public static String clientToken(String clientId, String secret) throws IOException, InterruptedException {
        return tokenFrom("client_id=" + enc(clientId) + "&client_secret=" + enc(secret) + "&grant_type=client_credentials");
    }

    private static String tokenFrom(String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(REALM_URL
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IOException("Keycloak refused the token request: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
