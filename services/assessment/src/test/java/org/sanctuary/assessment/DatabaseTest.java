package org.sanctuary.assessment;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.CatalogCheck;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.common.testing.FeedContract;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/** The database layer: catalog, RLS without a tenant, sealed results, final decisions, the event feed. */
class DatabaseTest extends AssessmentApiTest {

    private final String caseworker = token(TwoTenants.A, "cw-db", "caseworker");

    @Test
    void everyTableIsTenantScopedInTheCatalog() throws SQLException {
        try (Connection owner = db.ownerConnection()) {
            assertEquals(List.of(), new CatalogCheck().violations(owner, db.appRole()));
        }
    }

    @Test
    void withoutATenantTheServiceRoleSeesNoRowsAndResultsAreSealed() throws SQLException {
        String claim = lodgedClaim(caseworker);
        api().post("/api/v1/assessments", caseworker, Map.of("claimId", claim));
        try (Connection app = db.appConnection(); Statement st = app.createStatement()) {
            for (String table : List.of("assessment", "decision", "appeal")) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), table);
                }
            }
        }
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select recommendation, result_enc from assessment where claim_id = '" + claim + "'")) {
            assertTrue(rs.next());
            assertEquals("REFUGEE_STATUS", rs.getString(1));
            String stored = new String(rs.getBytes(2), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(stored.contains("QD-9-2-e") || stored.contains("reasonably likely"), "the result is stored in clear");
        }
    }

    @Test
    void anApprovedDecisionCannotBeChangedEvenInTheDatabase() throws SQLException {
        String claim = lodgedClaim(caseworker);
        String assessment = api().post("/api/v1/assessments", caseworker, Map.of("claimId", claim)).json().get("id").toString();
        String decision = api().post("/api/v1/decisions", caseworker, Map.of("assessmentId", assessment, "outcome", "REFUGEE_STATUS"))
                .json().get("id").toString();
        assertEquals(200, api().post("/api/v1/decisions/" + decision + "/approve", token(TwoTenants.A, "sv-db", "supervisor"), "{}").status());
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> st.executeUpdate("update decision set outcome = 'REJECT' where id = '" + decision + "'"));
            assertTrue(refused.getMessage().contains("cannot change"), refused.getMessage());
        }
    }

    @Test
    void theFeedCarriesWhatReportingCountsAndNoReasons() {
        String claim = lodgedClaim(caseworker);
        String assessment = api().post("/api/v1/assessments", caseworker, Map.of("claimId", claim)).json().get("id").toString();
        String decision = api().post("/api/v1/decisions", caseworker, Map.of("assessmentId", assessment, "outcome", "REJECT",
                "reasons", "Secret written reasons")).json().get("id").toString();
        api().post("/api/v1/decisions/" + decision + "/approve", token(TwoTenants.A, "sv-feed", "supervisor"), "{}");
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("reporting", List.of("platform-service")).build());
        ApiClient.Response feed = api().get("/internal/v1/events?after=0&limit=1000", platform);
        assertEquals(200, feed.status(), feed.body());
        for (String type : List.of("assessment.completed", "decision.issued", "decision.approved")) {
            assertTrue(feed.body().contains(type), type + " missing: " + feed.body());
        }
        assertTrue(feed.body().contains("\"rulesMet\""), feed.body());
        assertTrue(FeedContract.assertEventsKeepTheirContracts(feed).containsAll(List.of("assessment.completed", "decision.issued",
                "decision.approved")));
        assertFalse(feed.body().contains("Secret written reasons"), feed.body());
        assertProblem(api().get("/internal/v1/events?after=0", caseworker), 403);
    }

    /** Issue 11, item 5: a rule met because of a special category stays inside the sealed result. */
    @Test
    void aRuleThatRevealsASpecialCategoryNeverLeavesTheSealedResult() throws Exception {
        ApiClient.Response applicant = intake().post("/api/v1/applicants", caseworker, ApplicantRequest.named("Артём", "Лебедев")
                .born(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(20).toString())
                .special(Map.of("lgbtqi", true))
                .body());
        assertEquals(201, applicant.status(), applicant.body());
        ApiClient.Response claim = intake().post("/api/v1/claims", caseworker, ClaimRequest.forApplicant(applicant.json().get("id"))
                .militaryStatus("CONSCRIPT")
                .military("callUp", ClaimRequest.callUp("2024-04-01", "IN_PERSON"))
                .credibility("lgbtqi", "ACCEPTED")
                .body());
        assertEquals(201, claim.status(), claim.body());
        String claimId = claim.json().get("id").toString();
        assertEquals(200, intake().post("/api/v1/claims/" + claimId + "/actions/lodge", caseworker, "").status());
        ApiClient.Response assessed = api().post("/api/v1/assessments", caseworker, Map.of("claimId", claimId));
        assertEquals(201, assessed.status(), assessed.body());
        String id = assessed.json().get("id").toString();
        assertTrue(((List<?>) assessed.at("result.findings")).stream().map(f -> (Map<?, ?>) f)
                .anyMatch(f -> "CJEU-ABC".equals(f.get("rule")) && "MET".equals(f.get("result"))), "the sealed result keeps the finding");

        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("reporting", List.of("platform-service")).build());
        ApiClient.Response feed = api().get("/internal/v1/events?after=0&limit=1000", platform);
        String completed = feed.jsonList("events").stream().filter(e -> id.equals(((Map<?, ?>) e.get("payload")).get("assessmentId")))
                .map(Object::toString).findFirst().orElseThrow();
        for (String revealing : org.sanctuary.assessment.engine.Rules.REVEALING) {
            assertFalse(completed.contains(revealing), revealing + " in " + completed);
        }
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select array_to_string(rules_met, ',') from assessment where id = '" + id + "'")) {
            rs.next();
            assertFalse(rs.getString(1).contains("CJEU-ABC"), rs.getString(1));
        }
    }
}
