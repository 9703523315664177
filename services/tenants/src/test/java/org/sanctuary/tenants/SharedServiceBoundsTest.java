package org.sanctuary.tenants;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/**
 * One tenant cannot exhaust the shared tenants service (issue 11, item 10): packs are bounded in
 * size and shape (refused with 400/413 problem+json naming where), comparisons of versions are bounded
 * and hold no database connection, and another tenant's {@code /api/v1/tenancy} stays fast while one
 * tenant hammers diffs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedServiceBoundsTest implements TestPropertyProvider {

    private static final Path PACKS = Files.isDirectory(root().resolve("../shared/acceptance/packs"))
            ? root().resolve("../shared/acceptance/packs").normalize()
            : root().resolve("devstack/src/main/resources/demo-packs");

    private static final String PLATFORM = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root",
            List.of("platform-admin")).build());

    private final ServiceDatabase db = ServiceDatabase.create("tenants");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.tenants.status-ttl", "0s");
        return properties;
    }

    @BeforeAll
    void registerTenants() {
        for (String id : List.of("bound-big", "bound-legacy", "flood-a", "flood-b")) {
            ApiClient.Response created = api().post("/api/v1/tenants", PLATFORM, Map.of("id", id, "name", id,
                    "kind", "NGO", "jurisdiction", "DE"));
            assertEquals(201, created.status(), created.body());
        }
    }

    private ApiClient api() {
        return new ApiClient(server.getURL().toString());
    }

    private static String pack() throws IOException {
        return Files.readString(PACKS.resolve("eu-member.json"));
    }

    /** The pack with {@code member} (a JSON member, no trailing comma) added first. */
    private static String with(String member) throws IOException {
        return pack().replaceFirst("\\{", "{" + member + ",");
    }

    private static List<String> fields(ApiClient.Response response) {
        List<?> violations = (List<?>) response.json().get("violations");
        return violations == null ? List.of() : violations.stream().map(v -> String.valueOf(((Map<?, ?>) v).get("field"))).toList();
    }

    @Test
    void oversizePacksAreRefusedWithAProblemNamingTheField() throws IOException {
        String admin = TestJwtIssuer.get().token("bound-big", "admin", "policy-admin");
        String path = "/api/v1/tenants/bound-big/policy-packs";

        // a 200k-item array (1.3 MB): the body alone is too large
        String huge = with("\"x-list\": [" + IntStream.range(0, 200_000).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]");
        assertTrue(huge.length() > 1_048_576);
        ApiClient.Response tooLarge = api().post(path, admin, huge);
        assertProblem(tooLarge, 413);
        assertEquals("https://sanctuary.example/problems/payload-too-large", tooLarge.json().get("type"));

        // 100k items fit in the body: refused by the structural bound, at the array's pointer, in one violation
        String long1 = with("\"x-list\": [" + IntStream.range(0, 100_000).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]");
        ApiClient.Response items = api().post(path, admin, long1);
        assertProblem(items, 400);
        assertEquals(List.of("/x-list"), fields(items), items.body());

        // the schema's own bounds, per field
        ApiClient.Response languages = api().post(path, admin, pack().replace("\"languages\": [", "\"languages\": ["
                + IntStream.range(0, 300).mapToObj(i -> "\"" + code(i) + "\"").collect(Collectors.joining(",")) + ","));
        assertProblem(languages, 400);
        assertTrue(fields(languages).contains("/languages"), languages.body());

        ApiClient.Response source = api().post(path, admin, pack().replaceFirst("\"sources\": \\[", "\"sources\": [\"" + "s".repeat(5000) + "\","));
        assertProblem(source, 400);
        assertTrue(fields(source).stream().anyMatch(f -> f.matches("/coi/[A-Z]{2}/sources/0")), source.body());

        ApiClient.Response string = api().post(path, admin, with("\"x-note\": \"" + "n".repeat(30_000) + "\""));
        assertProblem(string, 400);
        assertEquals(List.of("/x-note"), fields(string), string.body());

        ApiClient.Response deep = api().post(path, admin, with("\"x-deep\": " + "[".repeat(40) + "]".repeat(40)));
        assertProblem(deep, 400);
        assertTrue(fields(deep).get(0).startsWith("/x-deep/0/0/0"), deep.body());

        ApiClient.Response facts = api().post(path, admin, with("\"sampleCases\": [" + IntStream.range(0, 201)
                .mapToObj(i -> "{\"id\": \"c" + i + "\", \"facts\": {}, \"expected\": {\"recommendation\": \"REJECT\"}}")
                .collect(Collectors.joining(",")) + "]"));
        assertProblem(facts, 400);
        assertTrue(fields(facts).contains("/sampleCases"), facts.body());

        assertEquals(List.of(), api().get(path, admin).jsonList(), "nothing was stored");
        // a real pack, generous in every bound, is accepted
        assertEquals(201, api().post(path, admin, largestPack('a')).status());
    }

    @Test
    void aSmallCellThresholdUnderThePlatformFloorIsRefused() throws IOException {
        String admin = TestJwtIssuer.get().token("bound-big", "admin", "policy-admin");
        ApiClient.Response low = api().post("/api/v1/tenants/bound-big/policy-packs", admin,
                pack().replace("\"smallCellThreshold\": 5", "\"smallCellThreshold\": 1"));
        assertProblem(low, 400);
        assertEquals(List.of("/reporting/smallCellThreshold"), fields(low), low.body());
    }

    /** A version stored before packs were bounded is not compared: 422 naming the version, never a 500 or a stall. */
    @Test
    void aVersionBeyondTheBoundsFromBeforeThemIsNotCompared() throws Exception {
        String admin = TestJwtIssuer.get().token("bound-legacy", "admin", "policy-admin");
        assertEquals(201, api().post("/api/v1/tenants/bound-legacy/policy-packs", admin, pack()).status());
        String legacy = with("\"x-list\": [" + IntStream.range(0, 50_000).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]");
        try (Connection c = db.adminConnection(); PreparedStatement insert = c.prepareStatement("insert into policy_pack "
                + "(tenant_id, version, status, document, created_at, created_by, updated_at) values ('bound-legacy', 2, 'DRAFT', ?::jsonb, ?, 'legacy', ?)")) {
            insert.setString(1, legacy);
            insert.setObject(2, java.sql.Timestamp.from(Instant.now()));
            insert.setObject(3, java.sql.Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        ApiClient.Response diff = api().get("/api/v1/tenants/bound-legacy/policy-packs/1/diff?to=2", admin);
        assertProblem(diff, 422);
        assertEquals(List.of("to"), fields(diff), diff.body());
        assertTrue(diff.body().contains("/x-list"), diff.body());
    }

    /**
     * Tenant A hammers comparisons of its two largest allowed versions from many threads; tenant B's
     * status question keeps its pace. Not a benchmark: the bound is generous (20× the unloaded
     * median, at least 250 ms); before the fix B waited for a database connection behind A's diffs.
     */
    @Test
    void anotherTenantStaysFastWhileOneHammersDiffs() throws Exception {
        String attacker = TestJwtIssuer.get().token("flood-a", "admin", "policy-admin");
        String victim = TestJwtIssuer.get().token("flood-b", "worker", "caseworker");
        String path = "/api/v1/tenants/flood-a/policy-packs";
        // the attack as it worked before: two versions holding 200k-item arrays, compared
        String reversed = "\"x-list\": [" + IntStream.range(0, 200_000).map(i -> 199_999 - i).mapToObj(Integer::toString)
                .collect(Collectors.joining(",")) + "]";
        String forward = "\"x-list\": [" + IntStream.range(0, 200_000).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]";
        ApiClient.Response first = api().post(path, attacker, with(forward));
        ApiClient.Response second = api().post(path, attacker, with(reversed));
        if (first.status() != 201 || second.status() != 201) {
            // bounded now: the largest versions that are accepted, different everywhere they may differ
            assertEquals(201, api().post(path, attacker, largestPack('a')).status());
            assertEquals(201, api().post(path, attacker, largestPack('b')).status());
        }
        List<Object> versions = api().get(path, attacker).jsonList();
        String diff = path + "/" + ((Map<?, ?>) versions.get(0)).get("version") + "/diff?to=" + ((Map<?, ?>) versions.get(1)).get("version");
        long started = System.nanoTime();
        ApiClient.Response one = api().get(diff, attacker);
        long singleDiffMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, one.status(), one.body().substring(0, Math.min(500, one.body().length())));

        for (int i = 0; i < 20; i++) {
            api().get("/api/v1/tenancy", victim); // warm up
        }
        double alone = medianTenancyMs(victim, 40);

        int threads = 16; // more than the connection pool (10)
        ExecutorService hammer = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ApiClient attackerClient = api();
        for (int t = 0; t < threads; t++) {
            hammer.submit(() -> {
                while (!stop.get()) {
                    try {
                        int status = attackerClient.get(diff, attacker).status();
                        (status == 200 ? done : status == 429 ? refused : failed).incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        double loaded;
        try {
            Thread.sleep(500); // the diffs are under way
            loaded = medianTenancyMs(victim, 40);
        } finally {
            stop.set(true);
            hammer.shutdown();
            assertTrue(hammer.awaitTermination(60, TimeUnit.SECONDS));
        }
        System.out.printf("tenancy median alone %.1f ms, while another tenant hammers diffs %.1f ms (one diff %d ms; "
                + "diffs done %d, refused 429 %d, failed %d)%n", alone, loaded, singleDiffMs, done.get(), refused.get(), failed.get());
        assertTrue(loaded <= Math.max(20 * alone, 250), "tenancy median " + loaded + " ms under load vs " + alone + " ms alone");
        assertEquals(0, failed.get(), "no diff failed other than by a 429");
        assertTrue(done.get() > 0, "the attacker's diffs are served, only bounded");
    }

    /** Median latency of the victim's status question, in ms; a request that fails counts as 30 s. */
    private double medianTenancyMs(String token, int samples) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            double ms;
            try {
                int status = api().get("/api/v1/tenancy", token).status();
                ms = status == 200 ? (System.nanoTime() - start) / 1e6 : 30_000;
            } catch (RuntimeException e) {
                ms = 30_000;
            }
            times.add(ms);
        }
        Collections.sort(times);
        return (times.get(samples / 2 - 1) + times.get(samples / 2)) / 2;
    }

    /**
     * The largest pack the bounds allow in practice: a COI entry for 250 countries with 10 long
     * sources each, and a 500-item extension list; {@code variant} makes every source and item differ.
     */
    private static String largestPack(char variant) throws IOException {
        String pack = pack();
        int start = pack.indexOf("\"RU\": {");
        int end = matching(pack, pack.indexOf('{', start));
        String entry = pack.substring(pack.indexOf('{', start), end + 1);
        String sources = IntStream.range(0, 10).mapToObj(i -> "\"" + String.valueOf(variant).repeat(150) + i + "\"")
                .collect(Collectors.joining(","));
        entry = entry.replaceFirst("\"sources\": \\[[^\\]]*\\]", "\"sources\": [" + sources + "]");
        StringBuilder coi = new StringBuilder("\"coi\": {");
        for (int i = 0; i < 250; i++) {
            coi.append(i == 0 ? "" : ",").append('"').append((char) ('A' + i / 26 % 26)).append((char) ('A' + i % 26)).append("\": ").append(entry);
        }
        coi.append('}');
        int coiStart = pack.indexOf("\"coi\": {");
        String bounded = pack.substring(0, coiStart) + coi + pack.substring(matching(pack, pack.indexOf('{', coiStart)) + 1);
        String list = IntStream.range(0, 500).mapToObj(i -> "\"" + variant + i + "\"").collect(Collectors.joining(","));
        return bounded.replaceFirst("\\{", "{\"x-list\": [" + list + "],");
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced");
    }

    private static String code(int i) {
        return "" + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26) + (char) ('a' + i / 676);
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("services"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
