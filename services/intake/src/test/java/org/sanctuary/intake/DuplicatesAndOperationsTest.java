package org.sanctuary.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

@MicronautTest(transactional = false)
class DuplicatesAndOperationsTest extends IntakeApiTest {

    private final String caseworker = TwoTenants.a("caseworker");

    private String register(String given, String family, String nationality, String birthDate) {
        ApiClient.Response created = api().post("/api/v1/applicants", caseworker, applicant(given, family, nationality, birthDate));
        assertEquals(201, created.status(), created.body());
        return (String) created.json().get("id");
    }

    @Test
    void findsTheSamePersonAcrossScriptsAndSpellings() {
        String cyrillic = register("Дмитрий", "Иванов", "RU", "1990-04-01");
        String icao = register("Dmitrii", "Ivanov", "RU", "1990-04-01");
        String common = register("Dmitriy", "Ivanov", "RU", "1990-04-01");
        register("Dmitriy", "Ivanov", "RU", "1991-04-01");      // another birth date
        register("Dmitriy", "Ivanov", "KZ", "1990-04-01");      // no shared nationality
        register("Сергей", "Петров", "RU", "1990-04-01");       // another name

        ApiClient.Response response = api().get("/api/v1/duplicates?applicantId=" + cyrillic, caseworker);
        assertEquals(200, response.status(), response.body());
        Set<Object> found = response.jsonList().stream().map(c -> ((Map<?, ?>) c).get("applicantId")).collect(Collectors.toSet());
        assertEquals(Set.of(icao, common), found);
        for (Object candidate : response.jsonList()) {
            assertTrue(((Number) ((Map<?, ?>) candidate).get("score")).doubleValue() >= 0.88);
        }
        assertProblem(api().get("/api/v1/duplicates", caseworker), 400);
        assertProblem(api().get("/api/v1/duplicates?applicantId=" + cyrillic, TwoTenants.a("integrator")), 403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthMetricsAndTheOpenApiDocumentAreServed() {
        // /health and /metrics only on the management port (endpoints.all.port), never on the API port
        int managementPort = server.getApplicationContext()
                .getBean(io.micronaut.management.endpoint.EndpointDefaultConfiguration.class).getPort().orElseThrow();
        ApiClient management = new ApiClient("http://127.0.0.1:" + managementPort);
        assertEquals(200, management.get("/health", null).status());
        ApiClient.Response metrics = management.get("/metrics", null);
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "prometheus format");
        assertEquals(404, api().get("/metrics", null).status(), "no metrics on the API port");
        assertEquals(404, api().get("/health", null).status(), "no health on the API port");
        ApiClient.Response openapi = api().get("/openapi/sanctuary-intake-v1.yml", null);
        assertEquals(200, openapi.status(), openapi.body());
        for (String path : List.of("/api/v1/applicants", "/api/v1/claims/{id}/actions/{action}", "/api/v1/claims/{id}/facts",
                "/api/v1/duplicates")) {
            assertTrue(openapi.body().contains(path + ":"), path);
        }
        // issue 15: what a request may leave out is not required by the document (absent reads as false)
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(openapi.body())
                .get("components")).get("schemas");
        assertEquals(List.of("status"), ((Map<String, Object>) schemas.get("MilitaryProfile")).get("required"));
        assertEquals(null, ((Map<String, Object>) schemas.get("MilitaryProfile.CallUp")).get("required"));
    }
}
