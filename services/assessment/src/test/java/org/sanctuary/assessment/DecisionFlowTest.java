package org.sanctuary.assessment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/** Assessments of real intake claims, decisions with four eyes, appeals; isolation and roles. */
class DecisionFlowTest extends AssessmentApiTest {

    private final String caseworker = token(TwoTenants.A, "cw-anna", "caseworker");
    private final String supervisor = token(TwoTenants.A, "sv-boris", "supervisor");
    private final String otherTenant = token(TwoTenants.B, "cw-bea", "caseworker", "supervisor");

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Map<String, Object> assess(String claimId) {
        ApiClient.Response response = api().post("/api/v1/assessments", caseworker, Map.of("claimId", claimId));
        assertEquals(201, response.status(), response.body());
        return response.json();
    }

    private ApiClient.Response decide(String assessmentId, String outcome, String reasons, String token) {
        return api().post("/api/v1/decisions", token, reasons == null
                ? Map.of("assessmentId", assessmentId, "outcome", outcome)
                : Map.of("assessmentId", assessmentId, "outcome", outcome, "reasons", reasons));
    }

    @Test
    void assessingAClaimStoresARunWithThePackVersionAndIntakeMovesTheClaimFromItsEvent() {
        String claim = lodgedClaim(caseworker);
        Map<String, Object> first = assess(claim);
        assertEquals(1, first.get("run"));
        assertEquals(1, first.get("packVersion"));
        assertEquals("REFUGEE_STATUS", ((Map<?, ?>) first.get("result")).get("recommendation"));
        awaitClaimStatus(claim, "UNDER_ASSESSMENT", caseworker);
        Map<String, Object> second = assess(claim);
        assertEquals(2, second.get("run"));
        ApiClient.Response runs = api().get("/api/v1/assessments?claimId=" + claim, supervisor);
        assertEquals(200, runs.status(), runs.body());
        assertEquals(2, runs.jsonList().size());
        ApiClient.Response one = api().get("/api/v1/assessments/" + first.get("id"), caseworker);
        assertEquals(200, one.status());
        assertTrue(one.body().contains("QD-9-2-e"), one.body());
    }

    /** Issue 19, item 6: a run stored while one caseworker reads English reads in German for the next, from its codes. */
    @Test
    @SuppressWarnings("unchecked")
    void aStoredRunReadsInTheReadersLanguage() {
        String claim = lodgedClaim(caseworker);
        Map<String, Object> stored = assess(claim);
        String path = "/api/v1/assessments/" + stored.get("id");
        ApiClient.Response german = api().send("GET", path, caseworker, null, Map.of("Accept-Language", "de-AT, en;q=0.5"));
        ApiClient.Response english = api().get(path, caseworker);
        assertEquals("de", german.header("Content-Language").orElseThrow());
        assertEquals("en", english.header("Content-Language").orElseThrow());
        List<Map<String, Object>> de = (List<Map<String, Object>>) ((Map<String, Object>) german.json().get("result")).get("findings");
        List<Map<String, Object>> en = (List<Map<String, Object>>) ((Map<String, Object>) english.json().get("result")).get("findings");
        assertEquals(en.size(), de.size());
        for (int i = 0; i < en.size(); i++) {
            assertEquals(en.get(i).get("reasonCodes"), de.get(i).get("reasonCodes"), "the same codes in any language");
            assertTrue(!((List<?>) de.get(i).get("reasons")).isEmpty());
            for (Object reason : (List<?>) de.get(i).get("reasons")) { // nested reasons read back from storage render too
                assertTrue(!reason.toString().matches("(?s).*(\\{|\\}|code=).*"), de.get(i).get("rule") + ": " + reason);
            }
        }
        Map<String, Object> refugee = de.stream().filter(f -> f.get("rule").equals("RC-1A2")).findFirst().orElseThrow();
        Map<String, Object> refugeeEn = en.stream().filter(f -> f.get("rule").equals("RC-1A2")).findFirst().orElseThrow();
        assertTrue(!refugee.get("reasons").equals(refugeeEn.get("reasons")), refugee + " / " + refugeeEn);
        assertTrue(refugee.get("reasons").toString().contains("Verfolgung"), refugee.get("reasons").toString());
        ApiClient.Response runs = api().send("GET", "/api/v1/assessments?claimId=" + claim, caseworker, null, Map.of("Accept-Language", "fr"));
        assertEquals("fr", runs.header("Content-Language").orElseThrow());
    }

