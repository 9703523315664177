package org.sanctuary.reporting.webhook;

import com.sun.net.httpserver.HttpServer;
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
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.devstack.ServiceProcess;
import org.sanctuary.testkit.RealUpstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks from the real intake's feed to a receiver on this machine: in order per claim, retried on the schedule (run
 * 10,000 times faster here), given up after the last attempt with the subscription disabled and the reason shown,
 * enabled and redelivered by hand; each organization sees only its own subscriptions; secrets are stored sealed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksApiTest implements TestPropertyProvider {

    private final ServiceDatabase db = ServiceDatabase.create("reporting");
    private final RealUpstream upstream = RealUpstream.get().tenant(TwoTenants.A, pack()).tenant(TwoTenants.B, pack());
    private final String caseworker = TestJwtIssuer.get().token(TwoTenants.A, "cw-hook", "caseworker");
    private final String admin = TestJwtIssuer.get().token(TwoTenants.A, "pa-hook", "policy-admin");
    private final String otherAdmin = TestJwtIssuer.get().token(TwoTenants.B, "pa-other", "policy-admin");

    /** What the receiver got: the event type and the claim, with the status it answered. */
    private record Received(String type, String claimId, int status, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger(); // how many deliveries from now on the receiver fails
    private final HttpServer receiver;

    @Inject
    EmbeddedServer server;

    @Inject
    WebhookFeed feed;

    @Inject
    Dispatcher dispatcher;

    WebhooksApiTest() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            received.add(new Received(body.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1"),
                    body.replaceAll(".*\"claimId\":\"([^\"]+)\".*", "$1"), status, body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.tenants.url", upstream.tenants);
        properties.put("sanctuary.reporting.sources.intake", upstream.intake);
        properties.put("sanctuary.reporting.sources.assessment", upstream.assessment());
        properties.put("sanctuary.reporting.sources.tenants", upstream.tenants);
        properties.put("sanctuary.reporting.sources.documents", upstream.documents());
        properties.put("sanctuary.platform.token-url", TestJwtIssuer.get().tokenUrl());
        properties.put("sanctuary.reporting.feed-interval", "1h"); // the test drives the feeds and the dispatcher
        properties.put("sanctuary.webhooks.interval", "1h");
        properties.put("sanctuary.webhooks.allow-local", "true");  // the receiver is on this machine
        properties.put("sanctuary.webhooks.retry-scale", "0.0001"); // 27 h 35 min of attempts in 10 s
        return properties;
    }

    private static String pack() {
        try {
            return Files.readString(ServiceProcess.root().resolve("devstack/src/main/resources/demo-packs/eu-member.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiClient api() {
        return new ApiClient(server.getURL().toString());
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private String subscribe(List<String> types) {
        ApiClient.Response created = api().post("/api/v1/webhooks", admin, Map.of("url", url(), "eventTypes", types));
        assertEquals(201, created.status(), created.body());
        return created.at("subscription.id").toString();
    }

    private String lodgedClaim() {
        ApiClient intake = new ApiClient(upstream.intake);
        ApiClient.Response applicant = intake.post("/api/v1/applicants", caseworker,
                ApplicantRequest.named("Пётр", "Уведомлённый").birthDateUnknown().body());
        String claim = intake.post("/api/v1/claims", caseworker,
                ClaimRequest.forApplicant(applicant.json().get("id")).statusOnly().withoutCredibility().body()).json().get("id").toString();
        assertEquals(200, intake.post("/api/v1/claims/" + claim + "/actions/lodge", caseworker, "").status());
        return claim;
    }

    /** Runs the dispatcher until nothing is due or pending for {@code millis}. */
    private void dispatchFor(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            dispatcher.dispatch();
            Thread.sleep(20);
        }
    }

    private List<Map<String, Object>> deliveries(String subscription) {
        ApiClient.Response log = api().get("/api/v1/webhooks/" + subscription + "/deliveries", admin);
        assertEquals(200, log.status(), log.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) (List<?>) log.jsonList();
        return deliveries;
    }

    @Test
    void aClaimsEventsArriveInOrderEvenWhenTheFirstIsRetried() throws Exception {
        String subscription = subscribe(List.of("claim.lodged", "claim.status-changed"));
        String claim = lodgedClaim();
        assertEquals(200, new ApiClient(upstream.intake).post("/api/v1/claims/" + claim + "/actions/withdraw", caseworker,
                Map.of("reason", "The applicant left the country.")).status());
        failures.set(1);
        feed.catchUp();
        dispatchFor(1_500);
        List<Received> mine = received.stream().filter(r -> r.claimId().equals(claim)).toList();
        assertEquals(List.of("claim.lodged:500", "claim.lodged:204", "claim.status-changed:204", "claim.status-changed:204"),
                mine.stream().map(r -> r.type() + ":" + r.status()).toList(), "the next event waits for the one before: " + mine);
        assertTrue(mine.get(2).body().contains("\"to\":\"LODGED\"") && mine.get(3).body().contains("\"to\":\"WITHDRAWN\""), mine.toString());
        assertFalse(mine.get(0).body().contains("Уведомлённый"), "ids and statuses only: " + mine.get(0).body());
        List<Map<String, Object>> log = deliveries(subscription);
        assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED"), log.stream().map(d -> d.get("status")).toList(), log.toString());
        assertEquals(2, log.get(2).get("attempts"), "the lodging needed two attempts: " + log);
        assertEquals(500, received.get(received.indexOf(mine.get(0))).status());
        feed.catchUp();
        dispatchFor(200);
        assertEquals(4, received.stream().filter(r -> r.claimId().equals(claim)).count(), "reading the feed again sends nothing twice");
        assertEquals(204, api().send("DELETE", "/api/v1/webhooks/" + subscription, admin, null, Map.of()).status());
    }

    @Test
    void aDeliveryThatNeverSucceedsDisablesItsSubscriptionWithTheReason() throws Exception {
        String subscription = subscribe(List.of("claim.lodged"));
        failures.set(1_000);
        String claim = lodgedClaim();
        feed.catchUp();
        long until = System.currentTimeMillis() + 30_000;
        while (Boolean.TRUE.equals(api().get("/api/v1/webhooks/" + subscription, admin).json().get("enabled"))
                && System.currentTimeMillis() < until) {
            dispatchFor(200);
        }
        Map<String, Object> disabled = api().get("/api/v1/webhooks/" + subscription, admin).json();
        assertEquals(false, disabled.get("enabled"), disabled.toString());
        assertTrue(disabled.get("disabledReason").toString().contains("could not be delivered in 8 attempts (last: HTTP 500)"),
                disabled.toString());
        Map<String, Object> failed = deliveries(subscription).get(0);
        assertEquals("FAILED", failed.get("status"));
        assertEquals(8, failed.get("attempts"));
        assertEquals(500, failed.get("lastStatusCode"));
        assertEquals(8, received.stream().filter(r -> r.claimId().equals(claim)).count());

        failures.set(0); // the receiver is fixed: enabled again and the failed delivery sent by hand
        assertEquals(true, api().post("/api/v1/webhooks/" + subscription + "/enable", admin, "").json().get("enabled"));
        ApiClient.Response again = api().post("/api/v1/webhooks/" + subscription + "/deliveries/" + failed.get("id") + "/redeliver", admin, "");
        assertEquals(202, again.status(), again.body());
        dispatchFor(300);
        assertEquals("DELIVERED", deliveries(subscription).get(0).get("status"));
        assertEquals(204, api().send("DELETE", "/api/v1/webhooks/" + subscription, admin, null, Map.of()).status());
    }

    @Test
    void anotherOrganizationNeitherSeesNorTouchesASubscriptionAndSecretsAreSealed() throws Exception {
        ApiClient.Response created = api().post("/api/v1/webhooks", admin, Map.of("url", url(), "eventTypes", List.of("decision.approved")));
        String subscription = created.at("subscription.id").toString();
        String secret = created.at("secret").toString();
        String path = "/api/v1/webhooks/" + subscription;
        assertEquals(404, api().get(path, otherAdmin).status());
        assertEquals(404, api().get(path + "/deliveries", otherAdmin).status());
        assertEquals(404, api().post(path + "/rotate", otherAdmin, "").status());
        assertEquals(404, api().post(path + "/enable", otherAdmin, "").status());
        assertEquals(404, api().send("DELETE", path, otherAdmin, null, Map.of()).status());
        assertFalse(api().get("/api/v1/webhooks", otherAdmin).body().contains(subscription));
        assertEquals(403, api().get("/api/v1/webhooks", caseworker).status(), "a policy administrator's work");
        assertEquals(200, api().get(path, admin).status());
        try (Connection admin = db.adminConnection(); ResultSet rs = admin.createStatement().executeQuery(
                "select secret from webhook_subscription where id = '" + subscription + "'")) {
            assertTrue(rs.next());
            assertFalse(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains(secret.substring(6, 20)), "sealed, not in clear");
        }
        ApiClient.Response refused = api().post("/api/v1/webhooks", admin, Map.of("url", "ftp://127.0.0.1/hook", "eventTypes", List.of("claim.lodged")));
        assertEquals(422, refused.status(), refused.body());
        assertEquals(204, api().send("DELETE", path, admin, null, Map.of()).status());
    }
}
