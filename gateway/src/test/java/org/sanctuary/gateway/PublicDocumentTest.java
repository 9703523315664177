package org.sanctuary.gateway;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The public document as this build wrote it from the services' documents ({@code target/sanctuary-api-v1.yml}, the one
 * {@code /api/openapi} serves): what an integrator reads in it holds for every operation (issue 15).
 */
class PublicDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(Path.of("target/sanctuary-api-v1.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations(Map<String, Object> document) {
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.forEach((method, op) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase() + " " + path, (Map<String, Object>) op);
            }
        }));
        return operations;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationSaysItsSuccessAndEveryErrorIsAProblem() throws IOException {
        List<String> wrong = new ArrayList<>();
        operations(document()).forEach((name, op) -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
            if (responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
                wrong.add(name + ": no success response");
            }
            for (String status : List.of("401", "403", "429", "503")) {
                if (!responses.containsKey(status)) {
                    wrong.add(name + ": no " + status);
                }
            }
            responses.forEach((status, response) -> {
                Object content = response.get("content");
                if (status.matches("[45]\\d\\d") && !(content instanceof Map<?, ?> media && media.containsKey("application/problem+json"))) {
                    wrong.add(name + ": " + status + " is not problem+json");
                }
            });
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRequestBodyHasAnExampleValidAgainstItsSchema() throws IOException {
        Map<String, Object> document = document();
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30());
        List<String> wrong = new ArrayList<>();
        operations(document).forEach((name, op) -> {
            if (!(op.get("requestBody") instanceof Map<?, ?> body)) {
                return;
            }
            ((Map<String, Map<String, Object>>) body.get("content")).forEach((mediaType, media) -> {
                List<Object> examples = new ArrayList<>();
                if (media.containsKey("example")) {
                    examples.add(media.get("example"));
                }
                if (media.get("examples") instanceof Map<?, ?> named) {
                    named.values().forEach(example -> examples.add(((Map<String, Object>) example).get("value")));
                }
                if (examples.isEmpty()) {
                    wrong.add(name + " " + mediaType + ": no example");
                    return;
                }
                if (!mediaType.contains("json")) {
                    return; // a file upload's example is its description
                }
                Map<String, Object> schema = new LinkedHashMap<>((Map<String, Object>) media.get("schema"));
                schema.put("components", document.get("components")); // so its $refs resolve
                for (Object example : examples) {
                    Object value = example instanceof String text && text.trim().startsWith("{") ? JSON.readTree(text) : example;
                    List<Error> errors = registry.getSchema(JSON.writeValueAsString(schema), InputFormat.JSON)
                            .validate(JSON.writeValueAsString(value), InputFormat.JSON);
                    errors.forEach(error -> wrong.add(name + ": example " + error));
                }
            });
        });
        assertEquals(List.of(), wrong);
    }
}
