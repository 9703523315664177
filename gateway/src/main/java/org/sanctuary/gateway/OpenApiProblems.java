package org.sanctuary.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The error responses of the public document. Every error is RFC 9457 problem+json ({@code Problem}, docs/problems.md).
 * The responses every operation of a kind can give are added here, from the operation's shape, so no controller repeats
 * them: 401, 403, 429 (the gateway's limits) and 503 (a service not answering) everywhere; 400 to an operation that
 * takes any parameter or a body; 404 to one with a path parameter; 413 and 415 to one with a body. What only some operations
 * answer (409, 410, 412, 422, 428, …) each service documents on the operation itself, with a description and no content:
 * every 4xx and 5xx response without content gets the problem schema here.
 */
final class OpenApiProblems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String SCHEMA = "Problem";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiProblems() {
    }

    /** The problem schema, as the services and the gateway write it (common's {@code Problem}). */
    static Map<String, Object> schema() {
        Map<String, Object> violation = Map.of("type", "object", "required", List.of("field", "message"),
                "properties", Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string")));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri",
                "description", "What went wrong, stable: clients switch on it (https://sanctuary.example/problems/…)"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer", "format", "int32"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("violations", Map.of("type", "array", "items", violation,
                "description", "The request's fields that broke the contract, each with why"));
        return Map.of("type", "object", "required", List.of("type", "title", "status"), "properties", properties,
                "description", "RFC 9457 problem details");
    }

    /** Adds the responses every operation of its kind gives, and the problem content to every error response. */
    @SuppressWarnings("unchecked")
    static void document(Map<String, Object> paths) {
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            if (METHODS.contains(method) && value instanceof Map<?, ?> operation) {
                document(path, (Map<String, Object>) operation, ((Map<String, Object>) item).get("parameters"));
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static void document(String path, Map<String, Object> operation, Object pathItemParameters) {
        Map<String, Object> responses = (Map<String, Object>) operation.computeIfAbsent("responses", k -> new LinkedHashMap<>());
        boolean body = operation.containsKey("requestBody");
        boolean parameters = body || path.contains("{") || operation.get("parameters") instanceof List<?> list && !list.isEmpty()
                || pathItemParameters instanceof List<?> shared && !shared.isEmpty();
        if (parameters) {
            responses.putIfAbsent("400", description("The request is not valid: the problem names each field and why "
                    + "(validation, malformed-request)"));
        }
        responses.putIfAbsent("401", description("No valid bearer token (unauthenticated)"));
        responses.putIfAbsent("403", description("The token's roles do not allow this, or its organization is not one active "
                + "organization (forbidden, tenant-unresolved, tenant-inactive)"));
        if (path.contains("{")) {
            responses.putIfAbsent("404", description("No such resource in your organization; another organization's answers the "
                    + "same (not-found)"));
        }
        if (body) {
            responses.putIfAbsent("413", description("The body is larger than this operation reads (payload-too-large)"));
            responses.putIfAbsent("415", description("The body's media type is not one this operation reads (unsupported-media-type)"));
        }
        responses.putIfAbsent("429", description("Your organization or address sent too many requests; retry after the "
                + "RateLimit-Reset seconds (too-many-requests)"));
        responses.putIfAbsent("503", description("The service is not answering now; retry later (unavailable)"));
        responses.forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && response instanceof Map<?, ?> map && !map.containsKey("content")) {
                ((Map<String, Object>) map).put("content", Map.of(MEDIA_TYPE, Map.of("schema",
                        Map.of("$ref", "#/components/schemas/" + SCHEMA))));
            }
        });
        sortByStatus(operation);
    }

    private static Map<String, Object> description(String text) {
        return new LinkedHashMap<>(Map.of("description", text));
    }

    /** Responses in the order of their status, success first, as a reader looks for them. */
    @SuppressWarnings("unchecked")
    private static void sortByStatus(Map<String, Object> operation) {
        Map<String, Object> sorted = new java.util.TreeMap<>((Map<String, Object>) operation.get("responses"));
        operation.put("responses", new LinkedHashMap<>(sorted));
    }
}
