package org.sanctuary.intake;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sanctuary.common.testing.Problems.assertProblem;

/**
 * Tenant B can neither see, change, move nor detect tenant A's applicant and claim; tokens that do
 * not name exactly one organization are refused before anything runs; bad tokens are 401.
 */
@MicronautTest(transactional = false)
class TenantIsolationTest extends IntakeApiTest {

    private final String a = TwoTenants.a("caseworker");
    private final String b = TwoTenants.b("caseworker", "supervisor");
    private String applicantPath;
    private String claimPath;

    @BeforeAll
    void aRegistersAnApplicantAndAClaim() {
        ApiClient.Response applicant = api().post("/api/v1/applicants", a, applicant("Дмитрий", "Иванов", "RU", "1990-04-01"));
        applicantPath = "/api/v1/applicants/" + applicant.json().get("id");
        ApiClient.Response claim = api().post("/api/v1/claims", a, claim(applicant.json().get("id")));
        assertEquals(201, claim.status(), claim.body());
        claimPath = "/api/v1/claims/" + claim.json().get("id");
    }

    @Test
    void bGetsNotFoundForAsApplicantAndClaimExactlyLikeAMissingOne() {
        ApiClient.Response foreign = api().get(applicantPath, b);
        ApiClient.Response missing = api().get("/api/v1/applicants/00000000-0000-0000-0000-000000000001", b);
        assertProblem(foreign, 404);
        assertEquals(missing.json().get("type"), foreign.json().get("type"));
        assertEquals(missing.json().get("detail"), foreign.json().get("detail"));
        assertProblem(api().get(claimPath, b), 404);
        assertProblem(api().get(claimPath + "/facts", b), 404);
        assertEquals(200, api().get(claimPath, a).status());
    }

    @Test
    void bSeesEmptyListsAndNoDuplicates() {
        assertEquals(List.of(), api().get("/api/v1/applicants", b).json().get("items"));
        assertEquals(List.of(), api().get("/api/v1/applicants?name=Ivanov", b).json().get("items"));
        assertEquals(List.of(), api().get("/api/v1/claims", b).json().get("items"));
        ApiClient.Response twin = api().post("/api/v1/applicants", b, applicant("Dmitriy", "Ivanov", "RU", "1990-04-01"));
        ApiClient.Response duplicates = api().get("/api/v1/duplicates?applicantId=" + twin.json().get("id"), b);
        assertEquals(200, duplicates.status(), duplicates.body());
        assertEquals(List.of(), duplicates.jsonList());
        assertProblem(api().get("/api/v1/duplicates?applicantId=" + applicantPath.substring(applicantPath.lastIndexOf('/') + 1), b), 404);
    }

    @Test
    void bCannotUpdateOrMoveAsClaimNorLinkAsApplicant() throws Exception {
        Map<String, Object> hijack = applicant("X", "Y", "RU", "1990-04-01");
        assertProblem(api().put(applicantPath, b, hijack, Map.of("If-Match", "\"1\"")), 404);
        String applicantId = applicantPath.substring(applicantPath.lastIndexOf('/') + 1);
        assertProblem(api().put(claimPath, b, claim(applicantId), Map.of("If-Match", "\"1\"")), 404);
        assertProblem(api().post(claimPath + "/actions/lodge", b, ""), 404);
        assertProblem(api().post(claimPath + "/actions/withdraw", b, ""), 404);
        assertProblem(api().post("/api/v1/claims", b, claim(applicantId)), 422);
        ApiClient.Response read = api().get(claimPath, a);
        assertEquals("DRAFT", read.json().get("status"));
        assertEquals(1, ((Number) read.json().get("version")).intValue());
        assertEquals("Дмитрий", api().get(applicantPath, a).at("name.given"));
    }

