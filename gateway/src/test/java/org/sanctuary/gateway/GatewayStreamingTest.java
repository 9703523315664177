package org.sanctuary.gateway;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.FreePorts;
import org.sanctuary.common.testing.TestJwtIssuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1 GiB upload passes through the gateway to a byte sink behind it, byte for byte, while the
 * process's resident memory stays far below the body's size: the gateway streams, it never holds
 * a body. (The sink is a plain HTTP endpoint that counts and hashes; the documents service will
 * take its place.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayStreamingTest implements TestPropertyProvider {

    private static final long ONE_GIB = 1L << 30;

    private HttpServer sink;
    private final AtomicLong peakRss = new AtomicLong();

    @Inject
    EmbeddedServer gateway;

    @Override
    public Map<String, String> getProperties() {
        try {
            sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sink.createContext("/api/v1/documents", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = body.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    total += n;
                    if ((total & ((16 << 20) - 1)) < n) {
                        peakRss.accumulateAndGet(rss(), Math::max);
                    }
                }
                byte[] answer = ("{\"bytes\":" + total + ",\"sha256\":\"" + HexFormat.of().formatHex(sha.digest()) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        sink.start();
        return Map.of(
                "micronaut.server.port", "-1", // a free port: the tests run beside a running ./sanctuary up
                "endpoints.all.port", Integer.toString(FreePorts.belowEphemeralRange()),
                "sanctuary.gateway.routes.documents", "http://127.0.0.1:" + sink.getAddress().getPort(),
                "sanctuary.gateway.max-body-bytes", Long.toString(2 * ONE_GIB),
                "sanctuary.gateway.openapi-documents", "http://127.0.0.1:1/none.yml",
                "micronaut.security.token.jwt.signatures.jwks.sanctuary.url", TestJwtIssuer.get().jwksUrl(),
                "micronaut.security.token.jwt.claims-validators.issuer", TestJwtIssuer.ISSUER);
    }

    @AfterAll
    void stopSink() {
        sink.stop(0);
    }

    @Test
    void aGibibyteUploadStreamsThroughWithFlatMemory() throws Exception {
        String token = TestJwtIssuer.get().token("stream-tenant", "uploader", "caseworker");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        InputStream generated = new InputStream() {
            private long sent;
            private final byte[] block = new byte[64 * 1024];

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= ONE_GIB) {
                    return -1;
                }
                int n = (int) Math.min(Math.min(len, block.length), ONE_GIB - sent);
                for (int i = 0; i < n; i++) {
                    block[i] = (byte) ((sent + i) * 31 + 7);
                }
                System.arraycopy(block, 0, b, off, n);
                expected.update(block, 0, n);
                sent += n;
                return n;
            }
        };
        System.gc();
        long before = rss();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.getURL() + "/api/v1/documents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> generated), ONE_GIB))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"bytes\":" + ONE_GIB), response.body());
        assertTrue(response.body().contains(HexFormat.of().formatHex(expected.digest())), "the bytes arrive unchanged");
        long growth = Math.max(peakRss.get(), rss()) - before;
        System.out.printf("1 GiB through the gateway: resident memory grew by %d MB%n", growth >> 20);
        // gateway, client and sink share this JVM; a held body alone would be 1024 MB
        assertTrue(growth < 256L << 20, "resident memory grew by " + (growth >> 20) + " MB");
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS");
    }
}