    @Test
    void anotherTenantSeesNothingAndCannotAssessOrDecide() {
        String claim = lodgedClaim(caseworker);
        Map<String, Object> assessment = assess(claim);
        assertProblem(api().get("/api/v1/assessments/" + assessment.get("id"), otherTenant), 404);
        assertEquals(List.of(), api().get("/api/v1/assessments?claimId=" + claim, otherTenant).jsonList());
        assertProblem(api().post("/api/v1/assessments", otherTenant, Map.of("claimId", claim)), 404);
        assertProblem(decide(assessment.get("id").toString(), "REFUGEE_STATUS", null, otherTenant), 404);
        String decision = decide(assessment.get("id").toString(), "REFUGEE_STATUS", null, caseworker).json().get("id").toString();
        assertProblem(api().get("/api/v1/decisions/" + decision, otherTenant), 404);
        assertProblem(api().post("/api/v1/decisions/" + decision + "/approve", otherTenant, "{}"), 404);
        assertEquals("PENDING_APPROVAL", api().get("/api/v1/decisions/" + decision, supervisor).json().get("status"));
    }

    @Test
    void rolesAreEnforced() {
        String claim = lodgedClaim(caseworker);
        for (String role : new String[]{"analyst", "integrator", "policy-admin"}) {
            assertProblem(api().post("/api/v1/assessments", token(TwoTenants.A, "x", role), Map.of("claimId", claim)), 403);
        }
        String assessment = assess(claim).get("id").toString();
        assertProblem(decide(assessment, "REFUGEE_STATUS", null, supervisor), 403); // supervisors review, caseworkers draft
        String decision = decide(assessment, "REFUGEE_STATUS", null, caseworker).json().get("id").toString();
        assertProblem(api().post("/api/v1/decisions/" + decision + "/approve", token(TwoTenants.A, "cw-other", "caseworker"), "{}"), 403);
        assertProblem(api().get("/api/v1/decisions/" + decision, token(TwoTenants.A, "an", "analyst")), 403);
    }

    @Test
    void departingFromTheRecommendationNeedsWrittenReasons() {
        String assessment = assess(lodgedClaim(caseworker)).get("id").toString();
        ApiClient.Response bare = decide(assessment, "REJECT", "  ", caseworker);
        assertProblem(bare, 422);
        assertTrue(bare.body().contains("\"reasons\""), bare.body());
        assertProblem(decide(assessment, "LEAVE_TO_REMAIN", null, caseworker), 400);
        ApiClient.Response reasoned = decide(assessment, "REJECT", "The summons is a forgery per the expert report.", caseworker);
        assertEquals(201, reasoned.status(), reasoned.body());
        assertEquals(true, reasoned.json().get("departs"));
        assertEquals("PENDING_APPROVAL", reasoned.json().get("status"));
        assertProblem(decide(assessment, "REFUGEE_STATUS", null, caseworker), 409); // one pending decision per claim
    }

