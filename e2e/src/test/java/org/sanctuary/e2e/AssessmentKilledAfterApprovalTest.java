package org.sanctuary.e2e;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.devstack.ServiceProcess;
import org.sanctuary.testkit.RealUpstream;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14: the assessment service is killed with SIGKILL the moment it has answered an approval — before intake has
 * read the {@code decision.approved} event — and started again on its own database. The approval and its event were
 * one transaction, so intake, reading the feed when it is back, moves the claim to DECIDED: the two services never
 * disagree for good.
 */
class AssessmentKilledAfterApprovalTest {

    private static final String TENANT = "tenant-killed";

    @Test
    void theClaimConvergesToDecided() throws Exception {
        RealUpstream upstream = RealUpstream.get().tenant(TENANT, Files.readString(
                ServiceProcess.root().resolve("devstack/src/main/resources/demo-packs/eu-member.json")));
        ServiceDatabase db = ServiceDatabase.create("assessment");
        Map<String, String> env = new HashMap<>(ServiceProcess.environment("assessment", upstream.assessmentPort, db.url(),
                db.password(), TestJwtIssuer.get().jwksUrl(), TestJwtIssuer.ISSUER, ServiceTestProperties.TEST_MASTER_KEY));
        env.put("SANCTUARY_TENANTS_URL", upstream.tenants);
        env.put("SANCTUARY_INTAKE_URL", upstream.intake);
        ServiceProcess assessment = start(env);
        ServiceProcess again = null;
        try {
            String caseworker = TestJwtIssuer.get().token(TENANT, "cw-killed", "caseworker");
            String supervisor = TestJwtIssuer.get().token(TENANT, "sv-killed", "supervisor");
            ApiClient intake = new ApiClient(upstream.intake);
            ApiClient.Response applicant = intake.post("/api/v1/applicants", caseworker,
                    ApplicantRequest.named("Олег", "Упавший").born("1990-05-05").body());
            assertEquals(201, applicant.status(), applicant.body());
            String claim = intake.post("/api/v1/claims", caseworker, ClaimRequest.forApplicant(applicant.json().get("id"))
                    .military("callUp", ClaimRequest.callUpReceived())
                    .military("served", null)
                    .military("deserted", null)
                    .body()).json().get("id").toString();
            assertEquals(200, intake.post("/api/v1/claims/" + claim + "/actions/lodge", caseworker, "").status());

            ApiClient api = new ApiClient(assessment.baseUrl());
            ApiClient.Response run = api.post("/api/v1/assessments", caseworker, Map.of("claimId", claim));
            assertEquals(201, run.status(), run.body());
            ApiClient.Response decision = api.post("/api/v1/decisions", caseworker, Map.of("assessmentId", run.json().get("id"),
                    "outcome", "REFUGEE_STATUS", "reasons", "As recommended."));
            assertEquals(201, decision.status(), decision.body());
            ApiClient.Response approved = api.post("/api/v1/decisions/" + decision.json().get("id") + "/approve", supervisor, "{}");
            ProcessHandle killed = ProcessHandle.of(assessment.pid()).orElseThrow();
            killed.destroyForcibly(); // at once: intake reads the feed every 200 ms
            assertEquals(200, approved.status(), approved.body());
            killed.onExit().get(10, TimeUnit.SECONDS);
            String atKill = status(intake, claim, caseworker);

            again = start(env); // the same database, the same port
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String status = status(intake, claim, caseworker);
            while (!"DECIDED".equals(status) && System.nanoTime() < until) {
                Thread.sleep(200);
                status = status(intake, claim, caseworker);
            }
            System.out.printf("BENCH assessment killed after an approval: the claim was %s when the process died, %s after its restart%n",
                    atKill, status);
            assertEquals("DECIDED", status, "intake applied the approval from the restarted service's feed");
        } finally {
            if (again != null) {
                again.stop();
            }
            assessment.stop();
        }
    }

    private static ServiceProcess start(Map<String, String> env) throws Exception {
        ServiceProcess process = ServiceProcess.start("assessment", Integer.parseInt(env.get("SANCTUARY_PORT")), env,
                List.of("-Xmx160m"), false);
        process.awaitHealthy(Duration.ofSeconds(90), Duration.ofMillis(50));
        return process;
    }

    private static String status(ApiClient intake, String claim, String token) {
        return (String) intake.get("/api/v1/claims/" + claim, token).json().get("status");
    }
}
