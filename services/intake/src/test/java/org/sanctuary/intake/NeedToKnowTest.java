package org.sanctuary.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.audit.AuditChainWatch;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/**
 * Issue 11, items 2, 6 and 12: a write never changes what its caller may not read; special-category
 * fields open on need to know (supervisors, the assigned caseworker) or with a stated reason, which the
 * audit chain records and supervisors see; lists never carry them; refusals are audited.
 */
@MicronautTest(transactional = false)
class NeedToKnowTest extends IntakeApiTest {

    private final String registrar = TestJwtIssuer.get().token(TwoTenants.A, "cw-olga", "caseworker");
    private final String colleague = TestJwtIssuer.get().token(TwoTenants.A, "cw-pavel", "caseworker");
    private final String supervisor = TestJwtIssuer.get().token(TwoTenants.A, "sv-irina", "supervisor");
    private final String integrator = TestJwtIssuer.get().token(TwoTenants.A, "svc-registry", "integrator");
    private final String auditor = TestJwtIssuer.get().token(TwoTenants.A, "au-ivan", "auditor");

    @Inject
    AuditChainWatch watch;

    private static String because(String reason) {
        return URLEncoder.encode(reason, StandardCharsets.UTF_8);
    }

    @Test
    void anIntegratorsUpdateKeepsWhatItCannotReadAndCannotWriteIt() {
        ApiClient.Response created = api().post("/api/v1/applicants", registrar, applicant("Дамба", "Жамсоев", "RU", "1990-01-01"));
        assertEquals(201, created.status(), created.body());
        String path = "/api/v1/applicants/" + created.json().get("id");
        ApiClient.Response read = api().get(path, integrator);
        assertNull(read.json().get("special"));
        assertNull(read.json().get("specialWithheld"));

        Map<String, Object> edit = applicant("Дамба", "Жамсоев-Иванов", "RU", "1990-01-01");
        edit.remove("special");
        ApiClient.Response updated = api().put(path, integrator, edit, Map.of("If-Match", read.header("ETag").orElseThrow()));
        assertEquals(200, updated.status(), updated.body());
        assertNull(updated.json().get("special"));
        ApiClient.Response after = api().get(path, registrar);
        assertEquals("Жамсоев-Иванов", after.at("name.family"));
        assertEquals("Buddhist", after.at("special.religion"), "the integrator's update kept what it could not read");
        assertEquals("PTSD", after.at("special.health"));

        ApiClient.Response refused = api().put(path, integrator, applicant("Дамба", "Жамсоев", "RU", "1990-01-01"),
                Map.of("If-Match", after.header("ETag").orElseThrow()));
        assertProblem(refused, 403);
        assertTrue(refused.body().contains("\"special\""), refused.body());
        assertProblem(api().post("/api/v1/applicants", integrator, applicant("Ким", "Ли", "RU", "1991-01-01")), 403);
        assertEquals("Buddhist", api().get(path, registrar).at("special.religion"));
    }

    @Test
    void credibilityIsACaseworkersToSetNeverAnIntegrators() {
        String applicant = api().post("/api/v1/applicants", registrar, applicant("Баир", "Доржиев", "RU", "1992-01-01"))
                .json().get("id").toString();
        ApiClient.Response refused = api().post("/api/v1/claims", integrator, claim(applicant));
        assertProblem(refused, 403);
        assertTrue(refused.body().contains("\"credibility\""), refused.body());

        ApiClient.Response claim = api().post("/api/v1/claims", registrar, claim(applicant));
        String path = "/api/v1/claims/" + claim.json().get("id");
        Map<String, Object> edit = claim(applicant);
        edit.remove("credibility");
        ((Map<String, Object>) edit.get("military")).put("served", true);
        ApiClient.Response updated = api().put(path, integrator, edit, Map.of("If-Match", "\"1\""));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("ACCEPTED", updated.at("credibility.callUp"), "kept as the caseworker set it");
        Map<String, Object> changed = claim(applicant);
        changed.put("credibility", Map.of("militaryStatus", "REJECTED"));
        ApiClient.Response overwrite = api().put(path, integrator, changed, Map.of("If-Match", "\"2\""));
        assertProblem(overwrite, 403);
        assertTrue(overwrite.body().contains("\"credibility\""), overwrite.body());
        assertEquals("ACCEPTED", api().get(path, registrar).at("credibility.militaryStatus"));
    }

