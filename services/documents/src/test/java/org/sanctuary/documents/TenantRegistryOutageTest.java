package org.sanctuary.documents;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: with the tenants registry down, a service keeps serving a tenant from the status it last read for
 * {@code sanctuary.tenants.status-stale-limit} (five minutes in production, five seconds here), then fails closed with a
 * 503 problem — never open — and serves again, without a restart of its own, once the registry is back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantRegistryOutageTest implements TestPropertyProvider {

    private static final String TENANT = "registry-outage";
    private static final Duration STALE_LIMIT = Duration.ofSeconds(5);

    private final ServiceDatabase db = ServiceDatabase.create("documents");
    private final ServiceDatabase registryDb = ServiceDatabase.create("tenants");
    private final Map<String, String> registryEnv = new HashMap<>(ServiceProcess.environment("tenants", ServiceProcess.freePort(),
            registryDb.url(), registryDb.password(), TestJwtIssuer.get().jwksUrl(), TestJwtIssuer.ISSUER,
            ServiceTestProperties.TEST_MASTER_KEY));
    private ServiceProcess registry;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        registry = startRegistry();
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        ApiClient.Response created = new ApiClient(registry.baseUrl()).post("/api/v1/tenants", platform,
                Map.of("id", TENANT, "name", TENANT, "kind", "GOVERNMENT", "jurisdiction", "DE"));
        assertEquals(201, created.status(), created.body());
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.tenants.url", registry.baseUrl());
        properties.put("sanctuary.tenants.status-ttl", "200ms");
        properties.put("sanctuary.tenants.status-stale-limit", STALE_LIMIT.toMillis() + "ms");
        properties.put("sanctuary.intake.url", "http://127.0.0.1:9"); // not asked here
        try {
            properties.put("sanctuary.documents.path", Files.createTempDirectory("outage-blobs").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private ServiceProcess startRegistry() {
        try {
            ServiceProcess process = ServiceProcess.start("tenants", Integer.parseInt(registryEnv.get("SANCTUARY_PORT")),
                    registryEnv, List.of("-Xmx160m"), false);
            process.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stopRegistry() throws InterruptedException {
        registry.stop();
    }

    @Test
    void theLastKnownStatusServesForABoundedTimeThenTheServiceFailsClosedAndRecovers() throws Exception {
        ApiClient api = new ApiClient(server.getURL().toString());
        String auditor = TestJwtIssuer.get().token(TENANT, "au-outage", "auditor");
        String path = "/api/v1/documents-audit/verification";
        assertEquals(200, api.get(path, auditor).status(), "the registry answers");

        ProcessHandle killed = ProcessHandle.of(registry.pid()).orElseThrow();
        killed.destroyForcibly(); // an outage, not a goodbye
        killed.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        long stoppedAt = System.nanoTime();
        assertEquals(200, api.get(path, auditor).status(), "the status it knows still serves");

        Thread.sleep(STALE_LIMIT.plusSeconds(1).toMillis());
        ApiClient.Response closed = api.get(path, auditor);
        assertEquals(503, closed.status(), closed.body());
        assertTrue(closed.contentType().startsWith("application/problem+json"), closed.contentType());
        assertTrue(closed.body().contains("/problems/unavailable"), closed.body());
        System.out.printf("BENCH tenants registry down: served from the last known status, 503 after %d ms%n",
                Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis());

        registry = startRegistry(); // the same database and port
        assertEquals(200, api.get(path, auditor).status(), "served again, without a restart of this service");
    }
}
