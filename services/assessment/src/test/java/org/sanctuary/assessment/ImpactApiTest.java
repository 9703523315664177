package org.sanctuary.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sanctuary.assessment.engine.AcceptanceSuite;
import org.sanctuary.assessment.engine.Rules;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

/**
 * Issue 13, impact before publishing: {@code POST /api/v1/assessments/impact} runs the engine over the organization's
 * open claims with a pack and with the one in force, against the real intake and tenants, and stores nothing.
 */
class ImpactApiTest extends AssessmentApiTest {

    private static final String IMPACT = "/api/v1/assessments/impact";

    /** The EU pack without its country information on Russia: a Russian reservist's persecution can no longer be found. */
    private static ObjectNode withoutRussia() throws IOException {
        ObjectNode eu = (ObjectNode) AcceptanceSuite.JSON.readTree(Files.readString(AcceptanceSuite.ROOT.resolve("packs").resolve("eu-member.json")));
        ((ObjectNode) eu.get("coi")).remove("RU");
        eu.put("name", "EU member without COI on Russia");
        return eu;
    }

    private static String document(JsonNode pack) {
        ObjectNode body = AcceptanceSuite.JSON.createObjectNode();
        body.set("pack", pack);
        return body.toString();
    }

    /** The changes listed for these claims, by claim id. */
    private static Map<String, Map<?, ?>> changesOf(ApiClient.Response impact, List<String> claims) {
        Map<String, Map<?, ?>> found = new HashMap<>();
        for (Object change : impact.jsonList("changes")) {
            Map<?, ?> c = (Map<?, ?>) change;
            if (claims.contains(c.get("claimId").toString())) {
                found.put(c.get("claimId").toString(), c);
            }
        }
        return found;
    }

    private static int transition(ApiClient.Response impact, String from, String to) {
        return impact.jsonList("transitions").stream().map(t -> (Map<?, ?>) t)
                .filter(t -> from.equals(t.get("from")) && to.equals(t.get("to"))).mapToInt(t -> ((Number) t.get("claims")).intValue()).sum();
    }

    @Test
    void aDraftsImpactNamesTheClaimsWhoseRecommendationChangesAndHowWithoutStoringAnything() throws IOException, SQLException {
        String caseworker = TwoTenants.a("caseworker");
        List<String> lodged = List.of(lodgedClaim(caseworker), lodgedClaim(caseworker));
        String draftOnly = draftClaim(caseworker); // a draft is not open: never read
        String admin = TwoTenants.a("policy-admin");
        ApiClient.Response draft = new ApiClient(upstream.tenants).post("/api/v1/tenants/" + TwoTenants.A + "/policy-packs", admin,
                withoutRussia().toString());
        assertEquals(201, draft.status(), draft.body());
        int version = ((Number) draft.json().get("version")).intValue();
        long stored = assessments();

        ApiClient.Response impact = api().post(IMPACT, admin, Map.of("version", version));
        assertEquals(200, impact.status(), impact.body());
        assertEquals(version, ((Number) impact.json().get("compared")).intValue());
        assertEquals(1, ((Number) impact.json().get("inForce")).intValue());
        int claims = ((Number) impact.json().get("claims")).intValue();
        assertTrue(claims >= 2, impact.body());
        assertEquals(claims, impact.jsonList("transitions").stream().mapToInt(t -> ((Number) ((Map<?, ?>) t).get("claims")).intValue()).sum());
        assertTrue(transition(impact, "REFUGEE_STATUS", "REJECT") >= 2, impact.body());
        // a policy administrator learns how many, never which claims: a pack could be written to single out the
        // claimants a rule on special-category data concerns
        assertEquals(false, impact.json().get("claimsShown"));
        assertEquals(List.of(), impact.jsonList("changes"));
        assertTrue(((Number) impact.json().get("recommendationsChanged")).intValue() >= 2, impact.body());
        assertEquals(stored, assessments(), "an impact stores no assessment");

        // a supervisor compares a document and sees which claims change, and every finding that changed
        ApiClient.Response supervisor = api().post(IMPACT, TwoTenants.a("supervisor"), document(withoutRussia()));
        assertEquals(200, supervisor.status(), supervisor.body());
        assertEquals(null, supervisor.json().get("compared"));
        assertEquals(true, supervisor.json().get("claimsShown"));
        Map<String, Map<?, ?>> mine = changesOf(supervisor, lodged);
        assertEquals(2, mine.size(), supervisor.body());
        assertFalse(changesOf(supervisor, List.of(draftOnly)).containsKey(draftOnly), "a draft is not open");
        for (Map<?, ?> change : mine.values()) {
            assertEquals("REFUGEE_STATUS", change.get("from"));
            assertEquals("REJECT", change.get("to"));
            List<String> rules = new ArrayList<>();
            for (Object f : (List<?>) change.get("findings")) {
                rules.add(((Map<?, ?>) f).get("rule").toString());
            }
            assertTrue(rules.contains("QD-9-2-e"), rules.toString());
            assertTrue(rules.stream().anyMatch(Rules.REVEALING::contains), rules.toString());
        }
        assertEquals(stored, assessments(), "an impact stores no assessment");
    }

    @Test
    void anotherOrganizationsClaimsAreNeverInItAndOnlyItsPolicyAdministratorsAndSupervisorsMayAsk() throws IOException {
        List<String> lodged = List.of(lodgedClaim(TwoTenants.a("caseworker")));
        ApiClient.Response mine = api().post(IMPACT, TwoTenants.a("supervisor"), document(withoutRussia()));
        ApiClient.Response other = api().post(IMPACT, TwoTenants.b("supervisor"), document(withoutRussia()));
        assertEquals(200, other.status(), other.body());
        assertTrue(changesOf(mine, lodged).size() == 1, mine.body());
        assertTrue(changesOf(other, lodged).isEmpty(), other.body());
        assertEquals(1, ((Number) other.json().get("inForce")).intValue(), "tenant B's own pack in force");

        assertProblem(api().post(IMPACT, TwoTenants.a("caseworker"), document(withoutRussia())), 403);
        assertProblem(api().post(IMPACT, TwoTenants.a("analyst"), document(withoutRussia())), 403);
        ApiClient.Response both = api().post(IMPACT, TwoTenants.a("policy-admin"),
                "{\"version\": 1, \"pack\": " + withoutRussia() + "}");
        assertProblem(both, 400);
        assertProblem(api().post(IMPACT, TwoTenants.a("policy-admin"), "{}"), 400);
        assertProblem(api().post(IMPACT, TwoTenants.a("policy-admin"), Map.of("version", 999)), 404);
        // another organization's version numbers name nothing of its own here
        ApiClient.Response missing = api().post(IMPACT, TwoTenants.b("policy-admin"), Map.of("version", 99));
        assertProblem(missing, 404);
        assertNotNull(missing.json().get("detail"));
    }

    private long assessments() throws SQLException {
        try (Connection c = db.adminConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from assessment")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
