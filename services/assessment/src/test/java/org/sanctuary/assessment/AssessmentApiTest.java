package org.sanctuary.assessment;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.testkit.MovableClock;
import org.sanctuary.testkit.RealUpstream;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Base of the service's API tests: its own database, the real intake and tenants beside it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssessmentApiTest implements TestPropertyProvider {

    protected final ServiceDatabase db = ServiceDatabase.create("assessment");
    protected final RealUpstream upstream = RealUpstream.get()
            .tenant(TwoTenants.A, pack("eu-member.json"))          // tenant A follows the EU pack
            .tenant(TwoTenants.B, pack("convention-strict.json")); // tenant B the Convention-only one

    private static String pack(String file) {
        try {
            return java.nio.file.Files.readString(org.sanctuary.assessment.engine.AcceptanceSuite.ROOT.resolve("packs").resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Inject
    EmbeddedServer server;

    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.intake.url", upstream.intake);
        properties.put("sanctuary.tenants.url", upstream.tenants);
        // intake reads this service's feed here: approved decisions and lodged appeals move its claims
        properties.put("micronaut.server.port", Integer.toString(upstream.assessmentPort));
        return properties;
    }

    protected ApiClient api() {
        return new ApiClient(server.getURL().toString());
    }

    protected ApiClient intake() {
        return new ApiClient(upstream.intake);
    }

    protected static String token(String tenant, String subject, String... roles) {
        return TestJwtIssuer.get().token(tenant, subject, roles);
    }

    /**
     * A lodged claim in intake for the tenant: a Russian reservist with an accepted call-up (the EU pack
     * recommends refugee status), created and lodged by {@code caseworker}.
     */
    protected String lodgedClaim(String caseworker) {
        String id = draftClaim(caseworker);
        ApiClient.Response lodged = intake().post("/api/v1/claims/" + id + "/actions/lodge", caseworker, "");
        assertEquals(200, lodged.status(), lodged.body());
        return id;
    }

    protected String draftClaim(String caseworker) {
        ApiClient.Response applicant = intake().post("/api/v1/applicants", caseworker, ApplicantRequest.named("Илья", "Смирнов")
                .born(LocalDate.now(ZoneOffset.UTC).minusYears(29).toString())
                .regionOfOrigin("RU", "Moscow")
                .body());
        assertEquals(201, applicant.status(), applicant.body());
        ApiClient.Response claim = intake().post("/api/v1/claims", caseworker, ClaimRequest.forApplicant(applicant.json().get("id"))
                .military("callUp", ClaimRequest.callUp("2022-10-03", "IN_PERSON"))
                .body());
        assertEquals(201, claim.status(), claim.body());
        return claim.json().get("id").toString();
    }

    protected String claimStatus(String claimId, String token) {
        ApiClient.Response claim = intake().get("/api/v1/claims/" + claimId, token);
        assertEquals(200, claim.status(), claim.body());
        return claim.json().get("status").toString();
    }

    /** Intake moves the claim when it reads this service's event (within a second or so): waits up to 20 s for it. */
    protected void awaitClaimStatus(String claimId, String expected, String token) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        String status = claimStatus(claimId, token);
        while (!status.equals(expected) && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = claimStatus(claimId, token);
        }
        assertEquals(expected, status, "claim " + claimId + " after intake read the assessment feed");
    }
}