    @Test
    void tokensWithoutExactlyOneOrganizationAre403ProblemJson() {
        ApiClient.Response none = api().get("/api/v1/applicants", TwoTenants.noOrganization("caseworker"));
        assertProblem(none, 403);
        assertEquals("https://sanctuary.example/problems/tenant-unresolved", none.json().get("type"));
        ApiClient.Response two = api().post("/api/v1/applicants", TwoTenants.twoOrganizations("caseworker"),
                applicant("Z", "Z", "RU", "1990-01-01"));
        assertProblem(two, 403);
        assertEquals("https://sanctuary.example/problems/tenant-unresolved", two.json().get("type"));
        ApiClient.Response byAlias = api().get("/api/v1/applicants", TestJwtIssuer.get().token(TestJwtIssuer.get()
                .claims("mapped", List.of("caseworker")).claim("organization", Map.of(TwoTenants.A, Map.of("id", "x"))).build()));
        assertEquals(200, byAlias.status(), "an object keyed by alias names its tenant");
    }

    @Test
    void missingTamperedExpiredAndForeignTokensAre401() {
        assertProblem(api().get("/api/v1/applicants", null), 401);
        String[] parts = a.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "BB" : "AA") + "." + parts[2];
        assertProblem(api().get("/api/v1/applicants", tampered), 401);
        String resigned = parts[0] + "." + parts[1] + "." + TestJwtIssuer.sign(TestJwtIssuer.foreignKey(),
                TestJwtIssuer.get().claims("x", List.of("caseworker")).claim("organization", List.of(TwoTenants.A)).build()).split("\\.")[2];
        assertProblem(api().get("/api/v1/applicants", resigned), 401);

        JWTClaimsSet expired = TestJwtIssuer.get().claims("late", List.of("caseworker"))
                .claim("organization", List.of(TwoTenants.A))
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build();
        assertProblem(api().get("/api/v1/applicants", TestJwtIssuer.get().token(expired)), 401);

        JWTClaimsSet foreignIssuer = TestJwtIssuer.get().claims("spoof", List.of("caseworker"))
                .claim("organization", List.of(TwoTenants.A)).issuer("https://evil.example/realms/sanctuary").build();
        assertProblem(api().get("/api/v1/applicants", TestJwtIssuer.get().token(foreignIssuer)), 401);
        assertProblem(api().get("/api/v1/applicants", TestJwtIssuer.sign(TestJwtIssuer.foreignKey(),
                TestJwtIssuer.get().claims("other", List.of("caseworker")).claim("organization", List.of(TwoTenants.A)).build())), 401);
    }

    /** Issue 11, item 7: only access tokens, and only those issued to a client of the platform. */
    @Test
    void anIdTokenOrATokenOfAnotherClientOfTheRealmIs401() {
        JWTClaimsSet idToken = TestJwtIssuer.get().claims("cw", List.of("caseworker"))
                .claim("organization", List.of(TwoTenants.A)).claim("typ", "ID").build();
        assertProblem(api().get("/api/v1/applicants", TestJwtIssuer.get().token(idToken)), 401);
        JWTClaimsSet untyped = TestJwtIssuer.get().claims("cw", List.of("caseworker"))
                .claim("organization", List.of(TwoTenants.A)).claim("typ", null).build();
        assertProblem(api().get("/api/v1/applicants", TestJwtIssuer.get().token(untyped)), 401);
        JWTClaimsSet otherClient = TestJwtIssuer.get().claims("cw", List.of("caseworker"))
                .claim("organization", List.of(TwoTenants.A)).claim("azp", "account-console").audience("account").build();
        assertProblem(api().get("/api/v1/applicants", TestJwtIssuer.get().token(otherClient)), 401);
        // an integrator's client, unknown by name, carrying the API's audience (Keycloak's audience mapper)
        JWTClaimsSet integrator = TestJwtIssuer.get().claims("svc", List.of("integrator"))
                .claim("organization", List.of(TwoTenants.A)).claim("azp", "acme-integrator").audience(List.of("sanctuary-api", "account")).build();
        assertEquals(200, api().get("/api/v1/applicants", TestJwtIssuer.get().token(integrator)).status());
    }
}
