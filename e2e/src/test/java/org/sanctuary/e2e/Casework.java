package org.sanctuary.e2e;

import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.devstack.DevStack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Casework the end-to-end tests set up through the public API, as a caseworker does it. */
final class Casework {

    record Lodged(String applicantId, String claimId) {
    }

    private Casework() {
    }

    /** The demo EU member state pack's JSON (devstack's {@code demo-packs/eu-member.json}). */
    static String demoPack() throws IOException {
        try (InputStream in = DevStack.class.getResourceAsStream("/demo-packs/eu-member.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The demo pack drafted by {@code tenant}'s policy administrator and published in force from today. */
    static void publishDemoPack(ApiClient api, String policyAdmin, String tenant) throws IOException {
        String packs = "/api/v1/tenants/" + tenant + "/policy-packs";
        ApiClient.Response draft = api.post(packs, policyAdmin, demoPack());
        assertEquals(201, draft.status(), draft.body());
        ApiClient.Response published = api.post(packs + "/" + draft.json().get("version") + "/publish", policyAdmin,
                Map.of("effectiveFrom", LocalDate.now().toString()));
        assertEquals(200, published.status(), published.body());
    }

    /** A Russian reservist registered, his claim recorded as {@code militaryStatus}, the state recruiting, and lodged. */
    static Lodged lodgedClaim(ApiClient api, String caseworker, String given, String family, String militaryStatus) {
        ApiClient.Response applicant = api.post("/api/v1/applicants", caseworker,
                ApplicantRequest.named(given, family).birthDateUnknown().body());
        assertEquals(201, applicant.status(), applicant.body());
        String applicantId = (String) applicant.json().get("id");
        ApiClient.Response claim = api.post("/api/v1/claims", caseworker, ClaimRequest.forApplicant(applicantId)
                .statusOnly()
                .militaryStatus(militaryStatus)
                .military("recruitingActor", "STATE")
                .military("recruitingCountry", "RU")
                .body());
        assertEquals(201, claim.status(), claim.body());
        String claimId = (String) claim.json().get("id");
        ApiClient.Response lodged = api.post("/api/v1/claims/" + claimId + "/actions/lodge", caseworker, "");
        assertEquals(200, lodged.status(), lodged.body());
        return new Lodged(applicantId, claimId);
    }
}
