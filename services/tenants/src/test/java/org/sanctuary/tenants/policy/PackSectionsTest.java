package org.sanctuary.tenants.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.sanctuary.contracts.pack.PackSections;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pack's sections other services read (the contracts module's {@link PackSections}) against the pack's JSON Schema,
 * the source of truth: every record component names a property the schema has, of the kind the record reads; every
 * property the schema requires in those sections is read; and every example pack — the API document's, the demo
 * tenants', the acceptance suite's — is valid and reads into the records with the values it holds. A field renamed on
 * one side only fails here, not silently in intake, documents or reporting.
 */
class PackSectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentIsAPropertyOfTheSchemaAndEveryRequiredPropertyIsRead() throws IOException {
        JsonNode schema;
        try (InputStream in = PolicyPackSchema.class.getResourceAsStream("/schemas/policy-pack.schema.json")) {
            schema = JSON.readTree(in);
        }
        List<String> problems = new ArrayList<>();
        compare(PackSections.class, schema, "", problems);
        assertEquals(List.of(), problems);
    }

    private static void compare(Class<?> record, JsonNode schema, String path, List<String> problems) {
        JsonNode properties = schema.path("properties");
        List<String> read = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            read.add(name);
            JsonNode property = properties.get(name);
            if (property == null) {
                problems.add(path + name + ": read, but not in the schema");
                continue;
            }
            Class<?> type = component.getType();
            String kind = property.path("type").asText(property.has("enum") ? "string" : "");
            if (type.isRecord()) {
                if (!"object".equals(kind)) {
                    problems.add(path + name + ": a record, but the schema says " + kind);
                }
                compare(type, property, path + name + ".", problems);
            } else if (List.class.isAssignableFrom(type)) {
                if (!"array".equals(kind)) {
                    problems.add(path + name + ": a list, but the schema says " + kind);
                }
                Class<?> item = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                JsonNode items = property.path("items");
                String itemKind = items.path("type").asText(items.has("enum") ? "string" : "");
                if (item == String.class && !"string".equals(itemKind)) {
                    problems.add(path + name + "[]: text, but the schema says " + itemKind);
                }
            } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
                if (!"integer".equals(kind)) {
                    problems.add(path + name + ": a whole number, but the schema says " + kind);
                }
            } else if (type == String.class && !"string".equals(kind)) {
                problems.add(path + name + ": text, but the schema says " + kind);
            }
        }
        if (!path.isEmpty()) { // within a section we read, everything the schema requires is read
            schema.path("required").forEach(required -> {
                if (!read.contains(required.asText())) {
                    problems.add(path + required.asText() + ": required by the schema, but not read");
                }
            });
        }
    }

    @Test
    void everyExamplePackIsValidAndReadsIntoTheRecordsWithItsValues() throws IOException {
        Map<String, String> packs = examplePacks();
        assertTrue(packs.size() >= 5, packs.keySet().toString());
        JsonMapper mapper = JsonMapper.createDefault();
        for (Map.Entry<String, String> pack : packs.entrySet()) {
            assertEquals(List.of(), new PolicyPackSchema().violations(pack.getValue()), pack.getKey());
            JsonNode tree = JSON.readTree(pack.getValue());
            PackSections sections = mapper.readValue(pack.getValue(), PackSections.class);
            assertNotNull(sections.deadlines(), pack.getKey());
            assertEquals(tree.at("/deadlines/firstInstanceDecisionDays").asInt(), sections.deadlines().firstInstanceDecisionDays(), pack.getKey());
            assertEquals(tree.at("/deadlines/appealDays").asInt(), sections.deadlines().appealDays(), pack.getKey());
            if (tree.has("documents")) {
                assertEquals(tree.at("/documents/maxBytes").asLong(), sections.documents().maxBytes(), pack.getKey());
                assertEquals(tree.at("/documents/allowedTypes").size(), sections.documents().allowedTypes().size(), pack.getKey());
                assertEquals(tree.at("/documents/retentionYears").asInt(), sections.documents().retentionYears(), pack.getKey());
            }
            if (tree.has("reporting")) {
                assertEquals(tree.at("/reporting/smallCellThreshold").asInt(), sections.reporting().smallCellThreshold(), pack.getKey());
                assertEquals(tree.at("/reporting/rounding").asInt(), sections.reporting().rounding(), pack.getKey());
            }
            if (tree.has("recognitionRate")) {
                assertEquals(tree.at("/recognitionRate/positive").size(), sections.recognitionRate().positive().size(), pack.getKey());
            }
        }
    }

    /** The API document's example, the demo tenants' packs (devstack) and the acceptance suite's (assessment). */
    private static Map<String, String> examplePacks() throws IOException {
        Map<String, String> packs = new LinkedHashMap<>();
        packs.put("the API document's example", PolicyPackController.EXAMPLE_PACK);
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("devstack"))) {
            root = root.getParent();
        }
        assertNotNull(root, "the repository root");
        for (Path folder : List.of(root.resolve("devstack/src/main/resources/demo-packs"),
                root.resolve("services/assessment/src/test/resources/acceptance/packs"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    packs.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return packs;
    }
}