    /**
     * The impact of a policy pack reads the open claims' facts in pages (docs/decisions.md): supervisors and policy
     * administrators only, always with the purpose stated, every claim named in the audit chain with it; drafts and
     * closed claims never; another tenant's never.
     */
    @Test
    void openClaimsFactsAreReadInPagesForAStatedPurposeAndEachClaimIsAudited() throws Exception {
        String tenant = "facts-bulk";
        String caseworker = TestJwtIssuer.get().token(tenant, "cw-bulk", "caseworker");
        String policyAdmin = TestJwtIssuer.get().token(tenant, "pa-bulk", "policy-admin");
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String applicant = api().post("/api/v1/applicants", caseworker, applicant("Аюр" + i, "Цыденов", "RU", "1990-01-0" + (i + 1)))
                    .json().get("id").toString();
            String claim = api().post("/api/v1/claims", caseworker, claim(applicant)).json().get("id").toString();
            if (i < 2) {
                assertEquals(200, api().post("/api/v1/claims/" + claim + "/actions/lodge", caseworker, "").status());
                open.add(claim);
            } // the third stays a draft: not open, never read
        }
        String purpose = because("policy impact of pack version 7");

        assertProblem(api().get("/internal/v1/claims/open-facts", policyAdmin), 403); // no purpose stated
        assertProblem(api().send("GET", "/internal/v1/claims/open-facts", caseworker, null, Map.of("X-Access-Reason", purpose)), 403);
        assertProblem(api().send("GET", "/internal/v1/claims/open-facts", TestJwtIssuer.get().token(tenant, "au-bulk", "auditor"), null,
                Map.of("X-Access-Reason", purpose)), 403);

        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api().send("GET", "/internal/v1/claims/open-facts?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    policyAdmin, null, Map.of("X-Access-Reason", purpose));
            assertEquals(200, page.status(), page.body());
            for (Object item : page.jsonList("items")) {
                Map<?, ?> facts = (Map<?, ?>) item;
                read.add(facts.get("claimId").toString());
                assertEquals("Buddhist", ((Map<?, ?>) facts.get("applicant")).get("religion"), "the engine reads the special categories");
            }
            cursor = (String) page.json().get("next");
            pages++;
        } while (cursor != null);
        assertEquals(open, read, "open claims only, oldest first");
        assertEquals(2, pages);
        ApiClient.Response supervisor = api().send("GET", "/internal/v1/claims/open-facts", TestJwtIssuer.get().token(tenant, "sv-bulk", "supervisor"),
                null, Map.of("X-Access-Reason", purpose));
        assertEquals(2, supervisor.jsonList("items").size());
        ApiClient.Response other = api().send("GET", "/internal/v1/claims/open-facts", TestJwtIssuer.get().token("facts-bulk-other", "pa", "policy-admin"),
                null, Map.of("X-Access-Reason", purpose));
        assertEquals(List.of(), other.jsonList("items"), "another tenant's claims are not there");

