package org.sanctuary.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The public document's merge (issue 15): what a generated client needs of it, from the services' own documents. */
class OpenApiMergeTest {

    private static final String INTAKE = """
            openapi: 3.0.1
            paths:
              /api/v1/decisions/{id}:
                get:
                  operationId: get
                  security:
                  - bearer: [supervisor]
              /api/v1/claims/{id}:
                get:
                  operationId: get_1
              /api/v1/intake-audit/entries:
                get:
                  operationId: entries
              /internal/v1/feeds/rebuild:
                post:
                  operationId: rebuild
            components:
              schemas:
                Patch:
                  type: object
                  properties:
                    value:
                      nullable: true
                      anyOf:
                      - type: string
                      - type: number
                      - type: boolean
                      - type: object
                      - type: array
                    list:
                      type: array
            """;
    private static final String DOCUMENTS = """
            openapi: 3.0.1
            paths:
              /api/v1/documents/{id}:
                get:
                  operationId: get
              /api/v1/documents-audit/entries:
                get:
                  operationId: entries
              /api/v1/documents:
                post:
                  operationId: upload
            """;

    @Test
    @SuppressWarnings("unchecked")
    void operationIdsAreUniqueAnyValuesAreUntypedAndArraysHaveItems() {
        Map<String, Object> merged = OpenApiAggregate.merge(List.of(INTAKE, DOCUMENTS), List.of());
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) merged.get("paths");
        assertEquals("decisionsGet", paths.get("/api/v1/decisions/{id}").get("get").get("operationId"));
        assertEquals("documentsGet", paths.get("/api/v1/documents/{id}").get("get").get("operationId"));
        assertEquals("claimsGet", paths.get("/api/v1/claims/{id}").get("get").get("operationId"), "without the service's own number");
        assertEquals("intakeAuditEntries", paths.get("/api/v1/intake-audit/entries").get("get").get("operationId"));
        assertEquals("documentsAuditEntries", paths.get("/api/v1/documents-audit/entries").get("get").get("operationId"));
        assertEquals("upload", paths.get("/api/v1/documents").get("post").get("operationId"), "a unique id stays as it is");
        assertFalse(paths.containsKey("/internal/v1/feeds/rebuild"), "internal operations are not public");
        assertEquals(List.of("supervisor"), paths.get("/api/v1/decisions/{id}").get("get").get("x-sanctuary-roles"));

        Map<String, Object> patch = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) merged.get("components"))
                .get("schemas")).get("Patch");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) patch.get("properties");
        assertEquals(Map.of("nullable", true), properties.get("value"), "any JSON value: no type at all");
        assertEquals(Map.of("type", "array", "items", Map.of()), properties.get("list"), "an array of anything");
    }

    @Test
    void aPrefixIsThePathsFixedSegmentsWithoutTheOneTheIdRepeats() {
        assertEquals("tenantsPolicyPacksUpdate", OpenApiAggregate.prefixed("/api/v1/tenants/{tenantId}/policy-packs/{version}", "update"));
        assertEquals("reportingAuditVerification", OpenApiAggregate.prefixed("/api/v1/reporting-audit/verification", "verification"));
    }
}
