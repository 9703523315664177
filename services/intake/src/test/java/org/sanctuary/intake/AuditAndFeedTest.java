package org.sanctuary.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.audit.AuditChainVerifier;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.FeedContract;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/** The audit chain records every API read and write of personal data; the feed serves events in order. */
@MicronautTest(transactional = false)
class AuditAndFeedTest extends IntakeApiTest {

    @Inject
    AuditChainVerifier verifier;

    private long auditEntries(String tenant) throws SQLException {
        try (Connection c = db.adminConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from audit_entry where tenant_id = ?")) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private AuditChainVerifier.Result verify(String tenant) {
        return Caller.callAs(Caller.system(tenant, "audit-verifier"), verifier::verifyCurrentTenant);
    }

    /**
     * One way for every refusal (ProblemException.audited): the refused request's work rolls back, and its refusal is
     * recorded afterwards in a transaction of its own — in the refused caller's chain, with the right outcome.
     */
    @Test
    void aRefusalIsAuditedAfterItsWorkRolledBack() throws SQLException {
        String a = TestJwtIssuer.get().token("refusal-a", "cw-a", "caseworker");
        String b = TestJwtIssuer.get().token("refusal-b", "cw-b", "caseworker");
        String integrator = TestJwtIssuer.get().token("refusal-a", "robot", "integrator");
        Object applicant = api().post("/api/v1/applicants", a, applicant("Глеб", "Отказов", "RU", "1988-08-08")).json().get("id");
        String claim = api().post("/api/v1/claims", a, claim(applicant)).json().get("id").toString();
        long eventsBefore = rows("outbox");

        assertProblem(api().get("/api/v1/claims/" + claim, b), 404);
        assertProblem(api().post("/api/v1/claims/" + claim + "/actions/decide", a, ""), 403);
        assertProblem(api().post("/api/v1/claims/" + claim + "/actions/withdraw", integrator,
                Map.of("reason", "not mine to withdraw")), 403);

        assertEquals(List.of("claim.read:" + claim + ":NOT_FOUND:cw-b"), refusals("refusal-b"));
        assertEquals(List.of("claim.decide:" + claim + ":DENIED:cw-a", "claim.withdraw:" + claim + ":DENIED:robot"),
                refusals("refusal-a"));
        assertEquals("DRAFT", api().get("/api/v1/claims/" + claim, a).json().get("status"));
        assertEquals(eventsBefore, rows("outbox"), "a refused request publishes nothing");
        assertTrue(verify("refusal-a").intact());
        assertTrue(verify("refusal-b").intact());
    }

    private List<String> refusals(String tenant) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.adminConnection(); PreparedStatement st = c.prepareStatement("select action, resource_id, outcome, actor "
                + "from audit_entry where tenant_id = ? and outcome <> 'SUCCESS' and action like 'claim.%' order by occurred_at")) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":" + rs.getString(4));
                }
            }
        }
        return found;
    }

    @Test
    void everyApiReadAndWriteOfAnApplicantOrClaimAddsAnEntry() throws SQLException {
        String tenant = "audit-writes";
        String token = TestJwtIssuer.get().token(tenant, "clerk", "caseworker");
        long before = auditEntries(tenant);
        ApiClient.Response applicant = api().post("/api/v1/applicants", token, applicant("Олег", "Сидоров", "RU", "1985-01-01"));
        String path = "/api/v1/applicants/" + applicant.json().get("id");
        api().get(path, token);
        api().get("/api/v1/applicants", token);
        api().put(path, token, applicant("Олег", "Сидоров", "RU", "1985-01-02"), Map.of("If-Match", "\"1\""));
        ApiClient.Response claim = api().post("/api/v1/claims", token, claim(applicant.json().get("id")));
        String claimPath = "/api/v1/claims/" + claim.json().get("id");
        api().get(claimPath, token);
        api().post(claimPath + "/actions/lodge", token, "");
        api().get(claimPath + "/facts", token);
        api().get("/api/v1/duplicates?applicantId=" + applicant.json().get("id"), token);
        api().get("/api/v1/applicants/00000000-0000-0000-0000-000000000009", token);
        // create, read, list, update, claim create, claim read, lodge, facts (claim + applicant), duplicates, 404
        assertEquals(before + 11, auditEntries(tenant));
        AuditChainVerifier.Result result = verify(tenant);
        assertTrue(result.intact(), result.toString());
        assertEquals(11, result.entriesChecked());
    }

    private void tamperAndVerify(String tenant, Consumer<Statement> tamper, String expectedReason) throws SQLException {
        String token = TestJwtIssuer.get().token(tenant, "clerk", "caseworker");
        // more entries than chains: some chain holds at least three
        for (int i = 0; i < 3 * AuditTrail.STRIPES; i++) {
            api().get("/api/v1/applicants", token);
        }
        assertTrue(verify(tenant).intact());
        try (Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            tamper.accept(st);
        }
        AuditChainVerifier.Result result = verify(tenant);
        assertFalse(result.intact());
        assertTrue(result.reason().contains(expectedReason), result.toString());
    }

    @Test
    void theVerifierDetectsAnEditedEntry() throws SQLException {
        tamperAndVerify("audit-edit", st -> exec(st, "update audit_entry set actor = 'someone-else' "
                + "where tenant_id = 'audit-edit' and (stripe, seq) = (" + LONG_CHAIN.formatted("audit-edit") + ", 2)"),
                "does not match its hash");
        assertEquals(2L, verify("audit-edit").firstBrokenSeq());
    }

    @Test
    void theVerifierDetectsADeletedEntry() throws SQLException {
        tamperAndVerify("audit-delete", st -> exec(st, "delete from audit_entry "
                + "where tenant_id = 'audit-delete' and (stripe, seq) = (" + LONG_CHAIN.formatted("audit-delete") + ", 2)"),
                "missing");
    }

    @Test
    void theVerifierDetectsReorderedEntries() throws SQLException {
        tamperAndVerify("audit-reorder", st -> {
            String chain = LONG_CHAIN.formatted("audit-reorder");
            exec(st, "update audit_entry set seq = -1 where tenant_id = 'audit-reorder' and (stripe, seq) = (" + chain + ", 2)");
            exec(st, "update audit_entry set seq = 2 where tenant_id = 'audit-reorder' and (stripe, seq) = (" + chain + ", 3)");
            exec(st, "update audit_entry set seq = 3 where tenant_id = 'audit-reorder' and (stripe, seq) = (" + chain + ", -1)");
        }, "prev_hash");
    }

    /** The first chain of a tenant with at least three entries. */
    private static final String LONG_CHAIN = "(select min(stripe) from (select stripe from audit_entry where tenant_id = '%s' "
            + "group by stripe having count(*) >= 3) long_chains)";

    private static void exec(Statement st, String sql) {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFeedServesEventsInOrderWithAWorkingCursor() {
        String tenant = "feed-writer";
        String token = TestJwtIssuer.get().token(tenant, "clerk", "caseworker");
        String service = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("service-account-reporting",
                List.of("platform-service")).build());
        long start = ((Number) api().get("/internal/v1/events?after=0&limit=1000", service).json().get("next")).longValue();
        ApiClient.Response applicant = api().post("/api/v1/applicants", token, applicant("Илья", "Волков", "RU", "1987-01-01"));
        ApiClient.Response claim = api().post("/api/v1/claims", token, claim(applicant.json().get("id")));
        api().post("/api/v1/claims/" + claim.json().get("id") + "/actions/lodge", token, "");

        List<String> types = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        long cursor = start;
        for (int page = 0; page < 10; page++) {
            ApiClient.Response feed = api().get("/internal/v1/events?after=" + cursor + "&limit=1", service);
            assertEquals(200, feed.status(), feed.body());
            List<?> events = (List<?>) feed.json().get("events");
            if (events.isEmpty()) {
                break;
            }
            Map<?, ?> event = (Map<?, ?>) events.get(0);
            types.add((String) event.get("type"));
            seqs.add(((Number) event.get("seq")).longValue());
            assertEquals(tenant, event.get("tenantId"));
            cursor = ((Number) feed.json().get("next")).longValue();
        }
        assertEquals(List.of("applicant.registered", "claim.lodged", "claim.status-changed"), types);
        assertTrue(seqs.get(0) < seqs.get(1) && seqs.get(1) < seqs.get(2), seqs.toString());
        Map<?, ?> lodged = (Map<?, ?>) ((List<?>) api().get("/internal/v1/events?after=" + seqs.get(0) + "&limit=1", service)
                .json().get("events")).get(0);
        assertEquals(List.of("RU"), ((Map<?, ?>) lodged.get("payload")).get("nationalities"));
        assertFalse(String.valueOf(lodged).contains("Волков"), "events carry no names");
        assertTrue(FeedContract.assertEventsKeepTheirContracts(api().get("/internal/v1/events?after=" + start + "&limit=1000", service))
                .containsAll(List.of("applicant.registered", "claim.lodged", "claim.status-changed")));
    }

    @Test
    void theFeedRefusesCallersWithoutPlatformService() {
        assertProblem(api().get("/internal/v1/events", TwoTenants.a("caseworker", "supervisor")), 403);
        assertProblem(api().get("/internal/v1/events", null), 401);
        String service = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("svc", List.of("platform-service")).build());
        assertProblem(api().get("/internal/v1/events?limit=100000", service), 400);
    }

    @Test
    void specialCategoryColumnsHoldCiphertext() throws SQLException {
        ApiClient.Response created = api().post("/api/v1/applicants", TwoTenants.a("caseworker"),
                applicant("Жаргал", "Доржиев", "RU", "1994-09-09"));
        try (Connection c = db.adminConnection(); PreparedStatement st = c.prepareStatement(
                "select ethnicity_enc, religion_enc, health_enc, political_activity_enc, lgbtqi_enc from applicant where id = ?::uuid")) {
            st.setString(1, (String) created.json().get("id"));
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                for (String plain : List.of("Buryat", "Buddhist", "PTSD", "ANTI_WAR_PROTEST", "false")) {
                    boolean found = false;
                    for (int column = 1; column <= 5; column++) {
                        byte[] stored = rs.getBytes(column);
                        assertEquals(1, stored[0], "envelope version");
                        found |= new String(stored, StandardCharsets.ISO_8859_1).contains(plain);
                    }
                    assertFalse(found, plain + " appears in clear");
                }
                byte[] ethnicity = rs.getBytes(1);
                assertFalse(new String(ethnicity, StandardCharsets.UTF_8).contains("Buryat"));
                assertTrue(ethnicity.length >= 1 + 12 + 16 + "Buryat".length());
            }
        }
        // the same plaintext encrypts differently each time (random nonce)
        ApiClient.Response twin = api().post("/api/v1/applicants", TwoTenants.a("caseworker"),
                applicant("Жаргал", "Доржиев", "RU", "1994-09-09"));
        try (Connection c = db.adminConnection(); PreparedStatement st = c.prepareStatement(
                "select ethnicity_enc from applicant where id in (?::uuid, ?::uuid)")) {
            st.setString(1, (String) created.json().get("id"));
            st.setString(2, (String) twin.json().get("id"));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                byte[] first = rs.getBytes(1);
                rs.next();
                assertFalse(java.util.Arrays.equals(first, rs.getBytes(1)));
            }
        }
    }

    @Inject
    FieldCipher cipher;

    @Inject
    TransactionOperations<Connection> transactions;

    /**
     * Issue 11, item 9: a data key is destroyed only for a tenant the registry confirms OFFBOARDED. This
     * service has no registry to ask here, so it refuses, and the key keeps working. The destruction itself
     * (tombstone, 410 Gone, never re-created) is proven in the tenants service and end to end.
     */
    @Test
    void aDataKeyIsNotDestroyedUnlessTheRegistryConfirmsTheTenantOffboarded() {
        String tenant = "shredded-tenant";
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        ApiClient.Response provisioned = api().send("PUT", "/internal/v1/tenants/" + tenant + "/data-key", platform, "", Map.of());
        assertEquals(200, provisioned.status(), provisioned.body());
        assertEquals(true, provisioned.json().get("created"));
        assertEquals(false, api().send("PUT", "/internal/v1/tenants/" + tenant + "/data-key", platform, "", Map.of()).json().get("created"));
        byte[] sealed = Caller.callAs(Caller.system(tenant, "test"), () -> transactions.executeWrite(status ->
                cipher.seal("Buddhist", "religion", "row-1")));

        String caseworker = TestJwtIssuer.get().token(tenant, "cw", "caseworker");
        assertEquals(403, api().send("DELETE", "/internal/v1/tenants/" + tenant + "/data-key", caseworker, null, Map.of()).status());
        ApiClient.Response refused = api().send("DELETE", "/internal/v1/tenants/" + tenant + "/data-key", platform, null, Map.of());
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("offboarded"), refused.body());
        assertEquals("Buddhist", Caller.callAs(Caller.system(tenant, "test"), () -> transactions.executeWrite(status ->
                cipher.open(sealed, "religion", "row-1"))));
        assertEquals(400, api().send("DELETE", "/internal/v1/tenants/Not_A_Tenant/data-key", platform, null, Map.of()).status());
    }

    /** A full page (200) names 200 ids: audited in entries short enough for the chain's index, never a 500. */
    @Test
    void aFullPageOfClaimsIsListedAndEveryIdAudited() throws Exception {
        String tenant = "long-list-tenant";
        String caseworker = TestJwtIssuer.get().token(tenant, "cw-long", "caseworker");
        Object applicant = api().post("/api/v1/applicants", caseworker, applicant("Длинный", "Список", "RU", "1990-01-01")).json().get("id");
        java.util.Set<Object> created = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            created.add(api().post("/api/v1/claims", caseworker, claim(applicant)).json().get("id"));
        }
        ApiClient.Response page = api().get("/api/v1/claims?limit=200", caseworker);
        assertEquals(200, page.status(), page.body());
        assertEquals(200, page.jsonList("items").size());
        java.util.Set<String> audited = new java.util.HashSet<>();
        try (java.sql.Connection admin = db.adminConnection(); java.sql.Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select resource_id from audit_entry where tenant_id = '" + tenant
                     + "' and action = 'claim.list'")) {
            while (rs.next()) {
                assertTrue(rs.getString(1).length() <= 1000);
                audited.addAll(List.of(rs.getString(1).split(",")));
            }
        }
        assertTrue(audited.containsAll(created.stream().map(Object::toString).toList()), "every listed claim is in the chain");
        assertEquals(200, api().get("/api/v1/applicants?limit=200", caseworker).status());
    }

    @Test
    void aCiphertextMovedToAnotherRowOrTenantNoLongerDecrypts() {
        byte[] sealed = Caller.callAs(Caller.system(TwoTenants.A, "test"), () -> transactions.executeWrite(status ->
                cipher.seal("Buddhist", "religion", "row-1")));
        assertEquals("Buddhist", Caller.callAs(Caller.system(TwoTenants.A, "test"), () -> transactions.executeWrite(status ->
                cipher.open(sealed, "religion", "row-1"))));
        for (String[] elsewhere : new String[][]{{TwoTenants.A, "religion", "row-2"}, {TwoTenants.A, "health", "row-1"},
                {TwoTenants.B, "religion", "row-1"}}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> Caller.callAs(
                    Caller.system(elsewhere[0], "test"), () -> transactions.executeWrite(status ->
                            cipher.open(sealed, elsewhere[1], elsewhere[2]))));
            assertEquals(ProblemType.INTEGRITY, refused.type());
        }
    }
}