        List<String> audited = new ArrayList<>();
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select resource_id, special_decrypted, reason, outcome from audit_entry where tenant_id = '"
                     + tenant + "' and actor = 'pa-bulk' and action = 'claim.facts' order by occurred_at")) {
            while (rs.next()) {
                audited.add(rs.getString(1) + ":" + rs.getBoolean(2) + ":" + rs.getString(3) + ":" + rs.getString(4));
            }
        }
        assertEquals(List.of("open:false:null:DENIED", open.get(0) + ":true:policy impact of pack version 7:SUCCESS",
                open.get(1) + ":true:policy impact of pack version 7:SUCCESS"), audited);
    }

    @Test
    void specialFieldsOpenOnNeedToKnowOrWithAStatedReasonThatSupervisorsSee() throws Exception {
        ApiClient.Response created = api().post("/api/v1/applicants", registrar, applicant("Цырен", "Базаров", "RU", "1993-03-03"));
        String id = created.json().get("id").toString();
        String path = "/api/v1/applicants/" + id;
        // before any claim, the registrar may read what he recorded
        assertEquals("Buddhist", api().get(path, registrar).at("special.religion"));
        ApiClient.Response claim = api().post("/api/v1/claims", registrar, claim(id));
        assertEquals("cw-olga", claim.json().get("assignedCaseworker"), "a caseworker's own draft is his");
        String facts = "/api/v1/claims/" + claim.json().get("id") + "/facts";

        assertEquals("Buddhist", api().get(path, registrar).at("special.religion"));
        assertEquals("Buddhist", api().get(path, supervisor).at("special.religion"));
        ApiClient.Response withheld = api().get(path, colleague);
        assertEquals(200, withheld.status());
        assertNull(withheld.json().get("special"));
        assertEquals(true, withheld.json().get("specialWithheld"));
        assertProblem(api().get(facts, colleague), 403);
        assertProblem(api().send("GET", path, colleague, null, Map.of("X-Access-Reason", "short")), 400);

        String reason = "Заменяю Ольгу на слушании 12.12";
        ApiClient.Response opened = api().send("GET", path, colleague, null, Map.of("X-Access-Reason", because(reason)));
        assertEquals(200, opened.status(), opened.body());
        assertEquals("Buddhist", opened.at("special.religion"));
        assertEquals(200, api().send("GET", facts, colleague, null, Map.of("X-Access-Reason", because(reason))).status());

        // lists never carry special fields, whoever asks
        for (String token : List.of(registrar, supervisor)) {
            for (Object item : api().get("/api/v1/applicants?limit=200", token).jsonList("items")) {
                assertFalse(((Map<?, ?>) item).containsKey("special"), item.toString());
            }
        }

        // the audit chain says what was decrypted, and why when outside need to know
        List<String> reads = new ArrayList<>();
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select actor, action, special_decrypted, coalesce(reason, '-') from audit_entry "
                     + "where resource_id = '" + id + "' and action = 'applicant.read' order by occurred_at")) {
            while (rs.next()) {
                reads.add(rs.getString(1) + ":" + rs.getBoolean(3) + ":" + rs.getString(4));
            }
        }
        assertTrue(reads.contains("cw-olga:true:-"), reads.toString());
        assertTrue(reads.contains("cw-pavel:false:-"), reads.toString());
        assertTrue(reads.contains("cw-pavel:true:" + reason), reads.toString());

        // supervisors see the break-glass reads, and only those; the auditor everything, and verifies
        ApiClient.Response breakGlass = api().get("/api/v1/intake-audit/entries", supervisor);
        assertEquals(200, breakGlass.status(), breakGlass.body());
        List<Map<String, Object>> entries = breakGlass.jsonList("items");
        assertTrue(entries.stream().anyMatch(e -> reason.equals(e.get("reason")) && "cw-pavel".equals(e.get("actor"))), entries.toString());
        assertTrue(entries.stream().allMatch(e -> e.get("reason") != null), entries.toString());
        List<Map<String, Object>> all = api().get("/api/v1/intake-audit/entries?limit=500", auditor).jsonList("items");
        assertTrue(all.stream().anyMatch(e -> e.get("reason") == null), "the auditor reads the whole chain");
        // narrowed to a person, an action, a subject and a period, each exactly
        String subject = "/api/v1/intake-audit/entries?actor=cw-pavel&action=applicant.read&resourceType=applicant&resourceId=" + id;
        List<Map<String, Object>> pavel = api().get(subject, auditor).jsonList("items");
        assertEquals(3, pavel.size(), pavel.toString()); // the withheld read and the two opened with the reason
        assertTrue(pavel.stream().allMatch(e -> "cw-pavel".equals(e.get("actor")) && id.equals(e.get("resourceId"))
                && "applicant.read".equals(e.get("action"))), pavel.toString());
        String oldest = pavel.get(2).get("occurredAt").toString();
        List<Map<String, Object>> fromLatest = api().get(subject + "&from=" + pavel.get(0).get("occurredAt"), auditor).jsonList("items");
        assertEquals(List.of(pavel.get(0)), fromLatest);
        assertEquals(pavel.subList(1, 3), api().get(subject + "&before=" + pavel.get(0).get("occurredAt"), auditor).jsonList("items"));
        assertTrue(api().get(subject + "&from=" + oldest + "&before=" + oldest, auditor).jsonList("items").isEmpty());
        assertProblem(api().get("/api/v1/intake-audit/entries?resourceId=" + id, auditor), 400);
        assertProblem(api().get("/api/v1/intake-audit/entries", registrar), 403);
        assertProblem(api().get("/api/v1/intake-audit/verification", supervisor), 403);
        ApiClient.Response verified = api().get("/api/v1/intake-audit/verification", auditor);
        assertEquals(200, verified.status(), verified.body());
        assertEquals(true, verified.json().get("intact"));
        // another tenant's auditor sees none of it
        assertTrue(api().get("/api/v1/intake-audit/entries", TestJwtIssuer.get().token(TwoTenants.B, "au-b", "auditor"))
                .jsonList("items").stream().noneMatch(e -> reason.equals(e.get("reason"))));
    }

    @Test
    void aRefusedRequestIsAuditedAndAScheduledVerificationReportsABrokenChain() throws Exception {
        String tenant = "tampered-tenant";
        String analyst = TestJwtIssuer.get().token(tenant, "an-refused", "analyst");
        assertProblem(api().get("/api/v1/applicants", analyst), 403);
        String caseworker = TestJwtIssuer.get().token(tenant, "cw-t", "caseworker");
        assertEquals(201, api().post("/api/v1/applicants", caseworker, applicant("Иван", "Петров", "RU", "1990-01-01")).status());
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement()) {
            int forbidden = 0;
            for (long end = System.nanoTime() + 5_000_000_000L; forbidden == 0 && System.nanoTime() < end; Thread.sleep(50)) {
                try (ResultSet rs = st.executeQuery("select count(*) from audit_entry where tenant_id = '" + tenant
                        + "' and action = 'http.forbidden' and outcome = 'DENIED' and actor = 'an-refused'")) {
                    rs.next();
                    forbidden = rs.getInt(1); // written just after the answer, off the event loop
                }
            }
            assertEquals(1, forbidden, "the 403 is in the tenant's chain");
            assertFalse(watch.verifyAll().containsKey(tenant));
            st.execute("update audit_entry set actor = 'someone-else' where tenant_id = '" + tenant + "' and actor = 'cw-t'");
        }
        Map<String, org.sanctuary.common.audit.AuditChainVerifier.Result> broken = watch.verifyAll();
        assertTrue(broken.containsKey(tenant), broken.toString());
        assertFalse(broken.get(tenant).intact());
        assertFalse(broken.containsKey(TwoTenants.A), broken.toString());
        ApiClient.Response verification = api().get("/api/v1/intake-audit/verification",
                TestJwtIssuer.get().token(tenant, "au-t", "auditor"));
        assertEquals(false, verification.json().get("intact"), verification.body());
    }

    /** Issue 12's console needs: names beside a list of claims, the Latin reading while typing, notes on a claim. */
    @Test
    void namesByIdLatinReadingAndSealedNotes() throws Exception {
        ApiClient.Response created = api().post("/api/v1/applicants", registrar, applicant("Алексей", "Смирнов", "RU", "1991-02-03"));
        String id = created.json().get("id").toString();
        ApiClient.Response byIds = api().get("/api/v1/applicants?ids=" + id + ",00000000-0000-0000-0000-000000000001", colleague);
        assertEquals(200, byIds.status(), byIds.body());
        assertEquals(1, byIds.jsonList("items").size());
        assertEquals(created.at("latinName"), byIds.jsonList("items").get(0).get("latinName"));
        assertFalse(byIds.jsonList("items").get(0).containsKey("special"), "a list never carries special fields");
        assertEquals(0, api().get("/api/v1/applicants?ids=" + id, TestJwtIssuer.get().token(TwoTenants.B, "cw-b", "caseworker"))
                .jsonList("items").size());
        assertProblem(api().get("/api/v1/applicants?ids=not-a-uuid", colleague), 400);

        ApiClient.Response latin = api().get("/api/v1/applicants/latin-reading?given=" + because("Алексей") + "&family="
                + because("Смирнов") + "&nationality=RU", colleague);
        assertEquals(200, latin.status(), latin.body());
        assertEquals(created.at("latinName.family"), latin.json().get("family"));
        assertEquals(created.at("latinName.given"), latin.json().get("given"));

        String claim = api().post("/api/v1/claims", registrar, claim(id)).json().get("id").toString();
        String notes = "/api/v1/claims/" + claim + "/notes";
        ApiClient.Response note = api().post(notes, registrar, Map.of("text", "Говорил с ним 3 мая: повестка получена на работе."));
        assertEquals(201, note.status(), note.body());
        assertEquals("cw-olga", note.json().get("author"));
        assertProblem(api().post(notes, registrar, Map.of("text", " ")), 400);
        assertProblem(api().post(notes, integrator, Map.of("text", "from the registry")), 403);
        assertProblem(api().get(notes, TestJwtIssuer.get().token(TwoTenants.B, "cw-b", "caseworker")), 404);
        List<Map<String, Object>> read = api().get(notes, supervisor).jsonList().stream().map(n -> (Map<String, Object>) n).toList();
        assertEquals(List.of("Говорил с ним 3 мая: повестка получена на работе."), read.stream().map(n -> n.get("text")).toList());
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select encode(text_enc, 'escape') from claim_note where claim_id = '" + claim + "'")) {
            rs.next();
            assertFalse(rs.getString(1).contains("повестка"), "sealed at rest");
        }
    }
}