    @Test
    void fourEyesTheAuthorCannotApproveAndAnotherSupervisorMakesItFinal() {
        String both = token(TwoTenants.A, "cw-sv-carl", "caseworker", "supervisor");
        String claim = lodgedClaim(caseworker);
        String assessment = api().post("/api/v1/assessments", both, Map.of("claimId", claim)).json().get("id").toString();
        String decision = decide(assessment, "REFUGEE_STATUS", null, both).json().get("id").toString();
        assertProblem(api().post("/api/v1/decisions/" + decision + "/approve", both, "{}"), 403);
        assertProblem(api().post("/api/v1/decisions/" + decision + "/return", both, Map.of("comments", "mine")), 403);
        // both refusals stay in the audit chain
        try (java.sql.Connection admin = db.adminConnection(); java.sql.Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select action from audit_entry where resource_id = '" + decision
                     + "' and outcome = 'DENIED' and actor = 'cw-sv-carl' order by action")) {
            List<String> denied = new java.util.ArrayList<>();
            while (rs.next()) {
                denied.add(rs.getString(1));
            }
            assertEquals(List.of("decision.approve", "decision.return"), denied);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        awaitClaimStatus(claim, "UNDER_ASSESSMENT", caseworker);

        ApiClient.Response approved = api().post("/api/v1/decisions/" + decision + "/approve", supervisor, Map.of("comments", "Agreed."));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().get("status"));
        assertEquals("sv-boris", approved.json().get("reviewer"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(today.toString(), approved.json().get("decidedOn"));
        assertEquals(today.plusDays(14).toString(), approved.json().get("appealDeadline"));
        awaitClaimStatus(claim, "DECIDED", caseworker);
        // approved is final
        assertProblem(api().post("/api/v1/decisions/" + decision + "/approve", token(TwoTenants.A, "sv-dora", "supervisor"), "{}"), 409);
        assertProblem(api().post("/api/v1/decisions/" + decision + "/return", token(TwoTenants.A, "sv-dora", "supervisor"),
                Map.of("comments", "second thoughts")), 409);
    }

    @Test
    void aReturnedDecisionGoesBackForANewDraft() {
        String claim = lodgedClaim(caseworker);
        String assessment = assess(claim).get("id").toString();
        String decision = decide(assessment, "SUBSIDIARY_PROTECTION", "Nexus doubtful.", caseworker).json().get("id").toString();
        assertProblem(api().post("/api/v1/decisions/" + decision + "/return", supervisor, Map.of("comments", " ")), 400);
        ApiClient.Response returned = api().post("/api/v1/decisions/" + decision + "/return", supervisor,
                Map.of("comments", "EZ presumes the nexus; reconsider."));
        assertEquals(200, returned.status(), returned.body());
        assertEquals("RETURNED", returned.json().get("status"));
        assertNull(returned.json().get("appealDeadline"));
        awaitClaimStatus(claim, "UNDER_ASSESSMENT", caseworker);
        ApiClient.Response redraft = decide(assessment, "REFUGEE_STATUS", null, caseworker);
        assertEquals(201, redraft.status(), redraft.body());
        assertEquals(false, redraft.json().get("departs"));
    }

    /** Issue 11, item 6: findings rest on special-category facts; they open on need to know or a stated reason. */
    @Test
    void anAssessmentOpensToTheAssignedCaseworkerAndSupervisorsOrWithAStatedReason() throws Exception {
        String claim = lodgedClaim(caseworker); // his own draft: assigned to him
        String id = assess(claim).get("id").toString();
        String colleague = token(TwoTenants.A, "cw-carla", "caseworker");
        assertEquals(200, api().get("/api/v1/assessments/" + id, caseworker).status());
        assertEquals(200, api().get("/api/v1/assessments/" + id, supervisor).status());
        assertProblem(api().get("/api/v1/assessments/" + id, colleague), 403);
        assertProblem(api().get("/api/v1/assessments?claimId=" + claim, colleague), 403);
        assertProblem(api().post("/api/v1/assessments", colleague, Map.of("claimId", claim)), 403); // the facts are intake's to refuse
        String reason = java.net.URLEncoder.encode("Second opinion requested by the unit head", java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, api().send("GET", "/api/v1/assessments/" + id, colleague, null, Map.of("X-Access-Reason", reason)).status());
        assertEquals(201, api().send("POST", "/api/v1/assessments", colleague, ApiClient.json(Map.of("claimId", claim)),
                Map.of("X-Access-Reason", reason)).status());
        try (java.sql.Connection admin = db.adminConnection(); java.sql.Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select outcome, special_decrypted, coalesce(reason, '-') from audit_entry "
                     + "where resource_id = '" + id + "' and action = 'assessment.read' and actor = 'cw-carla' order by occurred_at")) {
            List<String> reads = new java.util.ArrayList<>();
            while (rs.next()) {
                reads.add(rs.getString(1) + ":" + rs.getBoolean(2) + ":" + rs.getString(3));
            }
            assertEquals(List.of("DENIED:false:-", "SUCCESS:true:Second opinion requested by the unit head"), reads);
        }
    }

