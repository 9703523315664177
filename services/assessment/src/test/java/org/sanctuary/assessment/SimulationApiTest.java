package org.sanctuary.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanctuary.assessment.engine.AcceptanceSuite;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/** {@code POST /api/v1/assessments/simulate} over HTTP: the acceptance suite, packs in force, bad input, roles. */
class SimulationApiTest extends AssessmentApiTest {

    private static final String SIMULATE = "/api/v1/assessments/simulate";

    static Stream<AcceptanceSuite.Profile> profiles() {
        return AcceptanceSuite.profiles();
    }

    private static String body(JsonNode pack, JsonNode facts, String date) {
        ObjectNode body = AcceptanceSuite.JSON.createObjectNode();
        if (pack != null) {
            body.set("pack", pack);
        }
        body.set("facts", facts);
        if (date != null) {
            body.put("assessmentDate", date);
        }
        return body.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyProfileReachesItsOutcomeOverHttp(AcceptanceSuite.Profile profile) throws IOException {
        ApiClient.Response response = api().post(SIMULATE, TwoTenants.a("caseworker"),
                body(profile.pack(), profile.facts(), profile.assessmentDate()));
        assertEquals(200, response.status(), response.body());
        AcceptanceSuite.check(profile, AcceptanceSuite.JSON.readTree(response.body()));
    }

    /** Issue 19, item 6: the reasons in the caller's language (Accept-Language, weights honoured), the codes the same. */
    @Test
    void theReasonsComeInTheCallersLanguage() throws IOException {
        AcceptanceSuite.Profile profile = AcceptanceSuite.profiles().findFirst().orElseThrow();
        String body = body(profile.pack(), profile.facts(), profile.assessmentDate());
        String caseworker = TwoTenants.a("caseworker");
        ApiClient.Response en = api().post(SIMULATE, caseworker, body);
        ApiClient.Response ru = api().send("POST", SIMULATE, caseworker, body, Map.of("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5"));
        ApiClient.Response unknown = api().send("POST", SIMULATE, caseworker, body, Map.of("Accept-Language", "ja, *;q=0.1"));
        assertEquals("en", en.header("Content-Language").orElseThrow());
        assertEquals("ru", ru.header("Content-Language").orElseThrow());
        assertEquals("en", unknown.header("Content-Language").orElseThrow(), "a language reasons are not written in reads English");
        JsonNode english = AcceptanceSuite.JSON.readTree(en.body()).get("findings");
        JsonNode russian = AcceptanceSuite.JSON.readTree(ru.body()).get("findings");
        assertEquals(AcceptanceSuite.JSON.readTree(en.body()).get("findings"), AcceptanceSuite.JSON.readTree(unknown.body()).get("findings"));
        for (int i = 0; i < english.size(); i++) {
            assertEquals(english.get(i).get("reasonCodes"), russian.get(i).get("reasonCodes"));
            for (JsonNode reason : russian.get(i).get("reasons")) {
                assertTrue(reason.asText().matches("(?s).*\\p{IsCyrillic}{3}.*"), russian.get(i).get("rule") + ": " + reason.asText());
            }
            assertTrue(russian.get(i).get("title").asText().matches("(?s).*\\p{IsCyrillic}.*"), russian.get(i).get("title").asText());
        }
        assertEquals(AcceptanceSuite.JSON.readTree(en.body()).get("recommendation"), AcceptanceSuite.JSON.readTree(ru.body()).get("recommendation"));
    }

    @Test
    void withoutAPackTheCallersPackInForceDecides() throws IOException {
        AcceptanceSuite.Profile objector = profiles().filter(p -> p.id().startsWith("08a")).findFirst().orElseThrow();
        ApiClient.Response eu = api().post(SIMULATE, TwoTenants.a("caseworker"), body(null, objector.facts(), null));
        assertEquals(200, eu.status(), eu.body());
        JsonNode a = AcceptanceSuite.JSON.readTree(eu.body());
        assertEquals("REFUGEE_STATUS", a.get("recommendation").asText());
        assertEquals("1", a.get("packVersion").asText());
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), a.get("assessmentDate").asText());
        ApiClient.Response strict = api().post(SIMULATE, TwoTenants.b("policy-admin"), body(null, objector.facts(), null));
        assertEquals(200, strict.status(), strict.body());
        assertEquals("REJECT", AcceptanceSuite.JSON.readTree(strict.body()).get("recommendation").asText());
        // before any pack was in force there is nothing to assess against
        ApiClient.Response before = api().post(SIMULATE, TwoTenants.b("policy-admin"), body(null, objector.facts(), "2020-01-01"));
        assertProblem(before, 422);
        assertTrue(before.body().contains("2020-01-01"), before.body());
    }

    @Test
    void malformedFactsOrPacksAre400NamingTheField() throws IOException {
        AcceptanceSuite.Profile profile = profiles().findFirst().orElseThrow();
        ObjectNode facts = profile.facts().deepCopy();
        ((ObjectNode) facts.get("military")).put("status", "GENERAL");
        ApiClient.Response unknownEnum = api().post(SIMULATE, TwoTenants.a("caseworker"), body(profile.pack(), facts, null));
        assertProblem(unknownEnum, 400);
        assertTrue(unknownEnum.body().contains("facts.military.status"), unknownEnum.body());

        ObjectNode wrongType = profile.facts().deepCopy();
        ((ObjectNode) wrongType.get("applicant")).put("age", "twenty-nine");
        ApiClient.Response age = api().post(SIMULATE, TwoTenants.a("caseworker"), body(profile.pack(), wrongType, null));
        assertProblem(age, 400);
        assertTrue(age.body().contains("facts.applicant.age"), age.body());

        ObjectNode pack = profile.pack().deepCopy();
        pack.put("legalFramework", "MARTIAL_LAW");
        ApiClient.Response badPack = api().post(SIMULATE, TwoTenants.a("caseworker"), body(pack, profile.facts(), null));
        assertProblem(badPack, 400);
        assertTrue(badPack.body().contains("pack.legalFramework"), badPack.body());

        ApiClient.Response noFacts = api().post(SIMULATE, TwoTenants.a("caseworker"), "{\"assessmentDate\": \"2025-10-01\"}");
        assertProblem(noFacts, 400);
        assertTrue(noFacts.body().contains("facts"), noFacts.body());

        assertProblem(api().post(SIMULATE, TwoTenants.a("caseworker"), body(profile.pack(), profile.facts(), "1st of May")), 400);
        assertProblem(api().post(SIMULATE, TwoTenants.a("caseworker"), "{not json"), 400);
    }

    @Test
    void onlyCaseworkersSupervisorsAndPolicyAdminsSimulate() {
        AcceptanceSuite.Profile profile = profiles().findFirst().orElseThrow();
        String body = body(profile.pack(), profile.facts(), null);
        for (String role : new String[]{"caseworker", "supervisor", "policy-admin"}) {
            assertEquals(200, api().post(SIMULATE, TwoTenants.a(role), body).status(), role);
        }
        for (String role : new String[]{"analyst", "integrator", "auditor"}) {
            assertProblem(api().post(SIMULATE, TwoTenants.a(role), body), 403);
        }
        assertProblem(api().post(SIMULATE, null, body), 401);
        assertProblem(api().post(SIMULATE, TwoTenants.noOrganization("caseworker"), body), 403);
    }
}
