package org.sanctuary.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.FreePorts;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks end to end (issue 15): a policy administrator subscribes a receiver, a caseworker lodges a claim, and the
 * event arrives signed as Standard Webhooks says — checked by the specification's own library (npm
 * {@code standardwebhooks}) in a receiver that fails the first delivery and then recovers. The delivery log shows both
 * attempts; a redelivery arrives with the same id; a rotated secret and the previous one both sign during the overlap.
 * The payload holds ids and statuses only. Another organization cannot see the subscription, a caseworker cannot make one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_MODULES = ServiceProcess.root().resolve("console/node_modules");

    private final ApiClient gateway = new ApiClient(DevStack.GATEWAY);
    private Process receiver;
    private Path log;

    @BeforeAll
    void platform() throws Exception {
        SharedStack.ensureRunning();
        assertTrue(Files.isDirectory(NODE_MODULES.resolve("standardwebhooks")), "npm ci in console/ installs standardwebhooks");
    }

    @AfterAll
    void stopReceiver() {
        if (receiver != null) {
            receiver.destroy();
        }
    }

    private String startReceiver() throws Exception {
        int port = FreePorts.belowEphemeralRange();
        log = Files.createDirectories(ServiceProcess.root().resolve("e2e/target/webhooks")).resolve("receiver-" + port + ".log");
        ProcessBuilder node = new ProcessBuilder("node", ServiceProcess.root().resolve("e2e/src/test/node/webhook-receiver.cjs").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(Map.of("NODE_PATH", NODE_MODULES.toString(), "PORT", Integer.toString(port), "SECRETS", "",
                "FAIL_FIRST", "1"));
        receiver = node.start();
        awaitLine(0, line -> line.has("listening"), "the receiver listening");
        return "http://127.0.0.1:" + port;
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** The first line from the {@code from}-th on that is {@code wanted}, waiting up to 90 s for it. */
    private JsonNode awaitLine(int from, Predicate<JsonNode> wanted, String what) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            List<JsonNode> lines = lines();
            for (JsonNode line : lines.subList(Math.min(from, lines.size()), lines.size())) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            assertTrue(receiver.isAlive(), "the receiver stopped: " + Files.readString(log));
            Thread.sleep(250);
        }
        throw new AssertionError("no " + what + " within 90 s; the receiver saw: " + Files.readString(log));
    }

    @Test
    void aSignedEventArrivesAfterAFailedAttemptAndCanBeSentAgain() throws Exception {
        String admin = LocalKeycloak.token("gov-policy-admin", "gov-policy-admin");
        String caseworker = LocalKeycloak.token("gov-caseworker", "gov-caseworker");

        String url = startReceiver() + "/hook";
        ApiClient.Response refused = gateway.post("/api/v1/webhooks", caseworker, Map.of("url", url, "eventTypes", List.of("claim.lodged")));
        assertEquals(403, refused.status(), "only a policy administrator subscribes");
        ApiClient.Response unknown = gateway.post("/api/v1/webhooks", admin, Map.of("url", url, "eventTypes", List.of("claim.exploded")));
        assertEquals(400, unknown.status(), unknown.body());

        ApiClient.Response created = gateway.post("/api/v1/webhooks", admin, Map.of("url", url,
                "eventTypes", List.of("claim.lodged"), "description", "e2e receiver")); // one event per claim: the first fails
        assertEquals(201, created.status(), created.body());
        String secret = (String) created.at("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        String id = (String) created.at("subscription.id");
        addSecret(url, secret); // the secret is shown once: the receiver learns it from this answer

        ApiClient.Response listed = gateway.get("/api/v1/webhooks", admin);
        assertEquals(200, listed.status(), listed.body());
        assertFalse(listed.body().contains("whsec_"), "a secret is never shown again");
        String other = LocalKeycloak.token("ngo-policy-admin", "ngo-policy-admin");
        assertEquals(404, gateway.get("/api/v1/webhooks/" + id, other).status(), "another organization's subscription does not exist for it");
        assertFalse(gateway.get("/api/v1/webhooks", other).body().contains(id));

        Casework.Lodged lodged = Casework.lodgedClaim(gateway, caseworker, "Вебхук", "Подписанный", "MOBILISED_RESERVIST");
        Predicate<JsonNode> lodgedEvent = line -> line.path("body").path("type").asText().equals("claim.lodged")
                && line.path("body").path("data").path("claimId").asText().equals(lodged.claimId());
        JsonNode first = awaitLine(0, lodgedEvent, "claim.lodged delivery");
        assertEquals(500, first.path("status").asInt(), "the receiver fails the first delivery: " + first);
        JsonNode second = awaitLine(0, lodgedEvent.and(line -> line.path("status").asInt() == 204), "a retried, verified delivery");
        assertEquals(first.path("id").asText(), second.path("id").asText(), "a retry is the same message (webhook-id)");
        assertEquals(List.of(0), verifiedWith(second), "verified by standardwebhooks with the subscription's secret: " + second);

        JsonNode data = second.path("body").path("data");
        Set<String> fields = new java.util.HashSet<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertTrue(Set.of("applicantId", "claimId", "status", "from", "to", "stage").containsAll(fields), "ids and statuses only: " + data);
        assertFalse(second.path("body").toString().contains("Вебхук"), "no name in a payload");

        // the delivery log: both attempts, the last answer, its latency
        String deliveriesPath = "/api/v1/webhooks/" + id + "/deliveries";
        JsonNode delivery = awaitDelivery(admin, deliveriesPath, lodged.claimId(), first.path("id").asText());
        assertEquals("DELIVERED", delivery.path("status").asText(), delivery.toString());
        assertEquals(2, delivery.path("attempts").asInt(), delivery.toString());
        assertEquals(204, delivery.path("lastStatusCode").asInt(), delivery.toString());
        assertTrue(delivery.has("lastLatencyMs"), delivery.toString());

        // sent again by hand: the same message arrives once more, verified
        int before = lines().size();
        ApiClient.Response again = gateway.post(deliveriesPath + "/" + delivery.path("id").asText() + "/redeliver", admin, "");
        assertEquals(202, again.status(), again.body());
        JsonNode redelivered = awaitLine(before, line -> line.path("id").asText().equals(first.path("id").asText()), "the redelivery");
        assertEquals(List.of(0), verifiedWith(redelivered), redelivered.toString());

        // a rotated secret: during the overlap both sign, so a receiver that knows either one verifies
        ApiClient.Response rotated = gateway.post("/api/v1/webhooks/" + id + "/rotate", admin, "");
        assertEquals(200, rotated.status(), rotated.body());
        String newSecret = (String) rotated.at("secret");
        assertNotEquals(secret, newSecret);
        addSecret(url, newSecret);
        Casework.Lodged next = Casework.lodgedClaim(gateway, caseworker, "Ротация", "Секретов", "MOBILISED_RESERVIST");
        JsonNode afterRotation = awaitLine(0, line -> line.path("body").path("data").path("claimId").asText().equals(next.claimId())
                && line.path("body").path("type").asText().equals("claim.lodged"), "a delivery after rotation");
        assertEquals(List.of(0, 1), verifiedWith(afterRotation), "old and new secret both verify: " + afterRotation);
        assertEquals(2, afterRotation.path("signature").asText().split(" ").length, afterRotation.toString());

        assertEquals(204, gateway.send("DELETE", "/api/v1/webhooks/" + id, admin, null, Map.of()).status());
        assertEquals(404, gateway.get("/api/v1/webhooks/" + id, admin).status());
    }

    private static List<Integer> verifiedWith(JsonNode line) {
        List<Integer> secrets = new ArrayList<>();
        line.path("verifiedWith").forEach(index -> secrets.add(index.asInt()));
        return secrets;
    }

    private static void addSecret(String url, String secret) throws Exception {
        HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.replace("/hook", "/secrets")))
                .POST(HttpRequest.BodyPublishers.ofString(secret)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, added.statusCode());
    }

    private JsonNode awaitDelivery(String admin, String path, String claimId, String eventId) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode last = null;
        while (System.nanoTime() < until) {
            ApiClient.Response log = gateway.get(path, admin);
            assertEquals(200, log.status(), log.body());
            for (JsonNode delivery : JSON.readTree(log.body())) {
                if (delivery.path("eventId").asText().equals(eventId)) {
                    last = delivery;
                    if (delivery.path("status").asText().equals("DELIVERED")) {
                        return delivery;
                    }
                }
            }
            Thread.sleep(250);
        }
        assertNull(last, "delivery of claim " + claimId + " never DELIVERED: " + last);
        throw new AssertionError("no delivery of event " + eventId + " in the log");
    }
}
