package org.sanctuary.gateway;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.common.testing.FreePorts;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway in front of the real intake service (its shaded jar, its own database): routing,
 * early 401/403, request ids, hop-by-hop headers, security headers, per-tenant rate limits, and
 * nothing under /internal.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTest implements TestPropertyProvider {

    private ServiceProcess intake;

    @Inject
    EmbeddedServer gateway;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        try {
            ServiceDatabase db = ServiceDatabase.create("intake");
            int port = ServiceProcess.freePort();
            intake = ServiceProcess.start("intake", port, ServiceProcess.environment("intake", port, db.url(),
                    db.password(), TestJwtIssuer.get().jwksUrl(), TestJwtIssuer.ISSUER,
                    ServiceTestProperties.TEST_MASTER_KEY), List.of("-Xmx128m"), false);
            intake.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            Map<String, String> properties = new HashMap<>();
            properties.put("micronaut.server.port", "-1"); // a free port: the tests run beside a running ./sanctuary up
            properties.put("endpoints.all.port", Integer.toString(FreePorts.belowEphemeralRange()));
            for (String segment : List.of("applicants", "claims", "duplicates")) {
                properties.put("sanctuary.gateway.routes." + segment, intake.baseUrl());
            }
            properties.put("micronaut.security.token.jwt.signatures.jwks.sanctuary.url", TestJwtIssuer.get().jwksUrl());
            properties.put("micronaut.security.token.jwt.claims-validators.issuer", TestJwtIssuer.ISSUER);
            properties.put("sanctuary.gateway.openapi-documents", intake.baseUrl() + "/openapi/sanctuary-intake-v1.yml");
            properties.put("sanctuary.gateway.requests-per-second", "20");
            properties.put("sanctuary.gateway.burst", "20");
            properties.put("sanctuary.gateway.tenant-limits.tenant-b", "1000");
            return properties;
        } catch (Exception e) {
            throw new IllegalStateException("could not start intake behind the gateway", e);
        }
    }

    @AfterAll
    void stopIntake() throws InterruptedException {
        if (intake != null) {
            intake.stop();
        }
    }

    private ApiClient api() {
        if (api == null) {
            api = new ApiClient(gateway.getURL().toString());
        }
        return api;
    }

    private static Map<String, Object> applicant() {
        return ApplicantRequest.named("Дмитрий", "Иванов").body(); // RU, born 1990-04-01, male
    }

    @Test
    void routesToTheOwningServiceAndIsolatesTenants() {
        String a = TestJwtIssuer.get().token("gw-tenant-a", "gw-a", "caseworker");
        String b = TwoTenants.b("caseworker");
        ApiClient.Response created = api().post("/api/v1/applicants", a, applicant());
        assertEquals(201, created.status(), created.body());
        String path = "/api/v1/applicants/" + created.json().get("id");
        assertEquals("DMITRII", api().get(path, a).at("latinName.given"));
        ApiClient.Response foreign = api().get(path, b);
        assertEquals(404, foreign.status());
        assertTrue(foreign.contentType().startsWith("application/problem+json"));
        ApiClient.Response claim = api().post("/api/v1/claims", a,
                ClaimRequest.forApplicant(created.json().get("id")).statusOnly().militaryStatus("DESERTER").withoutCredibility().body());
        assertEquals(201, claim.status(), claim.body());
    }

    @Test
    void refusesBadTokensBeforeAnyBackendIsTouched() {
        assertEquals(401, api().get("/api/v1/applicants", null).status());
        String[] parts = TwoTenants.a("caseworker").split("\\.");
        assertEquals(401, api().get("/api/v1/applicants", parts[0] + "." + parts[1] + ".AAAA" + parts[2].substring(4)).status());
        ApiClient.Response ambiguous = api().get("/api/v1/applicants", TwoTenants.twoOrganizations("caseworker"));
        assertEquals(403, ambiguous.status());
        assertEquals("https://sanctuary.example/problems/tenant-unresolved", ambiguous.json().get("type"));
    }

    @Test
    void corsAdmitsTheConsoleOriginOnly() {
        ApiClient.Response console = api().send("OPTIONS", "/api/v1/applicants", null, null, Map.of(
                "Origin", "http://127.0.0.1:5173", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key"));
        assertEquals(200, console.status(), console.body() + console.headers());
        assertEquals("http://127.0.0.1:5173", console.header("Access-Control-Allow-Origin").orElseThrow());
        ApiClient.Response stranger = api().send("OPTIONS", "/api/v1/applicants", null, null, Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertTrue(stranger.header("Access-Control-Allow-Origin").isEmpty(), "no CORS grant for another origin");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeTheServiceSeesIt() {
        ApiClient.Response tooLarge = api().post("/api/v1/applicants", TwoTenants.a("caseworker"),
                "{\"padding\":\"" + "x".repeat(11 << 20) + "\"}");
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.contentType().startsWith("application/problem+json"));
    }

    @Test
    void internalPathsAndUnknownSegmentsAreNeverRouted() {
        String service = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("svc", List.of("platform-service")).build());
        assertEquals(404, api().get("/internal/v1/events", service).status());
        assertEquals(404, api().get("/internal/v1/events?after=0", TwoTenants.a("caseworker")).status());
        ApiClient.Response unknown = api().get("/api/v1/nowhere", TwoTenants.a("caseworker"));
        assertEquals(404, unknown.status());
        assertTrue(unknown.contentType().startsWith("application/problem+json"));
    }

    @Test
    void requestIdsAreKeptOrIssuedAndSecurityHeadersSent() {
        ApiClient.Response kept = api().send("GET", "/api/v1/applicants", TwoTenants.a("caseworker"), null,
                Map.of("X-Request-Id", "client-chosen-id-123"));
        assertEquals(200, kept.status(), kept.body());
        assertEquals("client-chosen-id-123", kept.header("X-Request-Id").orElseThrow());
        ApiClient.Response replaced = api().send("GET", "/api/v1/applicants", TwoTenants.a("caseworker"), null,
                Map.of("X-Request-Id", "bad id; drop table"));
        assertFalse(replaced.header("X-Request-Id").orElseThrow().contains(" "));
        assertEquals("nosniff", kept.header("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", kept.header("X-Frame-Options").orElseThrow());
        assertTrue(kept.header("RateLimit-Remaining").isPresent());
        assertTrue(new ApiClient(management()).get("/health", null).header("X-Request-Id").isPresent());
    }

    /** The gateway's management port: /health and /metrics, never routed and never on the API port. */
    private String management() {
        return "http://127.0.0.1:" + gateway.getApplicationContext()
                .getBean(io.micronaut.management.endpoint.EndpointDefaultConfiguration.class).getPort().orElseThrow();
    }

    /** Issue 12: the console at /, its deep links, hashed assets cached for good, a strict CSP, where to sign in. */
    @Test
    void responsesAreGzipOrIdentityWhateverElseTheClientNames() {
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"/assets/([^\"]+\\.js)\"")
                .matcher(api().get("/", null).body());
        assertTrue(script.find());
        String asset = "/assets/" + script.group(1);
        Map<String, java.util.Optional<String>> expected = Map.of(
                "*", java.util.Optional.of("gzip"), // Node's fetch, and so Prism
                "gzip, deflate, br, zstd", java.util.Optional.of("gzip"),
                "snappy", java.util.Optional.empty(),
                "br, zstd", java.util.Optional.empty());
        expected.forEach((accept, coding) -> assertEquals(coding,
                api().send("GET", asset, null, null, Map.of("Accept-Encoding", accept)).header("Content-Encoding"),
                "Accept-Encoding: " + accept));
        // a proxied answer too
        String caseworker = TwoTenants.a("caseworker");
        for (int i = 0; i < 8; i++) {
            api().post("/api/v1/applicants", caseworker, applicant());
        }
        ApiClient.Response proxied = api().send("GET", "/api/v1/applicants?limit=8", caseworker, null, Map.of("Accept-Encoding", "*"));
        assertEquals(200, proxied.status());
        assertEquals(java.util.Optional.of("gzip"), proxied.header("Content-Encoding"));
    }

    @Test
    void theConsoleIsServedWithAStrictPolicyAndImmutableAssets() {
        ApiClient.Response page = api().get("/", null);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self';") && csp.contains("connect-src 'self' http://127.0.0.1:8180;")
                && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"), csp);
        assertEquals("no-store", page.header("Cache-Control").orElseThrow());
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"/assets/([^\"]+\\.js)\"").matcher(page.body());
        assertTrue(script.find(), page.body());
        ApiClient.Response asset = api().get("/assets/" + script.group(1), null);
        assertEquals(200, asset.status());
        assertEquals("public, max-age=31536000, immutable", asset.header("Cache-Control").orElseThrow());
        assertEquals(404, api().get("/assets/not-there.js", null).status());
        assertEquals(404, api().get("/assets/..%2Fconsole-config.json", null).status());

        ApiClient.Response deepLink = api().get("/claims/5b0a3c3e-1111-2222-3333-444455556666", null);
        assertEquals(200, deepLink.status());
        assertEquals(page.body(), deepLink.body());
        for (String area : List.of("/approvals", "/team", "/dashboard?from=2026-01&to=2026-03", "/audit", "/tenants", "/tenants/demo-gov",
                "/platform-report", "/packs", "/packs/3")) {
            assertEquals(page.body(), api().get(area, null).body(), area); // every area of the console opens from its address
        }
        assertEquals(404, api().get("/no-such-area", null).status());
        ApiClient.Response config = api().get("/console-config.json", null);
        assertEquals("sanctuary-console", config.json().get("clientId"));
        assertEquals("http://127.0.0.1:8180/realms/sanctuary", config.json().get("authority"));
        // the API keeps its own, stricter policy
        assertEquals("default-src 'none'; frame-ancestors 'none'",
                api().get("/api/v1/applicants", null).header("Content-Security-Policy").orElseThrow());
    }

    @Test
    void metricsAndHealthAreServedOnTheManagementPortOnly() {
        ApiClient.Response publicMetrics = api().get("/metrics", null);
        assertEquals(404, publicMetrics.status(), publicMetrics.body());
        assertTrue(publicMetrics.contentType().startsWith("application/problem+json"), publicMetrics.contentType());
        assertEquals(404, api().get("/health", null).status());
        ApiClient.Response metrics = new ApiClient(management()).get("/metrics", null);
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "prometheus format");
        assertEquals(200, new ApiClient(management()).get("/health", null).status());
    }

    @Test
    void oneTenantsFloodGets429WhileAnotherTenantStillPasses() throws Exception {
        String flooder = TestJwtIssuer.get().token("gw-flood", "flooder", "caseworker");
        String other = TwoTenants.b("caseworker");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<ApiClient.Response>> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            flood.add(pool.submit(() -> api().get("/api/v1/applicants?limit=1", flooder)));
        }
        int limited = 0;
        ApiClient.Response tooMany = null;
        for (Future<ApiClient.Response> response : flood) {
            if (response.get().status() == 429) {
                limited++;
                tooMany = response.get();
            }
        }
        pool.shutdown();
        assertTrue(limited > 0, "the flood was never limited");
        assertTrue(tooMany.contentType().startsWith("application/problem+json"));
        assertTrue(Integer.parseInt(tooMany.header("Retry-After").orElseThrow()) >= 1);
        assertEquals("0", tooMany.header("RateLimit-Remaining").orElseThrow());
        for (int i = 0; i < 10; i++) {
            assertEquals(200, api().get("/api/v1/applicants?limit=1", other).status());
        }
    }

    @Test
    void theAggregatedOpenApiListsTheServicesPathsAndSwaggerUiIsServed() {
        ApiClient.Response openapi = api().get("/api/openapi", null);
        assertEquals(200, openapi.status(), openapi.body());
        Map<?, ?> paths = (Map<?, ?>) openapi.json().get("paths");
        assertTrue(paths.containsKey("/api/v1/applicants"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/claims/{id}/facts"));
        assertFalse(openapi.json().containsKey("x-unavailable"));
        // the roles each operation allows, from its @Secured: in an extension, the requirement itself empty (OpenAPI 3.0)
        assertEquals(List.of("supervisor"), openapi.at("paths./api/v1/claims/workload.get.x-sanctuary-roles"));
        assertEquals(List.of(Map.of("bearer", List.of())), openapi.at("paths./api/v1/claims/workload.get.security"));
        ApiClient.Response ui = api().get("/api/docs/index.html", null);
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("swagger-ui"));
        assertEquals(200, api().get("/api/docs/ui/swagger-ui-bundle.js", null).status());
    }
}