    @Test
    void theApprovalQueueHoldsWhatOthersDraftedNeverOnesOwn() {
        String both = token(TwoTenants.A, "cw-sv-queue", "caseworker", "supervisor");
        String mine = decide(assess(lodgedClaim(caseworker)).get("id").toString(), "REFUGEE_STATUS", null, both).json().get("id").toString();
        String theirs = decide(assess(lodgedClaim(caseworker)).get("id").toString(), "REFUGEE_STATUS", null, caseworker).json().get("id").toString();
        ApiClient.Response queue = api().get("/api/v1/decisions?status=PENDING_APPROVAL", both);
        assertEquals(200, queue.status(), queue.body());
        List<?> ids = queue.jsonList().stream().map(d -> ((Map<?, ?>) d).get("id")).toList();
        assertTrue(ids.contains(theirs), ids.toString());
        assertTrue(!ids.contains(mine), "four eyes: never one's own");
        assertTrue(api().get("/api/v1/decisions?status=PENDING_APPROVAL", supervisor).jsonList().stream()
                .map(d -> ((Map<?, ?>) d).get("id")).toList().contains(mine));
        assertProblem(api().get("/api/v1/decisions?status=PENDING_APPROVAL", caseworker), 403);
        assertProblem(api().get("/api/v1/decisions", supervisor), 400);
        assertTrue(api().get("/api/v1/decisions?status=PENDING_APPROVAL", otherTenant).jsonList().stream()
                .noneMatch(d -> theirs.equals(((Map<?, ?>) d).get("id"))));
    }

    @Test
    void aDecisionOnAnOutdatedAssessmentIsRefused() {
        String claim = lodgedClaim(caseworker);
        String first = assess(claim).get("id").toString();
        assess(claim);
        assertProblem(decide(first, "REFUGEE_STATUS", null, caseworker), 409);
    }

    @Test
    void anAppealIsLodgedWithinTheDeadlineOnlyAndOnce() {
        String claim = lodgedClaim(caseworker);
        String decision = decide(assess(claim).get("id").toString(), "REFUGEE_STATUS", null, caseworker).json().get("id").toString();
        assertProblem(api().post("/api/v1/decisions/" + decision + "/appeals", caseworker, "{}"), 409); // not approved yet
        api().post("/api/v1/decisions/" + decision + "/approve", supervisor, "{}");
        ApiClient.Response appeal = api().post("/api/v1/decisions/" + decision + "/appeals", caseworker, Map.of("grounds", "Status should be..."));
        assertEquals(201, appeal.status(), appeal.body());
        awaitClaimStatus(claim, "APPEALED", caseworker);
        assertProblem(api().post("/api/v1/decisions/" + decision + "/appeals", caseworker, "{}"), 409);

        // the appeal stage: assessed again, decided again (Eurostat's final stage)
        String again = assess(claim).get("id").toString();
        ApiClient.Response onAppeal = decide(again, "REFUGEE_STATUS", null, caseworker);
        assertEquals(201, onAppeal.status(), onAppeal.body());
        assertEquals("APPEAL", onAppeal.json().get("stage"));
    }

    @Test
    void anAppealAfterTheDeadlineIs422AndLeavesTheClaimDecided() {
        String claim = lodgedClaim(caseworker);
        String decision = decide(assess(claim).get("id").toString(), "REFUGEE_STATUS", null, caseworker).json().get("id").toString();
        api().post("/api/v1/decisions/" + decision + "/approve", supervisor, "{}");
        clock.move(Duration.ofDays(15)); // the deadline is the 14th day after the decision
        ApiClient.Response late = api().post("/api/v1/decisions/" + decision + "/appeals", caseworker, "{}");
        assertProblem(late, 422);
        assertTrue(late.body().contains("appeal period ended"), late.body());
        awaitClaimStatus(claim, "DECIDED", caseworker);
    }

    @Test
    void onlyALodgedClaimCanBeAssessedAndNothingIsKeptOtherwise() {
        String draft = draftClaim(caseworker);
        assertProblem(api().post("/api/v1/assessments", caseworker, Map.of("claimId", draft)), 409);
        assertEquals(List.of(), api().get("/api/v1/assessments?claimId=" + draft, caseworker).jsonList());
        assertEquals("DRAFT", claimStatus(draft, caseworker));
        assertProblem(api().post("/api/v1/assessments", caseworker, Map.of("claimId", "00000000-0000-0000-0000-000000000001")), 404);
        assertProblem(api().post("/api/v1/assessments", caseworker, Map.of("claimId", "not-a-uuid")), 400);
        assertProblem(api().post("/api/v1/assessments", caseworker, "{}"), 400);
    }
}
