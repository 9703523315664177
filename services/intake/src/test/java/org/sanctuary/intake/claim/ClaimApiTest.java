package org.sanctuary.intake.claim;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.outbox.Event;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.contracts.event.AssessmentEvents;
import org.sanctuary.intake.IntakeApiTest;
import org.sanctuary.intake.claim.application.ClaimService;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

@MicronautTest(transactional = false)
class ClaimApiTest extends IntakeApiTest {

    private final String caseworker = TwoTenants.a("caseworker");

    private String newClaim() {
        ApiClient.Response applicant = api().post("/api/v1/applicants", caseworker, applicant("Баир", "Цыренов", "RU", "1996-06-01"));
        ApiClient.Response claim = api().post("/api/v1/claims", caseworker, claim(applicant.json().get("id")));
        assertEquals(201, claim.status(), claim.body());
        assertEquals("DRAFT", claim.json().get("status"));
        return "/api/v1/claims/" + claim.json().get("id");
    }

    @Inject
    ClaimService claims;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    JsonMapper json;

    /**
     * An event of the assessment service's feed about {@code claim}, its payload the contract's record as the assessment
     * service publishes it, applied as the feed reader applies it; its id.
     */
    private UUID assessmentSays(String type, String claim, UUID eventId) {
        String claimId = claim.substring(claim.lastIndexOf('/') + 1);
        UUID id = UUID.fromString(claimId);
        UUID applicant = UUID.randomUUID();
        Record payload = switch (type) {
            case "assessment.completed" -> new AssessmentEvents.AssessmentCompleted(UUID.randomUUID(), id, applicant, 1, 1,
                    LocalDate.now(), "REFUGEE_STATUS", List.of("GIP10-18"));
            case "decision.approved" -> new AssessmentEvents.DecisionApproved(UUID.randomUUID(), id, applicant, "FIRST_INSTANCE",
                    "REFUGEE_STATUS", "REFUGEE_STATUS", false, LocalDate.now(), LocalDate.now().plusDays(30), List.of());
            case "appeal.lodged" -> new AssessmentEvents.AppealLodged(UUID.randomUUID(), UUID.randomUUID(), id, applicant,
                    LocalDate.now(), "REJECT");
            default -> throw new IllegalArgumentException(type);
        };
        Event event;
        try {
            event = new Event(1, eventId, TwoTenants.A, type, claimId, json.writeValueToTree(payload), Instant.now());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Caller.callAs(Caller.system(TwoTenants.A, "assessment-feed"), () -> transactions.executeWrite(status -> {
            claims.applyAssessmentEvent(event);
            return null;
        }));
        return eventId;
    }

    private static Map<String, Object> reason(String text) {
        return Map.of("reason", text);
    }

    @Test
    void aClaimMovesByItsActionsAndIsDecidedOrAppealedOnlyByTheAssessmentServicesEvents() {
        String claim = newClaim();
        ApiClient.Response lodged = api().post(claim + "/actions/lodge", caseworker, "");
        assertEquals(200, lodged.status(), lodged.body());
        assertEquals("LODGED", lodged.json().get("status"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(today.toString(), lodged.json().get("lodgedOn"));
        assertEquals(today.plusDays(180).toString(), lodged.json().get("firstInstanceDeadline"));
        assertEquals("UNDER_ASSESSMENT", api().post(claim + "/actions/start-assessment", caseworker, "").json().get("status"));

        // issue 11, item 1: no caller decides or appeals by this endpoint, whatever the role
        for (String role : List.of("caseworker", "supervisor", "integrator")) {
            ApiClient.Response refused = api().post(claim + "/actions/decide", TwoTenants.a(role), "");
            assertProblem(refused, 403);
            assertTrue(refused.body().contains("four eyes"), refused.body());
            assertProblem(api().post(claim + "/actions/appeal", TwoTenants.a(role), ""), 403);
        }
        assertEquals("UNDER_ASSESSMENT", api().get(claim, caseworker).json().get("status"));

        UUID approved = assessmentSays("decision.approved", claim, UUID.randomUUID());
        assertEquals("DECIDED", api().get(claim, caseworker).json().get("status"));
        Object version = api().get(claim, caseworker).json().get("version");
        assessmentSays("decision.approved", claim, approved); // the same event again: applied once
        assertEquals(version, api().get(claim, caseworker).json().get("version"));
        assessmentSays("assessment.completed", claim, UUID.randomUUID()); // a later run: the claim stays DECIDED
        assertEquals("DECIDED", api().get(claim, caseworker).json().get("status"));
        assessmentSays("appeal.lodged", claim, UUID.randomUUID());
        assertEquals("APPEALED", api().get(claim, caseworker).json().get("status"));
        assessmentSays("decision.approved", claim, UUID.randomUUID()); // the decision on the appeal
        assertEquals("DECIDED", api().get(claim, caseworker).json().get("status"));

        // closing is a caseworker's or supervisor's act, with a reason; never an integrator's
        assertProblem(api().post(claim + "/actions/close", TwoTenants.a("integrator"), reason("Archived by the registry sync.")), 403);
        ApiClient.Response noReason = api().post(claim + "/actions/close", caseworker, "");
        assertProblem(noReason, 400);
        assertTrue(noReason.body().contains("\"reason\""), noReason.body());
        assertProblem(api().post(claim + "/actions/close", caseworker, reason("   ")), 400);
        ApiClient.Response closed = api().post(claim + "/actions/close", caseworker, reason("Decision final; file closed."));
        assertEquals(200, closed.status(), closed.body());
        assertEquals("CLOSED", closed.json().get("status"));
        ApiClient.Response reopened = api().post(claim + "/actions/lodge", caseworker, "");
        assertProblem(reopened, 409);
        assertEquals("https://sanctuary.example/problems/invalid-transition", reopened.json().get("type"));
        assertEquals("CLOSED", api().get(claim, caseworker).json().get("status"));
        // the reason is kept, sealed, in the claim's history
        try (java.sql.Connection admin = db.adminConnection(); java.sql.Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select action, reason_enc is not null, source_event is not null from claim_event "
                     + "where claim_id = '" + claim.substring(claim.lastIndexOf('/') + 1) + "' order by seq")) {
            List<String> history = new java.util.ArrayList<>();
            while (rs.next()) {
                history.add(rs.getString(1) + ":" + rs.getBoolean(2) + ":" + rs.getBoolean(3));
            }
            assertEquals(List.of("LODGE:false:false", "START_ASSESSMENT:false:false", "DECIDE:false:true", "APPEAL:false:true",
                    "DECIDE:false:true", "CLOSE:true:false"), history);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEventTheClaimCanNoLongerFollowChangesNothing() {
        String claim = newClaim();
        api().post(claim + "/actions/lodge", caseworker, "");
        assertEquals(200, api().post(claim + "/actions/withdraw", caseworker, reason("The applicant left the country.")).status());
        assessmentSays("decision.approved", claim, UUID.randomUUID());
        assertEquals("WITHDRAWN", api().get(claim, caseworker).json().get("status"));
    }

    @Test
    void aLodgedClaimIsUnderAssessmentOnceTheAssessmentServiceSaysItWasAssessed() {
        String claim = newClaim();
        assessmentSays("assessment.completed", claim, UUID.randomUUID()); // a draft is not assessed
        assertEquals("DRAFT", api().get(claim, caseworker).json().get("status"));
        api().post(claim + "/actions/lodge", caseworker, "");
        UUID completed = assessmentSays("assessment.completed", claim, UUID.randomUUID());
        ApiClient.Response assessed = api().get(claim, caseworker);
        assertEquals("UNDER_ASSESSMENT", assessed.json().get("status"));
        assessmentSays("assessment.completed", claim, completed); // the same event again
        assessmentSays("assessment.completed", claim, UUID.randomUUID()); // a second run
        assertEquals(assessed.json().get("version"), api().get(claim, caseworker).json().get("version"));
        assertEquals("UNDER_ASSESSMENT", api().get(claim, caseworker).json().get("status"));
    }

    @Test
    void myWorkIsMineAndTheUnassignedAndOnlyASupervisorAssigns() {
        String tenant = "assign-tenant";
        String olga = org.sanctuary.common.testing.TestJwtIssuer.get().token(tenant, "cw-olga", "caseworker");
        String pavel = org.sanctuary.common.testing.TestJwtIssuer.get().token(tenant, "cw-pavel", "caseworker");
        String irina = org.sanctuary.common.testing.TestJwtIssuer.get().token(tenant, "sv-irina", "supervisor");
        String integrator = org.sanctuary.common.testing.TestJwtIssuer.get().token(tenant, "svc", "integrator");
        Object applicant = api().post("/api/v1/applicants", olga, applicant("Иван", "Работов", "RU", "1990-01-01")).json().get("id");
        String olgas = api().post("/api/v1/claims", olga, claim(applicant)).json().get("id").toString();
        Map<String, Object> fromIntegrator = claimRequest(applicant).withoutCredibility().body();
        String unassigned = api().post("/api/v1/claims", integrator, fromIntegrator).json().get("id").toString();
        String pavels = api().post("/api/v1/claims", pavel, claim(applicant)).json().get("id").toString();

        assertEquals(List.of(olgas, unassigned), ids(api().get("/api/v1/claims?assignee=me-or-unassigned", olga)));
        assertEquals(List.of(olgas), ids(api().get("/api/v1/claims?assignee=me", olga)));
        assertEquals(List.of(unassigned), ids(api().get("/api/v1/claims?assignee=unassigned", irina)));
        assertEquals(List.of(pavels), ids(api().get("/api/v1/claims?assignee=cw-pavel", irina)));

        // a caseworker cannot take a claim (and its special-category data) by editing its assignee
        Map<String, Object> grab = claim(applicant);
        grab.put("assignedCaseworker", "cw-olga");
        ApiClient.Response refused = api().put("/api/v1/claims/" + pavels, olga, grab, Map.of("If-Match", "\"1\""));
        assertProblem(refused, 403);
        assertTrue(refused.body().contains("assignedCaseworker"), refused.body());
        assertProblem(api().send("PUT", "/api/v1/claims/" + unassigned + "/assignee", olga, "{\"caseworker\": \"cw-olga\"}", Map.of()), 403);
        ApiClient.Response assigned = api().send("PUT", "/api/v1/claims/" + unassigned + "/assignee", irina,
                "{\"caseworker\": \"cw-olga\"}", Map.of());
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals("cw-olga", assigned.json().get("assignedCaseworker"));
        assertEquals(List.of(olgas, unassigned), ids(api().get("/api/v1/claims?assignee=me", olga)));

        api().post("/api/v1/claims/" + olgas + "/actions/lodge", olga, "");
        ApiClient.Response workload = api().get("/api/v1/claims/workload", irina);
        assertEquals(200, workload.status(), workload.body());
        assertTrue(workload.jsonList().contains(Map.of("caseworker", "cw-olga", "open", 1, "overdue", 0)), workload.body());
        assertProblem(api().get("/api/v1/claims/workload", olga), 403);
        String soon = LocalDate.now(ZoneOffset.UTC).plusDays(365).toString();
        assertEquals(List.of(olgas), ids(api().get("/api/v1/claims?deadlineBefore=" + soon, irina)));
    }

    @Test
    void myWorkSortsByCreationNewestOrNearestDeadlineAndPagesInThatOrder() {
        String tenant = "sort-tenant";
        String olga = org.sanctuary.common.testing.TestJwtIssuer.get().token(tenant, "cw-olga", "caseworker");
        Object applicant = api().post("/api/v1/applicants", olga, applicant("Иван", "Сортов", "RU", "1990-01-01")).json().get("id");
        String draft = api().post("/api/v1/claims", olga, claim(applicant)).json().get("id").toString();
        String first = api().post("/api/v1/claims", olga, claim(applicant)).json().get("id").toString();
        String second = api().post("/api/v1/claims", olga, claim(applicant)).json().get("id").toString();
        assertEquals(200, api().post("/api/v1/claims/" + first + "/actions/lodge", olga, "").status());
        assertEquals(200, api().post("/api/v1/claims/" + second + "/actions/lodge", olga, "").status());

        assertEquals(List.of(draft, first, second), ids(api().get("/api/v1/claims", olga)));
        assertEquals(List.of(draft, first, second), ids(api().get("/api/v1/claims?sort=CREATED", olga)));
        assertEquals(List.of(second, first, draft), ids(api().get("/api/v1/claims?sort=NEWEST", olga)));
        assertEquals(List.of(first, second, draft), ids(api().get("/api/v1/claims?sort=DEADLINE", olga)));
        for (String sort : List.of("CREATED", "NEWEST", "DEADLINE")) {
            assertEquals(ids(api().get("/api/v1/claims?sort=" + sort, olga)), idsPageByPage("/api/v1/claims?limit=1&sort=" + sort, olga));
        }

        assertProblem(api().get("/api/v1/claims?sort=NAME", olga), 400);
        String createdCursor = api().get("/api/v1/claims?limit=1", olga).json().get("next").toString();
        assertProblem(api().get("/api/v1/claims?sort=DEADLINE&cursor=" + createdCursor, olga), 400);
    }

    private List<Object> idsPageByPage(String path, String token) {
        List<Object> all = new java.util.ArrayList<>();
        Object cursor = null;
        do {
            ApiClient.Response page = api().get(path + (cursor == null ? "" : "&cursor=" + cursor), token);
            all.addAll(ids(page));
            cursor = page.json().get("next");
        } while (cursor != null);
        return all;
    }

    private static List<Object> ids(ApiClient.Response page) {
        assertEquals(200, page.status(), page.body());
        return page.jsonList("items").stream().map(c -> c.get("id")).toList();
    }

    @Test
    void impossibleTransitionsAre409AndAStaleIfMatchIs412() {
        String claim = newClaim();
        assertProblem(api().send("POST", claim + "/actions/lodge", caseworker, "", Map.of("If-Match", "\"9\"")), 412);
        assertProblem(api().post(claim + "/actions/close", caseworker, reason("Nothing to close yet.")), 409);
        assertProblem(api().post(claim + "/actions/withdraw", TwoTenants.a("integrator"), reason("Withdrawn by the registry.")), 403);
        assertEquals(200, api().post(claim + "/actions/withdraw", caseworker, reason("Withdrawn by the applicant in writing.")).status());
        assertProblem(api().post(claim + "/actions/lodge", caseworker, ""), 409);
    }

    @Test
    void factsCanBeCorrectedUntilDecidedThenTheyAreFrozen() {
        String claim = newClaim();
        ApiClient.Response current = api().get(claim, caseworker);
        Map<String, Object> body = claimRequest(current.json().get("applicantId")).credibility("callUp", "REJECTED").body();
        ApiClient.Response updated = api().put(claim, caseworker, body, Map.of("If-Match", "\"1\""));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("REJECTED", updated.at("credibility.callUp"));
        for (String action : List.of("lodge", "start-assessment")) {
            api().post(claim + "/actions/" + action, caseworker, "");
        }
        assessmentSays("decision.approved", claim, UUID.randomUUID());
        String etag = api().get(claim, caseworker).header("ETag").orElseThrow();
        assertProblem(api().put(claim, caseworker, body, Map.of("If-Match", etag)), 409);
    }

    @Test
    void theFactsDocumentHasTheAssessmentShape() {
        ApiClient.Response applicant = api().post("/api/v1/applicants", caseworker, ApplicantRequest.named("Рустем", "Умеров")
                .nationality("UA")
                .imposedNationality("RU")
                .born(LocalDate.now(ZoneOffset.UTC).minusYears(27).minusDays(3).toString())
                .regionOfOrigin("UA", "Crimea")
                .special(Map.of("ethnicMinority", true, "ethnicity", "Crimean Tatar", "lgbtqi", false))
                .body());
        Map<String, Object> claim = claimRequest(applicant.json().get("id"))
                .military("recruitingActor", "OCCUPYING_POWER")
                .credibility("ethnicity", "ACCEPTED")
                .body();
        ApiClient.Response created = api().post("/api/v1/claims", caseworker, claim);
        ApiClient.Response facts = api().get("/api/v1/claims/" + created.json().get("id") + "/facts", caseworker);
        assertEquals(200, facts.status(), facts.body());
        assertEquals(List.of("UA"), facts.at("applicant.nationalities"));
        assertEquals(List.of("RU"), facts.at("applicant.imposedNationalities"));
        assertEquals(27, ((Number) facts.at("applicant.age")).intValue());
        assertEquals("Crimea", facts.at("applicant.regionOfOrigin.region"));
        assertEquals(true, facts.at("applicant.ethnicMinority"));
        assertEquals(false, facts.at("applicant.lgbtqi"));
        assertEquals(List.of(), facts.at("applicant.politicalActivity"));
        assertEquals("MALE", facts.at("applicant.sex"));
        assertEquals("OCCUPYING_POWER", facts.at("military.recruitingActor"));
        assertEquals(false, facts.at("military.objection.held"));
        assertEquals(List.of(), facts.at("military.exclusionIndicators"));
        assertEquals("ACCEPTED", facts.at("credibility.ethnicity"));
        assertProblem(api().get("/api/v1/claims/" + created.json().get("id") + "/facts", TwoTenants.a("integrator")), 403);
    }

    @Test
    void aClaimNeedsAnApplicantOfTheSameOrganization() {
        ApiClient.Response response = api().post("/api/v1/claims", caseworker, claim("00000000-0000-0000-0000-0000000000aa"));
        assertProblem(response, 422);
        assertFalse(response.body().contains("tenant-b"));
        ApiClient.Response list = api().get("/api/v1/claims?status=DRAFT&limit=1", caseworker);
        assertEquals(200, list.status());
        assertTrue(((List<?>) list.json().get("items")).size() <= 1);
    }
}
