package org.sanctuary.gateway;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.management.endpoint.EndpointDefaultConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.FreePorts;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge's own defences, on a gateway of its own (its buckets are this class's alone): the merged
 * OpenAPI document built once per lifetime and limited per address; forwarding headers a client
 * sends never reach a service (a header-recording probe stands behind one route, since no service
 * of ours echoes what it received; the real intake serves the OpenAPI document); failed
 * authentications limited per address — last, as it shuts this address out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEdgeTest implements TestPropertyProvider {

    private static final int OPENAPI_PER_MINUTE = 8;
    private static final int AUTH_FAILURES_PER_MINUTE = 5;

    private ServiceProcess intake;
    private HttpServer probe;
    private final AtomicReference<Map<String, String>> received = new AtomicReference<>();

    @Inject
    EmbeddedServer gateway;

    @Override
    public Map<String, String> getProperties() {
        try {
            ServiceDatabase db = ServiceDatabase.create("intake");
            int port = ServiceProcess.freePort();
            intake = ServiceProcess.start("intake", port, ServiceProcess.environment("intake", port, db.url(),
                    db.password(), TestJwtIssuer.get().jwksUrl(), TestJwtIssuer.ISSUER,
                    ServiceTestProperties.TEST_MASTER_KEY), List.of("-Xmx128m"), false);
            intake.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            probe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            probe.createContext("/", exchange -> {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
                received.set(headers);
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            probe.start();
            Map<String, String> properties = new HashMap<>();
            properties.put("micronaut.server.port", "-1"); // a free port: the tests run beside a running ./sanctuary up
            properties.put("endpoints.all.port", Integer.toString(FreePorts.belowEphemeralRange()));
            properties.put("sanctuary.gateway.routes.applicants", intake.baseUrl());
            properties.put("sanctuary.gateway.routes.probe", "http://127.0.0.1:" + probe.getAddress().getPort());
            properties.put("micronaut.security.token.jwt.signatures.jwks.sanctuary.url", TestJwtIssuer.get().jwksUrl());
            properties.put("micronaut.security.token.jwt.claims-validators.issuer", TestJwtIssuer.ISSUER);
            properties.put("sanctuary.gateway.openapi-documents", intake.baseUrl() + "/openapi/sanctuary-intake-v1.yml");
            properties.put("sanctuary.gateway.openapi-requests-per-minute", Integer.toString(OPENAPI_PER_MINUTE));
            properties.put("sanctuary.gateway.auth-failures-per-minute", Integer.toString(AUTH_FAILURES_PER_MINUTE));
            return properties;
        } catch (Exception e) {
            throw new IllegalStateException("could not start intake behind the gateway", e);
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (intake != null) {
            intake.stop();
        }
        if (probe != null) {
            probe.stop(0);
        }
    }

    private ApiClient api() {
        return new ApiClient(gateway.getURL().toString());
    }

    private ApiClient management() {
        return new ApiClient("http://127.0.0.1:" + gateway.getApplicationContext()
                .getBean(EndpointDefaultConfiguration.class).getPort().orElseThrow());
    }

    private double aggregations() {
        ApiClient.Response metrics = management().get("/metrics", null);
        assertEquals(200, metrics.status(), metrics.body());
        Matcher m = Pattern.compile("(?m)^sanctuary_gateway_openapi_aggregations_total(?:\\{[^}]*})? ([0-9.Ee+-]+)$")
                .matcher(metrics.body());
        assertTrue(m.find(), "the aggregation counter is published on the management port");
        return Double.parseDouble(m.group(1));
    }

    private static void assertTooMany(ApiClient.Response response) {
        assertEquals(429, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals("https://sanctuary.example/problems/too-many-requests", response.json().get("type"));
        assertTrue(Long.parseLong(response.header("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    @Order(1)
    void theMergedOpenApiDocumentIsBuiltOnceAndServedFromMemory() {
        for (int i = 0; i < 4; i++) {
            ApiClient.Response openapi = api().get("/api/openapi", null);
            assertEquals(200, openapi.status(), openapi.body());
            assertTrue(((Map<?, ?>) openapi.json().get("paths")).containsKey("/api/v1/applicants"));
        }
        assertEquals(1.0, aggregations(), "four requests, one aggregation: the document is cached");
    }

    @Test
    @Order(2)
    void theOpenApiDocumentIsLimitedPerClientAddress() {
        ApiClient.Response last = null;
        for (int i = 0; i < OPENAPI_PER_MINUTE + 2; i++) {
            last = api().get("/api/openapi", null);
            if (last.status() == 429) {
                break;
            }
            assertEquals(200, last.status(), last.body());
        }
        assertNotNull(last);
        assertTooMany(last);
        assertTrue(aggregations() <= 1.0, "refused requests reach no service");
    }

    @Test
    @Order(3)
    void forwardingHeadersFromTheClientNeverReachAService() {
        String token = TestJwtIssuer.get().token("edge-tenant", "edge-user", "caseworker");
        ApiClient.Response response = api().send("GET", "/api/v1/probe/anything", token, null, Map.of(
                "X-Forwarded-For", "6.6.6.6", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
                "Forwarded", "for=6.6.6.6;proto=https", "X-Real-IP", "6.6.6.6"));
        assertEquals(200, response.status(), response.body());
        Map<String, String> headers = received.get();
        assertNotNull(headers, "the request reached the probe");
        assertEquals("127.0.0.1", headers.get("X-Forwarded-For"), "set from the connection, the client's value dropped");
        assertEquals("http", headers.get("X-Forwarded-Proto"));
        assertFalse(headers.getOrDefault("X-Forwarded-Host", "").contains("evil"), headers.toString());
        assertFalse(headers.containsKey("Forwarded"), headers.toString());
        assertFalse(headers.containsKey("X-Real-IP"), headers.toString());
    }

    @Test
    @Order(100) // last: it shuts this address out for a while
    void failedAuthenticationsAreLimitedPerClientAddress() {
        String[] parts = TestJwtIssuer.get().token("edge-tenant", "edge-user", "caseworker").split("\\.");
        String forged = parts[0] + "." + parts[1] + ".AAAA" + parts[2].substring(4);
        for (int i = 0; i < AUTH_FAILURES_PER_MINUTE; i++) {
            assertEquals(401, api().get("/api/v1/applicants", forged).status());
        }
        assertTooMany(api().get("/api/v1/applicants", forged));
        // the address is refused before its token is looked at, a valid one included
        assertTooMany(api().get("/api/v1/applicants", TestJwtIssuer.get().token("edge-tenant", "edge-user", "caseworker")));
    }
}
