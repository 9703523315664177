package org.sanctuary.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.devstack.LocalPostgres;
import org.sanctuary.devstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, a fault: PostgreSQL stops while 4 clients register applicants as fast as they can, stays down for
 * seconds, and starts again on the same data. While it is down the service answers 503 problem+json within the
 * stated bound (the pool waits {@code SANCTUARY_DB_CONNECTION_TIMEOUT}, 3 s by default; nothing hangs, no 500);
 * afterwards it serves again without a restart of its own, and every applicant it acknowledged is in the database.
 */
class PostgresRestartedUnderLoadTest {

    private static final int CLIENTS = 4;
    /** The stated bound on any answer while the database is away: the pool's 3 s wait and the request's own work. */
    private static final Duration BOUND = Duration.ofSeconds(6);
    private static final String TENANT = "pg-restart-tenant";
    private static final String APPLICANT = "{\"name\":{\"given\":\"Пётр\",\"family\":\"Перезапусков\"},"
            + "\"nationalities\":[{\"country\":\"RU\",\"imposed\":false}],\"sex\":\"MALE\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String caseworker = TestJwtIssuer.get().token(TENANT, "cw-restart", "caseworker");

    record Answer(long sentAt, int status, long millis, String contentType, String retryAfter, String body) {
    }

    @Test
    void whileTheDatabaseIsDownTheServiceAnswers503AndRecoversByItself(@TempDir Path work) throws Exception {
        int pgPort = ServiceProcess.freePort();
        LocalPostgres postgres = LocalPostgres.start(work.resolve("pg"), pgPort);
        postgres.provision("intake");
        int port = ServiceProcess.freePort();
        Map<String, String> env = ServiceProcess.environment("intake", port, postgres.url("intake"), LocalPostgres.LOCAL_PASSWORD,
                TestJwtIssuer.get().jwksUrl(), TestJwtIssuer.ISSUER, ServiceTestProperties.TEST_MASTER_KEY);
        ServiceProcess intake = ServiceProcess.start("intake", port, env, List.of("-Xmx256m"), false);
        try {
            intake.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
            long pid = intake.pid();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger cutOff = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        long sentAt = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(intake.baseUrl() + "/api/v1/applicants"))
                                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + caseworker)
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(APPLICANT)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
                            answers.add(new Answer(sentAt, r.statusCode(), millis, r.headers().firstValue("Content-Type").orElse(""),
                                    r.headers().firstValue("Retry-After").orElse(""), r.body()));
                            if (r.statusCode() == 201) {
                                acknowledged.add(r.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
                            } else if (r.statusCode() == 503) {
                                Thread.sleep(100); // a client backs off when told to
                            }
                        } catch (IOException e) {
                            cutOff.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2_000);
            long downAt = System.nanoTime();
            postgres.close(); // PostgreSQL stops: the pool's connections break, new ones are refused
            Thread.sleep(6_000);
            postgres = LocalPostgres.start(work.resolve("pg"), pgPort); // the same data, the same port
            long upAt = System.nanoTime();
            long recoveredAt = 0;
            for (long deadline = upAt + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < deadline && recoveredAt == 0; Thread.sleep(50)) {
                recoveredAt = answers.stream().filter(a -> a.sentAt() > upAt && a.status() == 201).mapToLong(Answer::sentAt).min().orElse(0);
            }
            Thread.sleep(1_000);
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the load finished");

            Map<Integer, Integer> byStatus = new TreeMap<>();
            answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
            assertTrue(recoveredAt > 0, "the service serves again after PostgreSQL is back, by itself: " + byStatus);
            assertEquals(pid, intake.pid(), "the same process");
            assertEquals(0, cutOff.get(), "no connection was cut or timed out");
            assertEquals(Set.of(201, 503), byStatus.keySet(), "only created or 503 while the database is away: " + byStatus + " "
                    + answers.stream().filter(a -> a.status() != 201 && a.status() != 503).map(Answer::body).toList());
            for (Answer a : answers) {
                if (a.status() == 503) {
                    assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
                    assertTrue(a.body().contains("/problems/unavailable"), a.body());
                    assertEquals("5", a.retryAfter(), "a 503 says when to try again");
                }
            }
            long slowest = answers.stream().mapToLong(Answer::millis).max().orElseThrow();
            assertTrue(slowest <= BOUND.toMillis(), "slowest answer " + slowest + " ms, bound " + BOUND.toMillis() + " ms");

            Set<String> found = new HashSet<>();
            try (Connection admin = postgres.superuser("intake"); Statement st = admin.createStatement();
                 ResultSet rs = st.executeQuery("select id from applicant where tenant_id = '" + TENANT + "'")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(found);
            assertEquals(Set.of(), lost, "acknowledged applicants missing after the restart");
            System.out.printf("BENCH postgres restarted under load: %d clients, %d answers %s, down %d ms, first 201 %d ms after "
                            + "PostgreSQL was back, slowest answer %d ms (bound %d ms), %d acknowledged, all %d found%n", CLIENTS,
                    answers.size(), byStatus, TimeUnit.NANOSECONDS.toMillis(upAt - downAt),
                    TimeUnit.NANOSECONDS.toMillis(recoveredAt - upAt), slowest, BOUND.toMillis(), acknowledged.size(), found.size());
        } finally {
            intake.stop();
            postgres.close();
        }
    }
}
