package org.sanctuary.assessment;

import org.sanctuary.assessment.engine.AcceptanceSuite;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real intake and tenants services, from their built jars, each on its own fresh database and
 * trusting the test issuer: the assessment's tests read facts, packs and tenant status from them and
 * move claims in them, as in production. Tenant A follows the EU pack, tenant B the Convention-only
 * one. Started once per test JVM.
 */
public final class RealUpstream {

    private static RealUpstream instance;

    public final String intake;
    public final String tenants;

    private RealUpstream(String intake, String tenants) {
        this.intake = intake;
        this.tenants = tenants;
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
        int tenantsPort = freePort();
        int intakePort = freePort();
        List<String> jvm = List.of("-Xmx160m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
        ServiceProcess tenants = ServiceProcess.start("tenants", tenantsPort, env("tenants", tenantsPort), jvm, false);
        Map<String, String> intakeEnv = new HashMap<>(env("intake", intakePort));
        intakeEnv.put("SANCTUARY_TENANTS_URL", "http://127.0.0.1:" + tenantsPort);
        ServiceProcess intake = ServiceProcess.start("intake", intakePort, intakeEnv, jvm, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                intake.stop();
                tenants.stop();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        tenants.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(200));
        intake.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(200));
        RealUpstream upstream = new RealUpstream(intake.baseUrl(), tenants.baseUrl());
        upstream.registerTenants();
        return upstream;
    }

    private static Map<String, String> env(String service, int port) {
        ServiceDatabase db = ServiceDatabase.create(service);
        return ServiceProcess.environment(service, port, db.url(), db.password(), TestJwtIssuer.get().jwksUrl(),
                TestJwtIssuer.ISSUER, ServiceTestProperties.TEST_MASTER_KEY);
    }

    private void registerTenants() throws IOException {
        ApiClient api = new ApiClient(tenants);
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, String> packs = Map.of(TwoTenants.A, "eu-member.json", TwoTenants.B, "convention-strict.json");
        for (Map.Entry<String, String> tenant : packs.entrySet()) {
            ApiClient.Response created = api.post("/api/v1/tenants", platform, Map.of("id", tenant.getKey(), "name",
                    tenant.getKey(), "kind", "GOVERNMENT", "jurisdiction", "DE"));
            assertEquals(201, created.status(), created.body());
            String admin = TestJwtIssuer.get().token(tenant.getKey(), "policy-admin-1", "policy-admin");
            String pack = Files.readString(AcceptanceSuite.ROOT.resolve("packs").resolve(tenant.getValue()));
            ApiClient.Response draft = api.post("/api/v1/tenants/" + tenant.getKey() + "/policy-packs", admin, pack);
            assertEquals(201, draft.status(), draft.body());
            ApiClient.Response published = api.post("/api/v1/tenants/" + tenant.getKey() + "/policy-packs/1/publish", admin,
                    Map.of("effectiveFrom", today));
            assertEquals(200, published.status(), published.body());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
