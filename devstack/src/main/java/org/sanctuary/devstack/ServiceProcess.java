package org.sanctuary.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service as a child process: its shaded jar, its environment, prefixed logs, a health check.
 * {@code /health} and {@code /metrics} are on the service's management port
 * ({@code ENDPOINTS_ALL_PORT}), never on its API port.
 */
public final class ServiceProcess {

    /** The environment variable naming the management port (application.yml {@code endpoints.all.port}). */
    public static final String MANAGEMENT_PORT = "ENDPOINTS_ALL_PORT";

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;

    /** The child's last lines of output, whether shown or not: said when it exits before it is healthy. */
    private final java.util.Deque<String> tail;

    private ServiceProcess(String name, int port, int managementPort, Process process, java.util.Deque<String> tail) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.tail = tail;
    }

    /** The repository root: this folder or the nearest parent holding services/ (tests run in a module folder). */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("services"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("") : dir;
    }

    public static Path jar(String name) throws IOException {
        Path module = name.equals("gateway") ? Path.of("gateway") : Path.of("services", name);
        Path target = root().resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("sanctuary-" + name + "-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IOException("build " + target + " first (./sanctuary up builds it)"));
        }
    }

    /** The environment every service reads (application.yml of each service). */
    public static Map<String, String> environment(String name, int port, LocalPostgres postgres, LocalIssuer issuer,
                                                  String masterKey) {
        return environment(name, port, postgres.url(name), LocalPostgres.LOCAL_PASSWORD, issuer.jwksUrl(),
                issuer.issuer(), masterKey);
    }

    /**
     * The roles are {@code <name>_app} and {@code <name>_owner}, both with {@code password}; the
     * management port is a free one.
     */
    public static Map<String, String> environment(String name, int port, String jdbcUrl, String password,
                                                  String jwksUrl, String issuer, String masterKey) {
        return Map.of("SANCTUARY_PORT", Integer.toString(port),
                MANAGEMENT_PORT, Integer.toString(freePort()),
                "SANCTUARY_DB_URL", jdbcUrl,
                "SANCTUARY_DB_USER", name + "_app",
                "SANCTUARY_DB_PASSWORD", password,
                "SANCTUARY_DB_OWNER", name + "_owner",
                "SANCTUARY_DB_OWNER_PASSWORD", password,
                "SANCTUARY_JWKS_URL", jwksUrl,
                "SANCTUARY_ISSUER", issuer,
                "SANCTUARY_MASTER_KEY", masterKey);
    }

    public static ServiceProcess start(String name, int port, Map<String, String> env, List<String> jvmOptions,
                                       boolean showLogs) throws IOException {
        return start(name, jar(name), port, env, jvmOptions, showLogs);
    }

    /**
     * Starts {@code name} from a copy of its built jar in {@code staging}: the running process never reads the
     * module's {@code target/}, so a build (the test suite, while {@code ./sanctuary up} runs) cannot pull a class
     * out from under it.
     */
    public static ServiceProcess startStaged(String name, Path staging, int port, Map<String, String> env,
                                             List<String> jvmOptions, boolean showLogs) throws IOException {
        Files.createDirectories(staging);
        Path built = jar(name);
        Path copy = staging.resolve(built.getFileName());
        Path partial = staging.resolve(built.getFileName() + ".part");
        Files.copy(built, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return start(name, copy, port, env, jvmOptions, showLogs);
    }

    private static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, List<String> jvmOptions,
                                        boolean showLogs) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        int management = Integer.parseInt(builder.environment().computeIfAbsent(MANAGEMENT_PORT,
                k -> Integer.toString(freePort())));
        Process process = builder.start();
        return new ServiceProcess(name, port, management, process, pumpLogs(name, process, showLogs));
    }

    /**
     * A port nothing listened on a moment ago, chosen below the kernel's ephemeral range: a port the
     * kernel hands out ({@code new ServerSocket(0)}) can be taken again as the local port of any outgoing
     * connection between this check and the child's bind. The tests' twin is common's {@code FreePorts}
     * (the common test jar cannot depend on devstack).
     */
    public static int freePort() {
        int lowest = 10_000;
        int highest = ephemeralLow() - 1;
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(lowest, highest);
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + lowest + " and " + highest);
    }

    /** The first port of the kernel's ephemeral range (Linux: /proc; elsewhere the IANA range). */
    private static int ephemeralLow() {
        try {
            int low = firstPort(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return low > 11_000 ? low : 49_152;
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    /** procfs files report size 0: read them by line (Files.readString returns a fragment). */
    private static int firstPort(Path range) throws IOException {
        try (java.io.BufferedReader reader = Files.newBufferedReader(range)) {
            String line = reader.readLine();
            return Integer.parseInt(line == null ? "" : line.trim().split("\\s+")[0]);
        }
    }

    /** Reads a child's output (so it never blocks on a full pipe), printing it prefixed when asked. */
    /** Lines of output kept for the message of a child that exits early. */
    private static final int TAIL = 30;

    /** Reads the child's output (printing it when {@code show}); answers its last {@value #TAIL} lines, kept as it runs. */
    static java.util.Deque<String> pumpLogs(String name, Process process, boolean show) {
        java.util.Deque<String> tail = new java.util.concurrent.ConcurrentLinkedDeque<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (show) {
                        System.out.println("[" + name + "] " + line);
                    }
                    tail.addLast(line);
                    if (tail.size() > TAIL) {
                        tail.pollFirst();
                    }
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, name + "-log");
        pump.setDaemon(true);
        pump.start();
        return tail;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management port's base URL: {@code /health}, {@code /metrics}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    /** Polls /health (on the management port) until it answers 200; returns when it did. */
    public void awaitHealthy(Duration timeout, Duration poll) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                Thread.sleep(200); // the pump reads what the child wrote last
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its last lines:\n" + String.join("\n", tail));
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(poll.toMillis());
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout);
    }

    /** Resident set size in bytes, from /proc (Linux). */
    public long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + process.pid());
    }

    /** Waits for the process to end by itself (a migrate-only run); its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not exit within " + timeout);
        }
        return process.exitValue();
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
