package org.sanctuary.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.client.ApiClient;
import org.sanctuary.client.ApiException;
import org.sanctuary.client.api.DefaultApi;
import org.sanctuary.client.model.ApplicantRequest;
import org.sanctuary.client.model.ApplicantView;
import org.sanctuary.client.model.AssessmentControllerAssessRequest;
import org.sanctuary.client.model.ClaimRequest;
import org.sanctuary.client.model.ClaimStatus;
import org.sanctuary.client.model.ClaimView;
import org.sanctuary.client.model.CredibilityAssessment;
import org.sanctuary.client.model.MilitaryProfile;
import org.sanctuary.client.model.MilitaryProfileCallUp;
import org.sanctuary.client.model.MilitaryProfileCallUpChannel;
import org.sanctuary.client.model.MilitaryProfileMilitaryStatus;
import org.sanctuary.client.model.MilitaryProfileRecruitingActor;
import org.sanctuary.client.model.Nationality;
import org.sanctuary.client.model.PersonName;
import org.sanctuary.client.model.Recommendation;
import org.sanctuary.client.model.RegionOfOrigin;
import org.sanctuary.client.model.Sex;
import org.sanctuary.client.model.StoredAssessment;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 15: a Java client generated from the public OpenAPI document with openapi-generator ({@code java}, library
 * {@code native}; e2e/pom.xml) works as an integrator's would — it registers an applicant, drafts and lodges a claim and
 * has it assessed, through the gateway with a token from Keycloak. The document it was generated from (the gateway's
 * build merges the services' documents as {@code /api/openapi} does) is the one the gateway serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTest {

    private DefaultApi api;

    @BeforeAll
    void platform() throws Exception {
        SharedStack.ensureRunning();
        String token = LocalKeycloak.token("gov-caseworker", "gov-caseworker");
        ApiClient client = new ApiClient();
        client.updateBaseUri(DevStack.GATEWAY);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        api = new DefaultApi(client);
    }

    @Test
    void theClientWasGeneratedFromTheDocumentTheGatewayServes() throws Exception {
        JsonNode built = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../gateway/target/sanctuary-api-v1.yml").toFile());
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(DevStack.GATEWAY + "/api/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        JsonNode document = new ObjectMapper().readTree(served.body());
        assertEquals(built.get("paths"), document.get("paths"));
        assertEquals(built.get("components"), document.get("components"));
    }

    @Test
    void itRegistersLodgesAndAssessesAClaim() throws ApiException {
        ApplicantView applicant = api.register(new ApplicantRequest()
                .name(new PersonName().given("Илья").family("Сгенерированный"))
                .nationalities(List.of(new Nationality().country("RU").imposed(false)))
                .birthDate(LocalDate.now().minusYears(30)).sex(Sex.MALE)
                .regionOfOrigin(new RegionOfOrigin().country("RU").region("Moscow")), "generated-" + UUID.randomUUID());
        ClaimView claim = api.draft(new ClaimRequest().applicantId(applicant.getId())
                .military(new MilitaryProfile().status(MilitaryProfileMilitaryStatus.MOBILISED_RESERVIST)
                        .recruitingActor(MilitaryProfileRecruitingActor.STATE).recruitingCountry("RU").served(false).deserted(false)
                        .callUp(new MilitaryProfileCallUp().received(true).date(LocalDate.of(2022, 10, 3))
                                .channel(MilitaryProfileCallUpChannel.IN_PERSON).punitive(false)))
                .credibility(Map.of("militaryStatus", CredibilityAssessment.ACCEPTED, "callUp", CredibilityAssessment.ACCEPTED)), null);
        assertEquals(ClaimStatus.DRAFT, claim.getStatus());

        ClaimView lodged = api.act(claim.getId(), "lodge", null, null);
        assertEquals(ClaimStatus.LODGED, lodged.getStatus());
        StoredAssessment assessment = api.assess(new AssessmentControllerAssessRequest().claimId(claim.getId()), null, "en");
        assertEquals(Recommendation.REFUGEE_STATUS, assessment.getResult().getRecommendation());
        assertEquals(claim.getId(), assessment.getClaimId());

        // the problem the service answers reaches the client as what it is
        ApiException missing = assertThrows(ApiException.class, () -> api.act(UUID.randomUUID(), "lodge", null, null));
        assertEquals(404, missing.getCode());
    }
}
