package org.sanctuary.intake.claim;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.intake.IntakeApiTest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aClaimMovesThroughItsLifecycleByExplicitActions() {
        String claim = newClaim();
        ApiClient.Response lodged = api().post(claim + "/actions/lodge", caseworker, "");
        assertEquals(200, lodged.status(), lodged.body());
        assertEquals("LODGED", lodged.json().get("status"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(today.toString(), lodged.json().get("lodgedOn"));
        assertEquals(today.plusDays(180).toString(), lodged.json().get("firstInstanceDeadline"));

        for (String[] step : new String[][]{{"start-assessment", "UNDER_ASSESSMENT"}, {"decide", "DECIDED"},
                {"appeal", "APPEALED"}, {"decide", "DECIDED"}, {"close", "CLOSED"}}) {
            ApiClient.Response moved = api().post(claim + "/actions/" + step[0], caseworker, "");
            assertEquals(200, moved.status(), moved.body());
            assertEquals(step[1], moved.json().get("status"));
        }
        ApiClient.Response reopened = api().post(claim + "/actions/lodge", caseworker, "");
        assertProblem(reopened, 409);
        assertEquals("https://sanctuary.example/problems/invalid-transition", reopened.json().get("type"));
        assertEquals("CLOSED", api().get(claim, caseworker).json().get("status"));
    }

    @Test
    void impossibleTransitionsAre409AndAStaleIfMatchIs412() {
        String claim = newClaim();
        assertProblem(api().post(claim + "/actions/decide", caseworker, ""), 409);
        assertProblem(api().post(claim + "/actions/appeal", caseworker, ""), 409);
        assertProblem(api().send("POST", claim + "/actions/lodge", caseworker, "", Map.of("If-Match", "\"9\"")), 412);
        assertEquals(200, api().post(claim + "/actions/withdraw", caseworker, "").status());
        assertProblem(api().post(claim + "/actions/lodge", caseworker, ""), 409);
    }

    @Test
    void factsCanBeCorrectedUntilDecidedThenTheyAreFrozen() {
        String claim = newClaim();
        ApiClient.Response current = api().get(claim, caseworker);
        Map<String, Object> body = claim(current.json().get("applicantId"));
        body.put("credibility", Map.of("militaryStatus", "ACCEPTED", "callUp", "REJECTED"));
        ApiClient.Response updated = api().put(claim, caseworker, body, Map.of("If-Match", "\"1\""));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("REJECTED", updated.at("credibility.callUp"));
        for (String action : List.of("lodge", "start-assessment", "decide")) {
            api().post(claim + "/actions/" + action, caseworker, "");
        }
        String etag = api().get(claim, caseworker).header("ETag").orElseThrow();
        assertProblem(api().put(claim, caseworker, body, Map.of("If-Match", etag)), 409);
    }

    @Test
    void theFactsDocumentHasTheAssessmentShape() {
        ApiClient.Response applicant = api().post("/api/v1/applicants", caseworker, Map.of(
                "name", Map.of("given", "Рустем", "family", "Умеров"),
                "nationalities", List.of(Map.of("country", "UA", "imposed", false), Map.of("country", "RU", "imposed", true)),
                "birthDate", LocalDate.now(ZoneOffset.UTC).minusYears(27).minusDays(3).toString(),
                "sex", "MALE",
                "regionOfOrigin", Map.of("country", "UA", "region", "Crimea"),
                "special", Map.of("ethnicMinority", true, "ethnicity", "Crimean Tatar", "lgbtqi", false)));
        Map<String, Object> claim = claim(applicant.json().get("id"));
        ((Map<String, Object>) claim.get("military")).put("recruitingActor", "OCCUPYING_POWER");
        claim.put("credibility", Map.of("militaryStatus", "ACCEPTED", "callUp", "ACCEPTED", "ethnicity", "ACCEPTED"));
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
