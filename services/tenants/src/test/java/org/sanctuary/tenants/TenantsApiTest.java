package org.sanctuary.tenants;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.FeedContract;
import org.sanctuary.common.testing.CatalogCheck;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/** Policy packs and the tenant registry over HTTP, on their own PostgreSQL database. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsApiTest implements TestPropertyProvider {

    /**
     * The acceptance packs beside the project ({@code ../shared/acceptance/packs}), or — on a
     * checkout without {@code ../shared} — the copies the local stack ships, which are the same files.
     */
    private static final Path PACKS = Files.isDirectory(root().resolve("../shared/acceptance/packs"))
            ? root().resolve("../shared/acceptance/packs").normalize()
            : root().resolve("devstack/src/main/resources/demo-packs");

    private final ServiceDatabase db = ServiceDatabase.create("tenants");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.tenants.status-ttl", "0s"); // see every registry change at once
        return properties;
    }

    private static final String PLATFORM = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root",
            List.of("platform-admin")).build());

    /** Only registered, active tenants are served: every test's tenants are registered first. */
    @BeforeAll
    void registerTenants() {
        for (String id : List.of("packs-ok", "packs-bad", "packs-pub", "packs-db", "packs-eff", "packs-sus", "packs-suite",
                TwoTenants.A, TwoTenants.B)) {
            ApiClient.Response created = api().post("/api/v1/tenants", PLATFORM, Map.of("id", id, "name", id,
                    "kind", "NGO", "jurisdiction", "DE"));
            assertEquals(201, created.status(), created.body());
        }
    }

    private ApiClient api() {
        return new ApiClient(server.getURL().toString());
    }

    private static String pack(String file) throws IOException {
        return Files.readString(PACKS.resolve(file));
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void withoutAnIdentityProviderOrDataServicesProvisioningSaysItSkippedAndOffboardingIsFinal() {
        ApiClient.Response created = api().post("/api/v1/tenants", PLATFORM, Map.of("id", "prov-skip", "name", "Prov",
                "kind", "NGO", "jurisdiction", "DE", "adminEmail", "admin@prov.example"));
        assertEquals(201, created.status(), created.body());
        List<?> steps = (List<?>) created.json().get("provisioning");
        assertEquals(3, steps.size(), created.body());
        assertTrue(steps.stream().allMatch(s -> "SKIPPED".equals(((Map<?, ?>) s).get("status"))), created.body());
        assertEquals(null, created.json().get("firstAdmin"));
        assertProblem(api().post("/api/v1/tenants", PLATFORM, Map.of("id", "prov-bad", "name", "Prov", "kind", "NGO",
                "jurisdiction", "DE", "adminEmail", "not-an-email")), 400);

        ApiClient.Response offboarded = api().post("/api/v1/tenants/prov-skip/offboard", PLATFORM, "");
        assertEquals(200, offboarded.status(), offboarded.body());
        assertEquals("OFFBOARDED", offboarded.at("tenant.status"));
        assertEquals("SKIPPED", offboarded.at("steps.0.status"));
        assertProblem(api().post("/api/v1/tenants/prov-skip/reactivate", PLATFORM, ""), 409);
        assertProblem(api().post("/api/v1/tenants/prov-skip/suspend", PLATFORM, ""), 409);
        assertProblem(api().post("/api/v1/tenants/prov-skip/provision", PLATFORM, ""), 409);
        assertEquals(200, api().post("/api/v1/tenants/prov-skip/offboard", PLATFORM, "").status()); // retries the shredding
        assertProblem(api().post("/api/v1/tenants/prov-none/offboard", PLATFORM, ""), 404);
        assertProblem(api().post("/api/v1/tenants/prov-skip/offboard", TestJwtIssuer.get().token("prov-skip", "x", "policy-admin"), ""), 403);
    }

    @Test
    void aPackWithSampleCasesIsNotPublishedWithoutAnAssessmentServiceToRunThem() throws IOException {
        String admin = TestJwtIssuer.get().token("packs-suite", "admin", "policy-admin");
        String withCases = pack("eu-member.json").replaceFirst("\\{", "{\"sampleCases\": [{\"id\": \"reservist\", "
                + "\"facts\": {\"military\": {\"status\": \"MOBILISED_RESERVIST\"}}, \"expected\": {\"recommendation\": \"REJECT\"}}],");
        ApiClient.Response draft = api().post("/api/v1/tenants/packs-suite/policy-packs", admin, withCases);
        assertEquals(201, draft.status(), draft.body());
        Object version = draft.json().get("version");
        ApiClient.Response publish = api().post("/api/v1/tenants/packs-suite/policy-packs/" + version + "/publish", admin,
                Map.of("effectiveFrom", today()));
        assertProblem(publish, 503);
        assertTrue(publish.body().contains("sample cases"), publish.body());
        assertEquals("DRAFT", api().get("/api/v1/tenants/packs-suite/policy-packs/" + version, admin).json().get("status"));
    }

    @Test
    void bothExamplePacksValidateAndPublish() throws IOException {
        String admin = TestJwtIssuer.get().token("packs-ok", "admin", "policy-admin");
        for (String file : List.of("eu-member.json", "convention-strict.json")) {
            ApiClient.Response draft = api().post("/api/v1/tenants/packs-ok/policy-packs", admin, pack(file));
            assertEquals(201, draft.status(), draft.body());
            assertEquals("DRAFT", draft.json().get("status"));
        }
        ApiClient.Response published = api().post("/api/v1/tenants/packs-ok/policy-packs/1/publish", admin,
                Map.of("effectiveFrom", today()));
        assertEquals(200, published.status(), published.body());
        assertEquals("PUBLISHED", published.json().get("status"));
        ApiClient.Response diff = api().get("/api/v1/tenants/packs-ok/policy-packs/1/diff?to=2", admin);
        assertEquals(200, diff.status(), diff.body());
        assertTrue(diff.body().contains("\"path\":\"/legalFramework\""), diff.body());
        assertTrue(diff.body().contains("REFUGEE_CONVENTION"));
    }

    @Test
    void anInvalidPackIs400WithEveryViolationAtItsPointer() throws IOException {
        String admin = TestJwtIssuer.get().token("packs-bad", "admin", "policy-admin");
        String bad = pack("eu-member.json")
                .replace("\"EU_QD_2011_95\"", "\"MARTIAL_LAW\"")
                .replace("\"appealDays\": 14", "\"appealDays\": -1")
                .replace("\"alternativeService\": \"PUNITIVE\"", "\"alternativeService\": \"SOMETIMES\"")
                .replace("\"timezone\": \"Europe/Berlin\"", "\"timezone\": 42");
        ApiClient.Response response = api().post("/api/v1/tenants/packs-bad/policy-packs", admin, bad);
        assertProblem(response, 400);
        List<?> violations = (List<?>) response.json().get("violations");
        List<String> fields = violations.stream().map(v -> String.valueOf(((Map<?, ?>) v).get("field"))).toList();
        assertTrue(fields.contains("/legalFramework"), fields.toString());
        assertTrue(fields.contains("/deadlines/appealDays"), fields.toString());
        assertTrue(fields.contains("/coi/RU/alternativeService"), fields.toString());
        assertTrue(fields.contains("/timezone"), fields.toString());
        ApiClient.Response missing = api().post("/api/v1/tenants/packs-bad/policy-packs", admin, "{\"schemaVersion\": 1}");
        assertProblem(missing, 400);
        assertTrue(missing.body().contains("/coi"), missing.body());
        assertProblem(api().post("/api/v1/tenants/packs-bad/policy-packs", admin, "{not json"), 400);
        assertEquals(List.of(), api().get("/api/v1/tenants/packs-bad/policy-packs", admin).jsonList(), "nothing was stored");

        // the violations in the reader's language, as the validator writes them (the console's five languages)
        Map<String, String> wanted = Map.of("de", "muss einen Mindestwert von 1 haben", "uk", "має мати мінімальне значення 1",
                "ja", "must have a minimum value of 1");
        wanted.forEach((language, message) -> {
            ApiClient.Response worded = api().send("POST", "/api/v1/tenants/packs-bad/policy-packs", admin, bad,
                    Map.of("Content-Type", "application/json", "Accept-Language", language + ";q=0.9, xx;q=0.1"));
            assertProblem(worded, 400);
            assertTrue(worded.body().contains("\"/deadlines/appealDays\",\"message\":\"" + message), language + ": " + worded.body());
        });
    }

    /** The feed's contract test: what this service really writes on its feed is what the contracts say consumers read. */
    @Test
    void everyEventOnTheFeedKeepsItsContract() throws IOException {
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        assertEquals(201, api().post("/api/v1/tenants", platform, Map.of("id", "feed-contract", "name", "Feed contract",
                "kind", "NGO", "jurisdiction", "DE")).status());
        String admin = TestJwtIssuer.get().token("feed-contract", "admin", "policy-admin");
        ApiClient.Response drafted = api().post("/api/v1/tenants/feed-contract/policy-packs", admin, pack("eu-member.json"));
        assertEquals(201, drafted.status(), drafted.body());
        ApiClient.Response published = api().post("/api/v1/tenants/feed-contract/policy-packs/1/publish", admin,
                Map.of("effectiveFrom", today()));
        assertEquals(200, published.status(), published.body());
        assertEquals(200, api().post("/api/v1/tenants/feed-contract/suspend", platform, "").status());
        assertEquals(200, api().post("/api/v1/tenants/feed-contract/reactivate", platform, "").status());
        assertEquals(200, api().post("/api/v1/tenants/feed-contract/offboard", platform, "").status());

        String service = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("svc", List.of("platform-service")).build());
        assertTrue(FeedContract.assertEventsKeepTheirContracts(api().get("/internal/v1/events?after=0&limit=1000", service))
                .containsAll(List.of("tenant.created", "tenant.suspended", "tenant.reactivated", "tenant.offboarded",
                        "policy-pack.published")));
    }

    @Test
    void publishedVersionsAreImmutableAndNewOnesCannotStartInThePast() throws IOException {
        String admin = TestJwtIssuer.get().token("packs-pub", "admin", "policy-admin");
        api().post("/api/v1/tenants/packs-pub/policy-packs", admin, pack("eu-member.json"));
        ApiClient.Response past = api().post("/api/v1/tenants/packs-pub/policy-packs/1/publish", admin,
                Map.of("effectiveFrom", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        assertProblem(past, 422);
        assertTrue(past.body().contains("effectiveFrom"));
        assertEquals(200, api().post("/api/v1/tenants/packs-pub/policy-packs/1/publish", admin, Map.of("effectiveFrom", today())).status());
        assertProblem(api().post("/api/v1/tenants/packs-pub/policy-packs/1/publish", admin, Map.of("effectiveFrom", today())), 409);
        assertProblem(api().put("/api/v1/tenants/packs-pub/policy-packs/1", admin, pack("convention-strict.json"), Map.of()), 409);
        assertEquals("EU_QD_2011_95", api().get("/api/v1/tenants/packs-pub/policy-packs/1", admin).at("document.legalFramework"));
    }

    @Test
    void theDatabaseItselfRefusesToChangeAPublishedVersion() throws Exception {
        String admin = TestJwtIssuer.get().token("packs-db", "admin", "policy-admin");
        api().post("/api/v1/tenants/packs-db/policy-packs", admin, pack("eu-member.json"));
        api().post("/api/v1/tenants/packs-db/policy-packs/1/publish", admin, Map.of("effectiveFrom", today()));
        try (Connection c = db.adminConnection(); var st = c.createStatement()) {
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> st.executeUpdate("update policy_pack set document = '{}' where tenant_id = 'packs-db'"));
            assertTrue(refused.getMessage().contains("immutable"), refused.getMessage());
        }
    }

    @Test
    void theEffectivePackFollowsEffectiveFromAndCarriesAnETag() throws IOException {
        String admin = TestJwtIssuer.get().token("packs-eff", "admin", "policy-admin");
        String caseworker = TestJwtIssuer.get().token("packs-eff", "worker", "caseworker");
        assertProblem(api().get("/api/v1/policy", caseworker), 404);
        api().post("/api/v1/tenants/packs-eff/policy-packs", admin, pack("convention-strict.json"));
        api().post("/api/v1/tenants/packs-eff/policy-packs", admin, pack("eu-member.json"));
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        api().post("/api/v1/tenants/packs-eff/policy-packs/1/publish", admin, Map.of("effectiveFrom", today()));
        api().post("/api/v1/tenants/packs-eff/policy-packs/2/publish", admin, Map.of("effectiveFrom", later.toString()));

        ApiClient.Response now = api().get("/api/v1/policy", caseworker);
        assertEquals(200, now.status(), now.body());
        assertEquals(1, ((Number) now.json().get("version")).intValue());
        String etag = now.header("ETag").orElseThrow();
        assertEquals(304, api().send("GET", "/api/v1/policy", caseworker, null, Map.of("If-None-Match", etag)).status());
        ApiClient.Response then = api().get("/api/v1/policy?at=" + later, caseworker);
        assertEquals(2, ((Number) then.json().get("version")).intValue());
        assertEquals("EU_QD_2011_95", then.at("document.legalFramework"));
    }

    @Test
    void theSchemaPacksAreValidatedWithIsServedToPolicyAdministrators() throws IOException {
        ApiClient.Response schema = api().get("/api/v1/policy/schema", TwoTenants.a("policy-admin"));
        assertEquals(200, schema.status(), schema.body());
        try (var in = getClass().getResourceAsStream("/schemas/policy-pack.schema.json")) {
            assertEquals(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), schema.body());
        }
        assertEquals("https://sanctuary.example/schemas/policy-pack/1", schema.at("$id"));
        assertProblem(api().get("/api/v1/policy/schema", TwoTenants.a("caseworker")), 403);
    }

    @Test
    void rolesAndTenantsAreKeptApart() throws IOException {
        String adminA = TwoTenants.a("policy-admin");
        api().post("/api/v1/tenants/" + TwoTenants.A + "/policy-packs", adminA, pack("eu-member.json"));
        // another tenant's policy-admin: 404, exactly like a pack that does not exist
        String adminB = TwoTenants.b("policy-admin");
        assertProblem(api().get("/api/v1/tenants/" + TwoTenants.A + "/policy-packs", adminB), 404);
        assertProblem(api().get("/api/v1/tenants/" + TwoTenants.A + "/policy-packs/1", adminB), 404);
        assertProblem(api().post("/api/v1/tenants/" + TwoTenants.A + "/policy-packs/1/publish", adminB,
                Map.of("effectiveFrom", today())), 404);
        // a caseworker reads the effective pack but may not edit
        assertProblem(api().post("/api/v1/tenants/" + TwoTenants.A + "/policy-packs", TwoTenants.a("caseworker"),
                pack("eu-member.json")), 403);
        // the platform administrator manages tenants, never packs
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        assertProblem(api().get("/api/v1/tenants/" + TwoTenants.A + "/policy-packs", platform), 403);
        assertProblem(api().get("/api/v1/policy", platform), 403);
        assertProblem(api().get("/api/v1/tenants", TwoTenants.a("policy-admin", "caseworker")), 403);
    }

    @Test
    void platformAdministratorsRegisterSuspendAndReactivateTenants() {
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        ApiClient.Response created = api().post("/api/v1/tenants", platform, Map.of("id", "ministry-x", "name", "Ministry X",
                "kind", "GOVERNMENT", "jurisdiction", "DE", "timezone", "Europe/Berlin"));
        assertEquals(201, created.status(), created.body());
        assertEquals("ACTIVE", created.json().get("status"));
        assertProblem(api().post("/api/v1/tenants", platform, Map.of("id", "ministry-x", "name", "Again",
                "kind", "GOVERNMENT", "jurisdiction", "DE")), 409);
        assertProblem(api().post("/api/v1/tenants", platform, Map.of("id", "Bad Id", "name", "x", "kind", "NGO",
                "jurisdiction", "DE")), 400);
        assertProblem(api().post("/api/v1/tenants", platform, Map.of("id", "ngo-y", "name", "x", "kind", "CHURCH",
                "jurisdiction", "DE")), 400);
        assertEquals("SUSPENDED", api().post("/api/v1/tenants/ministry-x/suspend", platform, "").json().get("status"));
        assertProblem(api().post("/api/v1/tenants/ministry-x/suspend", platform, ""), 409);
        assertEquals("ACTIVE", api().post("/api/v1/tenants/ministry-x/reactivate", platform, "").json().get("status"));
        assertTrue(api().get("/api/v1/tenants", platform).jsonList().stream()
                .anyMatch(t -> "ministry-x".equals(((Map<?, ?>) t).get("id"))));
        assertProblem(api().get("/api/v1/tenants/nobody", platform), 404);
        // found by ApiFuzzTest: an id with U+0000, which PostgreSQL's text cannot hold, was a 500
        assertProblem(api().get("/api/v1/tenants/fz-%00", platform), 400);
        assertProblem(api().post("/api/v1/tenants/fz-%00/offboard", platform, ""), 400);

        String service = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("svc", List.of("platform-service")).build());
        List<?> events = (List<?>) api().get("/internal/v1/events?after=0&limit=1000", service).json().get("events");
        List<String> ministry = events.stream().map(e -> (Map<?, ?>) e).filter(e -> "ministry-x".equals(e.get("tenantId")))
                .map(e -> (String) e.get("type")).toList();
        assertEquals(List.of("tenant.created", "tenant.suspended", "tenant.reactivated"), ministry);
    }

    @Test
    void aSuspendedTenantIsRefusedEverywhereAndAReactivatedOneServedAgain() throws IOException {
        String admin = TestJwtIssuer.get().token("packs-sus", "admin", "policy-admin");
        assertEquals(201, api().post("/api/v1/tenants/packs-sus/policy-packs", admin, pack("eu-member.json")).status());
        api().post("/api/v1/tenants/packs-sus/suspend", PLATFORM, "");
        ApiClient.Response refused = api().get("/api/v1/tenants/packs-sus/policy-packs", admin);
        assertProblem(refused, 403);
        assertEquals("https://sanctuary.example/problems/tenant-inactive", refused.json().get("type"));
        assertProblem(api().get("/api/v1/policy", admin), 403);
        assertEquals("SUSPENDED", api().get("/api/v1/tenancy", admin).json().get("status"));
        api().post("/api/v1/tenants/packs-sus/reactivate", PLATFORM, "");
        assertEquals(200, api().get("/api/v1/tenants/packs-sus/policy-packs", admin).status());
        ApiClient.Response stranger = api().get("/api/v1/policy", TestJwtIssuer.get().token("never-registered", "x", "caseworker"));
        assertProblem(stranger, 403);
        assertEquals("https://sanctuary.example/problems/tenant-inactive", stranger.json().get("type"));
    }

    @Test
    void everyTenantTableIsIsolatedInTheCatalog() throws Exception {
        try (Connection owner = db.ownerConnection()) {
            // the registry is platform data (one row per tenant, platform-admin routes only)
            List<String> violations = new CatalogCheck().allowTable("tenant").violations(owner, db.appRole());
            assertEquals(List.of(), violations);
            assertFalse(new CatalogCheck().violations(owner, db.appRole()).isEmpty(), "without the allowlist the registry is flagged");
        }
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("services"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
