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
        Map<String, Object> merged = OpenApiMerge.merge(List.of(INTAKE, DOCUMENTS), List.of());
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
    @SuppressWarnings("unchecked")
    void everyOperationGetsTheErrorsOfItsKindAsProblems() {
        String documents = """
                openapi: 3.0.1
                paths:
                  /api/v1/documents/{id}:
                    get:
                      operationId: get
                      responses:
                        "200": {description: the document}
                  /api/v1/documents:
                    post:
                      operationId: upload
                      requestBody: {content: {application/octet-stream: {schema: {type: string, format: binary}}}}
                      responses:
                        "201": {description: stored}
                        "409": {description: a document with this checksum exists}
                  /api/v1/reports/backlog:
                    get:
                      operationId: backlog
                      responses:
                        "200": {description: the backlog}
                """;
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>)
                OpenApiMerge.merge(List.of(documents), List.of()).get("paths");
        Map<String, Map<String, Object>> get = (Map<String, Map<String, Object>>) paths.get("/api/v1/documents/{id}").get("get").get("responses");
        assertEquals(List.of("200", "400", "401", "403", "404", "429", "503"), List.copyOf(get.keySet()), "a path parameter: 400, 404");
        Map<String, Map<String, Object>> upload = (Map<String, Map<String, Object>>) paths.get("/api/v1/documents").get("post").get("responses");
        assertEquals(List.of("201", "400", "401", "403", "409", "413", "415", "429", "503"), List.copyOf(upload.keySet()),
                "a body: 400, 413, 415; the service's own 409 kept");
        assertEquals("a document with this checksum exists", upload.get("409").get("description"));
        assertEquals(Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))),
                upload.get("409").get("content"), "an error the service named is a problem too");
        assertFalse(upload.get("201").containsKey("content"), "a success keeps what the service said");
        Map<String, Map<String, Object>> backlog = (Map<String, Map<String, Object>>) paths.get("/api/v1/reports/backlog").get("get").get("responses");
        assertEquals(List.of("200", "401", "403", "429", "503"), List.copyOf(backlog.keySet()), "no parameter: nothing to refuse as 400");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExamplesDateStaysTheDateItWas() {
        String document = "openapi: 3.0.1\ncomponents: {schemas: {Person: {type: object, example: {birthDate: 1991-04-17}}}}\n";
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) OpenApiMerge.merge(List.of(document), List.of())
                .get("components")).get("schemas");
        assertEquals(Map.of("birthDate", "1991-04-17"), ((Map<String, Object>) schemas.get("Person")).get("example"));
    }

    @Test
    void twoServicesNamingDifferentSchemasAlikeAreNamed() {
        String one = "openapi: 3.0.1\ncomponents: {schemas: {PolicyPack: {type: object}, Same: {type: string}}}\n";
        String other = "openapi: 3.0.1\ncomponents: {schemas: {PolicyPack: {type: array}, Same: {type: string}}}\n";
        List<String> collisions = new java.util.ArrayList<>();
        OpenApiMerge.merge(List.of(one, other), List.of(), collisions);
        assertEquals(List.of("PolicyPack"), collisions, "one schema name, two meanings; the same schema twice is fine");
    }

    @Test
    void aPrefixIsThePathsFixedSegmentsWithoutTheOneTheIdRepeats() {
        assertEquals("tenantsPolicyPacksUpdate", OpenApiMerge.prefixed("/api/v1/tenants/{tenantId}/policy-packs/{version}", "update"));
        assertEquals("reportingAuditVerification", OpenApiMerge.prefixed("/api/v1/reporting-audit/verification", "verification"));
    }
}
