package org.sanctuary.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.devstack.DevStack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The public contract as the gateway publishes it ({@code /api/openapi}): every operation with the roles it allows
 * ({@code x-sanctuary-roles}), its parameters, its request body's media type and schema, and the service that serves
 * it (the one whose own document lists the path).
 */
record Contract(List<Operation> operations, JsonNode schemas) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Operation(String method, String path, Set<String> roles, List<JsonNode> parameters, String bodyType, JsonNode bodySchema,
                     String service) {

        boolean read() {
            return method.equals("GET");
        }

        boolean body() {
            return bodyType != null;
        }

        String name() {
            return method + " " + path;
        }
    }

    /** The contract of the local stack ({@code ./sanctuary up}, or the one the suite started). */
    static Contract local() throws IOException {
        ApiClient.Response document = new ApiClient(DevStack.GATEWAY).get("/api/openapi", null);
        assertEquals(200, document.status(), document.body());
        JsonNode contract = JSON.readTree(document.body());
        Map<String, String> serviceDocuments = new HashMap<>();
        DevStack.Layout.LOCAL.services().forEach((service, port) -> serviceDocuments.put(service,
                new ApiClient("http://127.0.0.1:" + port).get("/openapi/sanctuary-" + service + "-v1.yml", null).body()));
        List<Operation> operations = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                return;
            }
            JsonNode op = method.getValue();
            Set<String> roles = new LinkedHashSet<>();
            op.path("x-sanctuary-roles").forEach(role -> roles.add(role.asText()));
            List<JsonNode> parameters = new ArrayList<>();
            op.path("parameters").forEach(parameters::add);
            Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
            Map.Entry<String, JsonNode> body = content.hasNext() ? content.next() : null;
            String service = serviceDocuments.entrySet().stream().filter(d -> d.getValue().contains("\n  " + path.getKey() + ":\n"))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no service documents " + path.getKey()));
            operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), roles, parameters,
                    body == null ? null : body.getKey(), body == null ? null : body.getValue().path("schema"), service));
        }));
        return new Contract(List.copyOf(operations), contract.path("components").path("schemas"));
    }

    /** A client of the service that serves {@code op}, at its own port (it checks tokens itself). */
    static ApiClient serviceOf(Operation op) {
        return new ApiClient("http://127.0.0.1:" + DevStack.Layout.LOCAL.services().get(op.service()));
    }
}
