package org.sanctuary.intake;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.FreePorts;
import org.sanctuary.common.testing.TestJwtIssuer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, Keycloak down: the realm's keys are served by a stand-in that then hangs (accepts, never answers). Tokens
 * already issued keep verifying with the keys last read (no request waits longer than the 3 s read bound), a token signed with any other key
 * is still refused, and past the stale limit nothing verifies until the keys can be read again (fail closed).
 */
@MicronautTest(transactional = false)
class SigningKeysOutageTest extends IntakeApiTest {

    private static final String PATH = "/realms/sanctuary-test/protocol/openid-connect/certs";

    private final int port = FreePorts.belowEphemeralRange();
    private final byte[] jwks = new ApiClient("").get(TestJwtIssuer.get().jwksUrl(), null).body().getBytes(StandardCharsets.UTF_8);
    private HttpServer keycloak = serve();
    private final String caseworker = TestJwtIssuer.get().token("keys-tenant", "cw-keys", "caseworker");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("micronaut.security.token.jwt.signatures.jwks.sanctuary.url", "http://127.0.0.1:" + port + PATH);
        properties.put("micronaut.security.token.jwt.signatures.jwks.sanctuary.cache-expiration", "1"); // seconds
        properties.put("sanctuary.security.jwks-stale-limit", "9s");
        return properties;
    }

    @AfterAll
    void stop() {
        keycloak.stop(0);
    }

    @Test
    void issuedTokensKeepWorkingWhileTheKeysCannotBeReadUntilTheStaleLimit() throws Exception {
        assertEquals(200, api().get("/api/v1/claims", caseworker).status());
        long readAt = System.nanoTime();
        keycloak.stop(0);
        // Keycloak hangs: its port accepts connections and never answers (the harder case than refusing them)
        java.net.ServerSocket hanging = new java.net.ServerSocket();
        hanging.bind(new InetSocketAddress("127.0.0.1", port));
        List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(hanging.accept());
                }
            } catch (IOException closed) {
                // done
            }
        });
        acceptor.start();
        Thread.sleep(1_500); // past the refresh interval: the keys are due to be read again, and cannot be

        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            ApiClient.Response response = api().get("/api/v1/claims", caseworker);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, response.status(), response.body());
            // a read waits at most jwks-timeout (3 s), then the keys last read verify
            assertTrue(millis < 4_500, "answered in " + millis + " ms while the keys could not be read");
        }
        String forged = TestJwtIssuer.sign(TestJwtIssuer.foreignKey(), TestJwtIssuer.get().claims("cw-keys", List.of("caseworker"))
                .claim("organization", List.of("keys-tenant")).build());
        assertEquals(401, api().get("/api/v1/claims", forged).status(), "another key is still refused");

        // the keys may verify until the limit plus one cache period (1 s) after their last read
        Thread.sleep(Math.max(0, 10_500 - (System.nanoTime() - readAt) / 1_000_000));
        assertEquals(401, api().get("/api/v1/claims", caseworker).status(), "past the stale limit nothing verifies");

        hanging.close();
        for (java.net.Socket socket : held) {
            socket.close();
        }
        acceptor.join(1_000);
        keycloak = serve(); // back
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && (status = api().get("/api/v1/claims", caseworker).status()) != 200) {
            Thread.sleep(200);
        }
        assertEquals(200, status, "the keys are read again once Keycloak is back");
    }

    private HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext(PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
