package org.sanctuary.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/** Bad input gets the right 4xx problem+json naming what is wrong, and nothing is written. */
@MicronautTest(transactional = false)
class BadInputTest extends IntakeApiTest {

    private final String caseworker = TwoTenants.a("caseworker");

    private long applicantsBefore;
    private long eventsBefore;

    @BeforeEach
    void countRows() throws Exception {
        applicantsBefore = rows("applicant");
        eventsBefore = rows("outbox");
    }

    private void assertNothingWritten() throws Exception {
        assertEquals(applicantsBefore, rows("applicant"));
        assertEquals(eventsBefore, rows("outbox"));
    }

    private static List<?> violations(ApiClient.Response response) {
        return (List<?>) response.json().getOrDefault("violations", List.of());
    }

    private static boolean names(ApiClient.Response response, String field) {
        return violations(response).stream().anyMatch(v -> String.valueOf(((Map<?, ?>) v).get("field")).endsWith(field))
                || String.valueOf(response.json().get("detail")).contains(field);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        ApiClient.Response response = api().post("/api/v1/applicants", caseworker, "{\"name\": {\"given\": ");
        assertProblem(response, 400);
        assertNothingWritten();
    }

    @Test
    void anUnknownEnumValueIs400NamingTheField() throws Exception {
        Map<String, Object> body = applicant("Иван", "Иванов", "RU", "1990-01-01");
        body.put("sex", "SOMETIMES");
        ApiClient.Response response = api().post("/api/v1/applicants", caseworker, body);
        assertProblem(response, 400);
        assertTrue(names(response, "sex"), response.body());
        assertNothingWritten();

        ApiClient.Response claim = api().post("/api/v1/claims", caseworker, Map.of("applicantId",
                "00000000-0000-0000-0000-000000000001", "military", Map.of("status", "GENERAL")));
        assertProblem(claim, 400);
        assertTrue(names(claim, "status"), claim.body());
    }

    @Test
    void aMissingRequiredFieldIs400NamingTheField() throws Exception {
        Map<String, Object> body = applicant("Иван", "Иванов", "RU", "1990-01-01");
        body.remove("nationalities");
        ApiClient.Response response = api().post("/api/v1/applicants", caseworker, body);
        assertProblem(response, 400);
        assertTrue(names(response, "nationalities"), response.body());

        Map<String, Object> noName = applicant("Иван", "Иванов", "RU", "1990-01-01");
        noName.put("name", Map.of("given", "Иван"));
        ApiClient.Response missingFamily = api().post("/api/v1/applicants", caseworker, noName);
        assertProblem(missingFamily, 400);
        assertTrue(names(missingFamily, "family"), missingFamily.body());
        assertNothingWritten();
    }

    @Test
    void wrongTypesAndInvalidValuesAre400() throws Exception {
        Map<String, Object> body = applicant("Иван", "Иванов", "RU", "1990-01-01");
        body.put("birthDate", "yesterday");
        assertProblem(api().post("/api/v1/applicants", caseworker, body), 400);
        Map<String, Object> lowercase = applicant("Иван", "Иванов", "ru", "1990-01-01");
        ApiClient.Response badCode = api().post("/api/v1/applicants", caseworker, lowercase);
        assertProblem(badCode, 400);
        assertTrue(names(badCode, "country"), badCode.body());
        assertProblem(api().get("/api/v1/applicants/not-a-uuid", caseworker), 400);
        assertProblem(api().post("/api/v1/applicants", caseworker, "[]"), 400);
        assertNothingWritten();
    }

    /** Found by ApiFuzzTest: PostgreSQL cannot store U+0000 in text (SQLSTATE 22021); it was a 500. */
    @Test
    void aNullCharacterIs400AndWritesNothing() throws Exception {
        ApiClient.Response named = api().post("/api/v1/applicants", caseworker, applicant("Ив\u0000ан", "Иванов", "RU", "1990-01-01"));
        assertProblem(named, 400);
        assertNothingWritten();
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        Map<String, Object> body = applicant("Иван", "Иванов", "RU", "1990-01-01");
        body.put("contact", Map.of("address", "x".repeat(2_000_000)));
        assertProblem(api().post("/api/v1/applicants", caseworker, body), 413);
        assertNothingWritten();
    }

    @Test
    void aWrongContentTypeIs415AndAWrongMethodIs405() throws Exception {
        ApiClient.Response text = api().send("POST", "/api/v1/applicants", caseworker, "hello",
                Map.of("Content-Type", "text/plain"));
        assertProblem(text, 415);
        assertProblem(api().send("DELETE", "/api/v1/applicants", caseworker, null, Map.of()), 405);
        assertProblem(api().get("/api/v1/nothing-here", caseworker), 404);
        assertNothingWritten();
    }

    @Test
    void unknownCredibilityKeysAndLifecycleActionsAreRefused() throws Exception {
        ApiClient.Response applicant = api().post("/api/v1/applicants", caseworker, applicant("Иван", "Иванов", "RU", "1990-01-01"));
        Map<String, Object> claim = new HashMap<>(claim(applicant.json().get("id")));
        claim.put("credibility", Map.of("favouriteColour", "ACCEPTED"));
        ApiClient.Response response = api().post("/api/v1/claims", caseworker, claim);
        assertProblem(response, 400);
        assertTrue(names(response, "credibility.favouriteColour"), response.body());
        claim.put("credibility", Map.of("callUp", "PROBABLY"));
        assertProblem(api().post("/api/v1/claims", caseworker, claim), 400);
        assertEquals(0, rows("claim"));
        assertEquals(applicantsBefore + 1, rows("applicant"));
        ApiClient.Response created = api().post("/api/v1/claims", caseworker, claim(applicant.json().get("id")));
        ApiClient.Response action = api().post("/api/v1/claims/" + created.json().get("id") + "/actions/teleport", caseworker, "");
        assertProblem(action, 400);
    }
}
