package org.sanctuary.testkit;

import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real intake and tenants services, from their built jars, each on its own fresh database and
 * trusting the test issuer: a service's API tests read claims, packs and tenant status from them
 * and move claims in them, as in production. Started once per test JVM; {@link #tenant} registers
 * a tenant with its pack.
 */
public final class RealUpstream {

    private static RealUpstream instance;

    public final String intake;
    public final String tenants;
    /**
     * The port the assessment service listens on beside these: intake reads its event feed there (approved
     * decisions and lodged appeals move claims). An assessment service under test listens on it
     * ({@code micronaut.server.port}); otherwise {@link #assessment()} starts the real one there.
     */
    public final int assessmentPort;
    private final java.util.Set<String> registered = new java.util.HashSet<>();
    private String assessment;
    private String documents;

    private RealUpstream(String intake, String tenants, int assessmentPort) {
        this.intake = intake;
        this.tenants = tenants;
        this.assessmentPort = assessmentPort;
    }

    public static synchronized RealUpstream get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static RealUpstream start() throws IOException, InterruptedException {
        ServiceProcess tenants = launch("tenants", Map.of());
        int assessmentPort = ServiceProcess.freePort();
        ServiceProcess intake = launch("intake", Map.of("SANCTUARY_TENANTS_URL", tenants.baseUrl(),
                "SANCTUARY_ASSESSMENT_URL", "http://127.0.0.1:" + assessmentPort,
                "SANCTUARY_PLATFORM_TOKEN_URL", TestJwtIssuer.get().tokenUrl(),
                "SANCTUARY_INTAKE_ASSESSMENT_FEED_INTERVAL", "200ms"));
        await(tenants);
        await(intake);
        return new RealUpstream(intake.baseUrl(), tenants.baseUrl(), assessmentPort);
    }

    /** Starts {@code service}'s built jar on a free port and its own fresh database, stopped when the JVM exits. */
    private static ServiceProcess launch(String service, Map<String, String> extra) throws IOException {
        return launch(service, ServiceProcess.freePort(), extra);
    }

    private static ServiceProcess launch(String service, int port, Map<String, String> extra) throws IOException {
        Map<String, String> env = new HashMap<>(env(service, port));
        env.putAll(extra);
        ServiceProcess process = ServiceProcess.start(service, port, env,
                List.of("-Xmx160m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"), false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                process.stop();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        return process;
    }

    private static void await(ServiceProcess process) throws IOException, InterruptedException {
        process.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(200));
    }

    /** A further service beside intake and tenants, started and awaited; its base URL. */
    private String beside(String service, Map<String, String> extra) {
        return beside(service, 0, extra);
    }

    private String beside(String service, int port, Map<String, String> extra) {
        try {
            Map<String, String> env = new HashMap<>(extra);
            env.put("SANCTUARY_TENANTS_URL", tenants);
            env.put("SANCTUARY_INTAKE_URL", intake);
            ServiceProcess process = port == 0 ? launch(service, env) : launch(service, port, env);
            await(process);
            return process.baseUrl();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> env(String service, int port) {
        ServiceDatabase db = ServiceDatabase.create(service);
        return ServiceProcess.environment(service, port, db.url(), db.password(), TestJwtIssuer.get().jwksUrl(),
                TestJwtIssuer.ISSUER, ServiceTestProperties.TEST_MASTER_KEY);
    }

    /**
     * The real assessment service too (started on first use), beside this intake and tenants: for
     * services that read its feed. The module using it lists sanctuary-assessment for the reactor's order.
     */
    public synchronized String assessment() {
        if (assessment == null) {
            assessment = beside("assessment", assessmentPort, Map.of());
        }
        return assessment;
    }

    /** The real documents service too (started on first use, blobs in a temporary directory); its module orders the reactor. */
    public synchronized String documents() {
        if (documents == null) {
            try {
                documents = beside("documents", Map.of("SANCTUARY_STORAGE_PATH",
                        java.nio.file.Files.createTempDirectory("testkit-blobs").toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    /** Registers {@code tenant} (once) and publishes {@code pack} for it from today. */
    public synchronized RealUpstream tenant(String tenant, String pack) {
        if (registered.contains(tenant)) {
            return this;
        }
        ApiClient api = new ApiClient(tenants);
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        ApiClient.Response created = api.post("/api/v1/tenants", platform, Map.of("id", tenant, "name", tenant,
                "kind", "GOVERNMENT", "jurisdiction", "DE"));
        assertEquals(201, created.status(), created.body());
        String admin = TestJwtIssuer.get().token(tenant, "policy-admin-1", "policy-admin");
        ApiClient.Response draft = api.post("/api/v1/tenants/" + tenant + "/policy-packs", admin, pack);
        assertEquals(201, draft.status(), draft.body());
        ApiClient.Response published = api.post("/api/v1/tenants/" + tenant + "/policy-packs/" + draft.json().get("version")
                + "/publish", admin, Map.of("effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString()));
        assertEquals(200, published.status(), published.body());
        registered.add(tenant);
        return this;
    }
}
