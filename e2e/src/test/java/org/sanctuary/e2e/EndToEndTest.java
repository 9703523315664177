package org.sanctuary.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform as a user meets it: the whole local stack (started here, or reused when one is
 * running), real tokens from Keycloak, every request through the gateway only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private final ApiClient gateway = new ApiClient(DevStack.GATEWAY);
    private String govCaseworker;
    private String ngoCaseworker;

    @BeforeAll
    void platform() throws Exception {
        SharedStack.ensureRunning();
        govCaseworker = LocalKeycloak.token("gov-caseworker", "gov-caseworker");
        ngoCaseworker = LocalKeycloak.token("ngo-caseworker", "ngo-caseworker");
    }


    @Test
    @Order(1)
    void aGovernmentCaseworkerRegistersAnApplicantAndAClaimWhichTheNgoCannotSee() {
        ApiClient.Response applicant = gateway.send("POST", "/api/v1/applicants", govCaseworker,
                ApiClient.json(ApplicantRequest.named("Алексей", "Сквозной").born("1991-02-03").body()),
                Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
        assertEquals(201, applicant.status(), applicant.body());
        ApiClient.Response claim = gateway.post("/api/v1/claims", govCaseworker, ClaimRequest.forApplicant(applicant.json().get("id"))
                .statusOnly()
                .military("recruitingActor", "STATE")
                .military("recruitingCountry", "RU")
                .body());
        assertEquals(201, claim.status(), claim.body());
        String claimPath = "/api/v1/claims/" + claim.json().get("id");
        ApiClient.Response lodged = gateway.post(claimPath + "/actions/lodge", govCaseworker, "");
        assertEquals("LODGED", lodged.json().get("status"));
        // the deadline comes from demo-gov's pack (eu-member: 180 days)
        assertEquals(java.time.LocalDate.parse((String) lodged.json().get("lodgedOn")).plusDays(180).toString(),
                lodged.json().get("firstInstanceDeadline"));

        assertEquals(404, gateway.get("/api/v1/applicants/" + applicant.json().get("id"), ngoCaseworker).status());
        assertEquals(404, gateway.get(claimPath, ngoCaseworker).status());
        assertEquals(200, gateway.get(claimPath, govCaseworker).status());
    }

    @Test
    @Order(2)
    void anIntegratorsServiceAccountActsForItsOrganization() throws Exception {
        String integrator = LocalKeycloak.clientToken("demo-gov-integrator", "local-demo-only-integrator-secret");
        ApiClient.Response list = gateway.get("/api/v1/applicants?limit=5", integrator);
        assertEquals(200, list.status(), list.body());
        assertTrue(((List<?>) list.json().get("items")).stream().allMatch(a -> !((Map<?, ?>) a).containsKey("special")),
                "integrators never see special-category data");
    }

    @Test
    @Order(3)
    void missingAndTamperedTokensAre401() {
        assertEquals(401, gateway.get("/api/v1/applicants", null).status());
        String[] parts = govCaseworker.split("\\.");
        String payload = parts[1].substring(0, parts[1].length() - 3) + (parts[1].endsWith("A") ? "BBB" : "AAA");
        ApiClient.Response tampered = gateway.get("/api/v1/applicants", parts[0] + "." + payload + "." + parts[2]);
        assertEquals(401, tampered.status());
        assertTrue(tampered.contentType().startsWith("application/problem+json"));
    }

    @Test
    @Order(4)
    void theInternalFeedIsNeverReachableThroughTheGateway() throws Exception {
        String service = LocalKeycloak.clientToken("sanctuary-platform", "local-demo-only-platform-secret");
        assertEquals(404, gateway.get("/internal/v1/events?after=0", service).status());
        assertEquals(404, gateway.get("/internal/v1/events", govCaseworker).status());
    }

    @Test
    @Order(5)
    void theAggregatedOpenApiListsTheIntakePaths() {
        ApiClient.Response openapi = gateway.get("/api/openapi", null);
        assertEquals(200, openapi.status());
        Map<?, ?> paths = (Map<?, ?>) openapi.json().get("paths");
        assertTrue(paths.containsKey("/api/v1/applicants") && paths.containsKey("/api/v1/claims"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/policy") && paths.containsKey("/api/v1/tenants"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/assessments/simulate") && paths.containsKey("/api/v1/decisions"), paths.keySet().toString());
        assertTrue(paths.containsKey("/api/v1/documents/{id}/content"), paths.keySet().toString());
    }

    @Test
    @Order(6)
    void eachOrganizationReadsItsOwnPolicyPackAndOnlyItsPolicyAdminEditsIt() throws Exception {
        ApiClient.Response gov = gateway.get("/api/v1/policy", govCaseworker);
        assertEquals(200, gov.status(), gov.body());
        assertEquals("EU_QD_2011_95", gov.at("document.legalFramework"));
        assertEquals("REFUGEE_CONVENTION", gateway.get("/api/v1/policy", ngoCaseworker).at("document.legalFramework"));
        String govPolicyAdmin = LocalKeycloak.token("gov-policy-admin", "gov-policy-admin");
        assertEquals(200, gateway.get("/api/v1/tenants/demo-gov/policy-packs", govPolicyAdmin).status());
        assertEquals(404, gateway.get("/api/v1/tenants/demo-ngo/policy-packs", govPolicyAdmin).status());
        assertEquals(403, gateway.get("/api/v1/tenants/demo-gov/policy-packs", govCaseworker).status());
    }

    @Test
    @Order(8)
    void theFirstInstanceDeadlineFollowsEachOrganizationsPack() {
        ApiClient.Response applicant = gateway.post("/api/v1/applicants", ngoCaseworker,
                ApplicantRequest.named("Андрій", "Строковий").nationality("UA").birthDateUnknown().body());
        assertEquals(201, applicant.status(), applicant.body());
        ApiClient.Response claim = gateway.post("/api/v1/claims", ngoCaseworker, ClaimRequest.forApplicant(applicant.json().get("id"))
                .statusOnly()
                .militaryStatus("PRE_CALL_UP_EVADER")
                .withoutCredibility()
                .body());
        ApiClient.Response lodged = gateway.post("/api/v1/claims/" + claim.json().get("id") + "/actions/lodge", ngoCaseworker, "");
        assertEquals(200, lodged.status(), lodged.body());
        // demo-ngo follows convention-strict: 120 days
        assertEquals(java.time.LocalDate.parse((String) lodged.json().get("lodgedOn")).plusDays(120).toString(),
                lodged.json().get("firstInstanceDeadline"));
    }

    @Test
    @Order(7)
    void thePlatformAdministratorManagesTenantsButNeverSeesCaseData() throws Exception {
        String platform = LocalKeycloak.token("platform-admin", "platform-admin");
        ApiClient.Response tenants = gateway.get("/api/v1/tenants", platform);
        assertEquals(200, tenants.status(), tenants.body());
        assertEquals(403, gateway.get("/api/v1/applicants", platform).status());
        assertEquals(403, gateway.get("/api/v1/claims", platform).status());
        assertEquals(403, gateway.get("/api/v1/policy", platform).status());
        assertEquals(403, gateway.get("/api/v1/tenants", govCaseworker).status());
    }

    @Test
    @Order(9)
    void aClaimIsAssessedDecidedAndApprovedByASecondPerson() throws Exception {
        ApiClient.Response applicant = gateway.post("/api/v1/applicants", govCaseworker, ApplicantRequest.named("Илья", "Мобилизованный")
                .born("1996-04-05")
                .regionOfOrigin("RU", "Moscow")
                .body());
        assertEquals(201, applicant.status(), applicant.body());
        ApiClient.Response claim = gateway.post("/api/v1/claims", govCaseworker, ClaimRequest.forApplicant(applicant.json().get("id"))
                .military("callUp", ClaimRequest.callUp("2022-10-03", "IN_PERSON"))
                .military("served", null)
                .military("deserted", null)
                .body());
        String claimId = claim.json().get("id").toString();
        assertEquals(200, gateway.post("/api/v1/claims/" + claimId + "/actions/lodge", govCaseworker, "").status());

        ApiClient.Response assessed = gateway.post("/api/v1/assessments", govCaseworker, Map.of("claimId", claimId));
        assertEquals(201, assessed.status(), assessed.body());
        assertEquals("REFUGEE_STATUS", assessed.at("result.recommendation"));
        // intake puts the claim under assessment when it reads the assessment from the assessment feed
        assertEquals("UNDER_ASSESSMENT", awaitClaimStatus(claimId, govCaseworker, "UNDER_ASSESSMENT"));
        String assessment = assessed.json().get("id").toString();
        assertEquals(404, gateway.get("/api/v1/assessments/" + assessment, ngoCaseworker).status());
        assertEquals(403, gateway.post("/api/v1/assessments", LocalKeycloak.token("gov-analyst", "gov-analyst"),
                Map.of("claimId", claimId)).status());

        // issue 11, item 1: nobody decides a claim in intake directly, and an integrator never closes or withdraws one
        String supervisor = LocalKeycloak.token("gov-supervisor", "gov-supervisor");
        String integrator = LocalKeycloak.clientToken("demo-gov-integrator", "local-demo-only-integrator-secret");
        for (String token : List.of(govCaseworker, supervisor, integrator)) {
            assertEquals(403, gateway.post("/api/v1/claims/" + claimId + "/actions/decide", token, "").status());
            assertEquals(403, gateway.post("/api/v1/claims/" + claimId + "/actions/appeal", token, "").status());
        }
        assertEquals(403, gateway.post("/api/v1/claims/" + claimId + "/actions/withdraw", integrator,
                Map.of("reason", "Withdrawn by the registry sync.")).status());
        assertEquals("UNDER_ASSESSMENT", gateway.get("/api/v1/claims/" + claimId, govCaseworker).json().get("status"));

        ApiClient.Response decision = gateway.post("/api/v1/decisions", govCaseworker,
                Map.of("assessmentId", assessment, "outcome", "REFUGEE_STATUS"));
        assertEquals(201, decision.status(), decision.body());
        assertEquals(403, gateway.post("/api/v1/decisions/" + decision.json().get("id") + "/approve", govCaseworker, "{}").status());
        ApiClient.Response approved = gateway.post("/api/v1/decisions/" + decision.json().get("id") + "/approve", supervisor, "{}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().get("status"));
        assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14).toString(), approved.json().get("appealDeadline"));
        // intake moves its claim when it reads the approval from the assessment feed
        assertEquals("DECIDED", awaitClaimStatus(claimId, govCaseworker, "DECIDED"));
        assertEquals(403, gateway.post("/api/v1/claims/" + claimId + "/actions/close", integrator,
                Map.of("reason", "Archived by the registry sync.")).status());
        assertEquals(400, gateway.post("/api/v1/claims/" + claimId + "/actions/close", govCaseworker, "").status());

        // the policy administrator tries a variation of the law without touching any claim
        ApiClient.Response simulated = gateway.post("/api/v1/assessments/simulate", LocalKeycloak.token("gov-policy-admin", "gov-policy-admin"),
                Map.of("facts", Map.of("applicant", Map.of("nationalities", List.of("UA"), "age", 30),
                        "military", Map.of("status", "SUMMONED_NON_REPORTER", "recruitingActor", "STATE", "recruitingCountry", "UA",
                                "callUp", Map.of("received", true, "punitive", false)),
                        "credibility", Map.of("militaryStatus", "ACCEPTED", "callUp", "ACCEPTED"))));
        assertEquals(200, simulated.status(), simulated.body());
        assertEquals("TEMPORARY_PROTECTION", simulated.json().get("recommendation"));
    }

    @Test
    @Order(10)
    void aPackIsPublishedOnlyWhenItsOwnSampleCasesPassTheAssessment() throws Exception {
        String admin = LocalKeycloak.token("gov-policy-admin", "gov-policy-admin");
        String pack = java.nio.file.Files.readString(org.sanctuary.devstack.ServiceProcess.root()
                .resolve("devstack/src/main/resources/demo-packs/eu-member.json"));
        String sample = """
                {"sampleCases": [{"id": "ua-kyiv-fears-combat", "assessmentDate": "2025-10-01",
                  "facts": {"applicant": {"nationalities": ["UA"], "age": 30, "regionOfOrigin": {"country": "UA", "region": "Kyiv"}},
                            "military": {"status": "SUMMONED_NON_REPORTER", "recruitingActor": "STATE", "recruitingCountry": "UA",
                                         "callUp": {"received": true, "punitive": false}},
                            "credibility": {"militaryStatus": "ACCEPTED", "callUp": "ACCEPTED"}},
                  "expected": {"recommendation": "%s", "rulesNotMet": ["QD-9-2-e"]}}],
                """;
        ApiClient.Response draft = gateway.post("/api/v1/tenants/demo-gov/policy-packs", admin,
                pack.replaceFirst("\\{", sample.formatted("REFUGEE_STATUS")));
        assertEquals(201, draft.status(), draft.body());
        String path = "/api/v1/tenants/demo-gov/policy-packs/" + draft.json().get("version");
        Map<String, String> nextYear = Map.of("effectiveFrom", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1).toString());
        ApiClient.Response refused = gateway.post(path + "/publish", admin, nextYear);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("sampleCases[0]") && refused.body().contains("ua-kyiv-fears-combat")
                && refused.body().contains("TEMPORARY_PROTECTION"), refused.body());
        // the policy administrator runs the cases before publishing: which fails, and why
        ApiClient.Response run = gateway.post(path + "/sample-cases", admin, Map.of());
        assertEquals(200, run.status(), run.body());
        assertEquals("ua-kyiv-fears-combat", run.at("cases.0.id"), run.body());
        assertEquals(false, run.at("cases.0.passed"), run.body());
        assertEquals(1, run.at("failed"), run.body());
        assertTrue(run.body().contains("expected REFUGEE_STATUS, the engine recommends TEMPORARY_PROTECTION"), run.body());
        ApiClient.Response corrected = gateway.put(path, admin, pack.replaceFirst("\\{", sample.formatted("TEMPORARY_PROTECTION")), Map.of());
        assertEquals(200, corrected.status(), corrected.body());
        ApiClient.Response passing = gateway.post(path + "/sample-cases", admin, Map.of());
        assertEquals(true, passing.at("cases.0.passed"), passing.body());
        assertEquals(List.of(), passing.at("cases.0.problems"), passing.body());
        ApiClient.Response published = gateway.post(path + "/publish", admin, nextYear);
        assertEquals(200, published.status(), published.body());
        assertEquals("PUBLISHED", published.json().get("status"));
    }

    /**
     * Onboarding is data: the platform administrator creates a tenant, which provisions its Keycloak
     * organization, a first policy-admin with a temporary password and its data keys; a user added to
     * the organization gets a token naming it and works; suspension shuts it out, reactivation lets it
     * back; offboarding destroys its keys and says where its rows lie.
     */
    @Test
    @Order(11)
    void aNewTenantIsProvisionedItsUsersWorkAndSuspensionAndOffboardingShutThemOut() throws Exception {
        String id = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String platform = LocalKeycloak.token("platform-admin", "platform-admin");
        ApiClient.Response created = gateway.post("/api/v1/tenants", platform, Map.of("id", id, "name", "E2E Agency " + id,
                "kind", "GOVERNMENT", "jurisdiction", "NL", "adminEmail", id + "@agency.example"));
        assertEquals(201, created.status(), created.body());
        for (int i = 0; i < 3; i++) {
            assertEquals("DONE", created.at("provisioning." + i + ".status"), created.body());
        }
        String firstAdmin = (String) created.at("firstAdmin.username");
        String temporary = (String) created.at("firstAdmin.temporaryPassword");
        assertEquals(id + "-policy-admin", firstAdmin);
        // the password is temporary: Keycloak wants it changed before any token is issued
        java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> LocalKeycloak.token(firstAdmin, temporary));
        assertTrue(refused.getMessage().contains("not fully set up"), refused.getMessage());
        assertEquals(null, gateway.get("/api/v1/tenants/" + id, platform).json().get("firstAdmin"), "shown once only");

        String username = id + "-caseworker";
        RealmUsers.add(id, username, "caseworker");
        String caseworker = LocalKeycloak.token(username, username);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(caseworker.split("\\.")[1]));
        assertTrue(payload.contains("\"organization\"") && payload.contains(id), payload);
        ApiClient.Response applicant = gateway.post("/api/v1/applicants", caseworker,
                ApplicantRequest.named("Олег", "Новый").born("1994-05-06").body());
        assertEquals(201, applicant.status(), applicant.body());
        ApiClient.Response claim = gateway.post("/api/v1/claims", caseworker,
                ClaimRequest.forApplicant(applicant.json().get("id")).statusOnly().body());
        assertEquals(201, claim.status(), claim.body());
        assertEquals(404, gateway.get("/api/v1/claims/" + claim.json().get("id"), govCaseworker).status());

        assertEquals(200, gateway.post("/api/v1/tenants/" + id + "/suspend", platform, "").status());
        assertEquals(403, awaitStatus("/api/v1/claims?limit=1", caseworker, 403), "suspended: refused");
        assertEquals(403, awaitStatus("/api/v1/assessments?claimId=" + claim.json().get("id"), caseworker, 403), "every service refuses");
        assertEquals(200, gateway.post("/api/v1/tenants/" + id + "/reactivate", platform, "").status());
        assertEquals(200, awaitStatus("/api/v1/claims?limit=1", caseworker, 200), "reactivated: served again");

        ApiClient.Response offboarded = gateway.post("/api/v1/tenants/" + id + "/offboard", platform, "");
        assertEquals(200, offboarded.status(), offboarded.body());
        assertEquals("OFFBOARDED", offboarded.at("tenant.status"));
        assertEquals("DONE", offboarded.at("steps.0.status"), offboarded.body());
        assertEquals("intake", offboarded.at("dataLocations.0.service"), offboarded.body());
        assertEquals(3, ((List<?>) offboarded.json().get("dataLocations")).size(), offboarded.body());
        assertEquals(true, offboarded.at("dataLocations.0.destroyed"), offboarded.body());
        assertTrue(offboarded.body().contains("\"table\":\"applicant\""), offboarded.body());
        assertEquals(403, awaitStatus("/api/v1/claims?limit=1", caseworker, 403), "offboarded: refused");
    }

    @Test
    @Order(12)
    void evidenceGoesInThroughTheGatewayEncryptedAndComesBackOnlyToItsTenant() throws Exception {
        ApiClient.Response applicant = gateway.post("/api/v1/applicants", govCaseworker,
                ApplicantRequest.named("Глеб", "Доказательный").born("1990-01-02").body());
        String claim = gateway.post("/api/v1/claims", govCaseworker,
                ClaimRequest.forApplicant(applicant.json().get("id")).statusOnly().body()).json().get("id").toString();
        byte[] pdf = "%PDF-1.4\n% повестка\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:8080/api/v1/documents?claimId=" + claim + "&category=SUMMONS&filename=summons.pdf"))
                .header("Authorization", "Bearer " + govCaseworker).header("Content-Type", "application/pdf")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        java.net.http.HttpResponse<byte[]> content = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:8080/api/v1/documents/" + id + "/content")).header("Authorization", "Bearer " + govCaseworker).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, content.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, content.body());
        assertEquals(404, gateway.get("/api/v1/documents/" + id, ngoCaseworker).status());
        java.net.http.HttpResponse<String> exe = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:8080/api/v1/documents?claimId=" + claim + "&category=SUMMONS&filename=summons.pdf"))
                .header("Authorization", "Bearer " + govCaseworker).header("Content-Type", "application/pdf")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[]{'M', 'Z', 0, 0, 0, 0, 0, 0})).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, exe.statusCode(), exe.body());
    }

    /** Issue 11, item 2: an integrator's update never erases what it cannot read, and never sets credibility. */
    @Test
    @Order(14)
    void anIntegratorsUpdateKeepsTheSpecialCategoryDataItCannotRead() throws Exception {
        ApiClient.Response applicant = gateway.post("/api/v1/applicants", govCaseworker, ApplicantRequest.named("Мирон", "Верующий")
                .born("1994-05-06")
                .special(Map.of("religion", "Jehovah's Witness", "lgbtqi", true))
                .body());
        assertEquals(201, applicant.status(), applicant.body());
        String path = "/api/v1/applicants/" + applicant.json().get("id");
        String integrator = LocalKeycloak.clientToken("demo-gov-integrator", "local-demo-only-integrator-secret");
        ApiClient.Response read = gateway.get(path, integrator);
        assertEquals(200, read.status(), read.body());
        assertTrue(!read.json().containsKey("special"));
        ApiClient.Response updated = gateway.send("PUT", path, integrator,
                ApiClient.json(ApplicantRequest.named("Мирон", "Верующий-Петров").born("1994-05-06").body()),
                Map.of("If-Match", read.header("ETag").orElseThrow()));
        assertEquals(200, updated.status(), updated.body());
        ApiClient.Response after = gateway.get(path, govCaseworker);
        assertEquals("Верующий-Петров", after.at("name.family"));
        assertEquals("Jehovah's Witness", after.at("special.religion"));
        assertEquals(true, after.at("special.lgbtqi"));
        ApiClient.Response credibility = gateway.post("/api/v1/claims", integrator, ClaimRequest.forApplicant(applicant.json().get("id"))
                .statusOnly()
                .militaryStatus("OBJECTOR_ABSOLUTE")
                .credibility("militaryStatus", null)
                .credibility("objection", "ACCEPTED")
                .body());
        assertEquals(403, credibility.status(), credibility.body());
        assertTrue(credibility.body().contains("\"credibility\""), credibility.body());
    }

    /** Decided claims reach the analyst's report through the feeds; a single case is suppressed, never shown. */
    @Test
    @Order(13)
    void decidedClaimsAreCountedAndASingleCaseIsSuppressed() throws Exception {
        String analyst = LocalKeycloak.token("gov-analyst", "gov-analyst");
        String year = Integer.toString(java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear());
        String range = "from=" + year + "-01-01&to=" + year + "-12-31&period=year";
        ApiClient.Response report = null;
        for (long end = System.nanoTime() + 60_000_000_000L; System.nanoTime() < end; Thread.sleep(1000)) {
            report = gateway.get("/api/v1/reports/decisions?" + range, analyst);
            if (report.status() == 200 && !((List<?>) report.json().get("rows")).isEmpty()) {
                break;
            }
        }
        assertEquals(200, report.status(), report.body());
        assertEquals(List.of(year), report.json().get("rows"), report.body());
        int genconv = ((List<?>) report.json().get("columns")).indexOf("GENCONV");
        // demo-gov's pack suppresses counts under 5: on a fresh stack the one refugee decision of this suite is
        // hidden, never shown as a number; on a reused stack the count may have grown past the threshold
        Object value = report.at("cells.0." + genconv + ".value");
        boolean suppressed = Boolean.TRUE.equals(report.at("cells.0." + genconv + ".suppressed"));
        assertTrue(suppressed ? value == null : ((Number) value).intValue() >= 5, report.body());
        assertEquals(403, gateway.get("/api/v1/reports/decisions?" + range, govCaseworker).status());
        ApiClient.Response other = gateway.get("/api/v1/reports/decisions?" + range, LocalKeycloak.token("ngo-caseworker", "ngo-caseworker"));
        assertEquals(403, other.status());
    }

    @Test
    @Order(98)
    void aSuspendedOrganizationIsRefusedWithin30SecondsAndServedAgainAfterReactivation() throws Exception {
        String platform = LocalKeycloak.token("platform-admin", "platform-admin");
        try {
            assertEquals(200, gateway.post("/api/v1/tenants/demo-ngo/suspend", platform, "").status());
            long suspendedAt = System.nanoTime();
            assertEquals(403, awaitStatus("/api/v1/claims?limit=1", ngoCaseworker, 403), "intake refuses the suspended tenant");
            assertTrue(System.nanoTime() - suspendedAt < 30_000_000_000L, "refused within 30 s");
            assertEquals(403, gateway.get("/api/v1/policy", ngoCaseworker).status(), "and so does the tenants service");
            assertEquals(200, gateway.get("/api/v1/claims?limit=1", govCaseworker).status(), "another tenant is untouched");
        } finally {
            gateway.post("/api/v1/tenants/demo-ngo/reactivate", platform, "");
        }
        assertEquals(200, awaitStatus("/api/v1/claims?limit=1", ngoCaseworker, 200), "served again after reactivation");
    }

    /** Polls until the request answers {@code expected}, for at most 40 s; the last status. */
    /** The claim's status once it is {@code expected}, or as it stands after 30 s. */
    private String awaitClaimStatus(String claimId, String token, String expected) throws InterruptedException {
        String status = null;
        for (long end = System.nanoTime() + 30_000_000_000L; System.nanoTime() < end && !expected.equals(status); Thread.sleep(200)) {
            status = (String) gateway.get("/api/v1/claims/" + claimId, token).json().get("status");
        }
        return status;
    }

    private int awaitStatus(String path, String token, int expected) throws InterruptedException {
        int status = -1;
        for (long end = System.nanoTime() + 40_000_000_000L; System.nanoTime() < end; Thread.sleep(500)) {
            status = gateway.get(path, token).status();
            if (status == expected) {
                break;
            }
        }
        return status;
    }

    @Test
    @Order(99) // last: it empties demo-gov's bucket
    void aFloodFromOneTenantIsLimitedWhileTheOtherTenantPasses() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> flood = new ArrayList<>();
        // a request the service refuses at once (400: not a claim id) still spends a token of the tenant's bucket,
        // so the flood outruns the refill however fast or slow the machine reads claims
        for (int i = 0; i < 400; i++) {
            flood.add(pool.submit(() -> gateway.get("/api/v1/claims/not-a-claim-id", govCaseworker).status()));
        }
        int limited = 0;
        for (Future<Integer> status : flood) {
            if (status.get() == 429) {
                limited++;
            }
        }
        pool.shutdown();
        assertTrue(limited > 0, "400 requests at once from one tenant were never limited");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, gateway.get("/api/v1/claims?limit=1", ngoCaseworker).status());
        }
    }

    // --- Edge and deployment hardening (issue 11, items 3 and 4) ---

    /** A password grant against the real Keycloak, as an attacker would try it: the raw answer. */
    private static java.net.http.HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        String form = "client_id=sanctuary-cli&grant_type=password&username="
                + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(LocalKeycloak.REALM_URL + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** Clears Keycloak's brute-force record of a user (admin REST, the local bootstrap admin). */
    private static void clearLockout(String username) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var adminToken = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + LocalKeycloak.PORT + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "client_id=admin-cli&grant_type=password&username=admin&password=admin")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, adminToken.statusCode(), adminToken.body());
        String admin = adminToken.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String base = "http://127.0.0.1:" + LocalKeycloak.PORT + "/admin/realms/sanctuary";
        var users = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/users?exact=true&username="
                + username)).header("Authorization", "Bearer " + admin).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, users.statusCode(), users.body());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(users.body());
        assertTrue(id.find(), "the realm has the user " + username + " (delete .devstack/keycloak-*/data to re-import the realm)");
        var cleared = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                + "/attack-detection/brute-force/users/" + id.group(1))).header("Authorization", "Bearer " + admin)
                .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(204, cleared.statusCode());
    }

    @Test
    @Order(100)
    void thirtyWrongPasswordsLockTheAccountSoTheRightOneGetsNoToken() throws Exception {
        // a demo user of demo-gov kept for this test alone: no other test's user is ever locked out
        String probe = "gov-lockout-probe";
        clearLockout(probe); // a reused stack may still hold the lockout of an earlier run
        assertEquals(200, passwordGrant(probe, probe).statusCode(), "the right password works before the attack");
        for (int i = 0; i < 30; i++) {
            int status = passwordGrant(probe, "wrong-password-" + i).statusCode();
            assertTrue(status == 400 || status == 401, "a wrong password: " + status);
        }
        java.net.http.HttpResponse<String> right = passwordGrant(probe, probe);
        assertTrue(right.statusCode() >= 400, "after 30 wrong passwords the right one is refused: " + right.statusCode());
        assertTrue(!right.body().contains("access_token"), right.body());
        // other users, and the same organisation, are unaffected
        assertEquals(200, passwordGrant("gov-caseworker", "gov-caseworker").statusCode());
        clearLockout(probe);
        assertEquals(200, passwordGrant(probe, probe).statusCode(), "an administrator can lift the lockout");
    }

    @Test
    @Order(101)
    void metricsAreNotServedThroughTheGatewayButOnTheManagementPorts() throws Exception {
        ApiClient.Response publicMetrics = gateway.get("/metrics", null);
        assertTrue(publicMetrics.status() == 404 || publicMetrics.status() == 401, "gateway /metrics: " + publicMetrics.status());
        assertTrue(!publicMetrics.body().contains("jvm_memory_used_bytes"));
        assertEquals(404, gateway.get("/health", null).status(), "health is on the management port too");
        ApiClient.Response metrics = new ApiClient(DevStack.GATEWAY_MANAGEMENT).get("/metrics", null);
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "prometheus format");
        assertEquals(200, new ApiClient(DevStack.GATEWAY_MANAGEMENT).get("/health", null).status());
        // each service likewise: its API port serves no metrics, its management port (API port + 1000) does
        ApiClient intakeApi = new ApiClient("http://127.0.0.1:8081");
        assertEquals(404, intakeApi.get("/metrics", null).status());
        ApiClient intakeManagement = new ApiClient("http://127.0.0.1:" + (8081 + DevStack.MANAGEMENT_OFFSET));
        assertEquals(200, intakeManagement.get("/metrics", null).status());
    }
}
