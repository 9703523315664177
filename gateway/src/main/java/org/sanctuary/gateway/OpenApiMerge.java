package org.sanctuary.gateway;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' OpenAPI documents merged into the public one: paths and component schemas side by side, operation ids
 * made unique, the responses every operation gives added ({@link OpenApiProblems}), the roles named. Served by
 * {@link OpenApiAggregate} and written at build time by {@link Build}.
 */
final class OpenApiMerge {

    private OpenApiMerge() {
    }

    /**
     * The services' documents (YAML, as micronaut-openapi writes them at build time) merged into the public one. The
     * same merge runs at build time ({@link Build}): the e2e suite generates its Java client from that document, and
     * checks it is the one served here.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(List<String> documents, List<String> unavailable) {
        return merge(documents, unavailable, new java.util.ArrayList<>());
    }

    /**
     * The merge, naming in {@code collisions} each schema name two services define differently (the last would win and
     * mistype the other's operations): the build refuses such documents ({@link Build}), so a release never has one.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(List<String> documents, List<String> unavailable, List<String> collisions) {
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> securitySchemes = new LinkedHashMap<>();
        for (String yaml : documents) {
            Map<String, Object> spec = reader().load(yaml);
            // the public contract only: /internal and management paths are never routed, so never described
            ((Map<String, Object>) spec.getOrDefault("paths", Map.of())).forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    ((Map<String, Object>) item).values().forEach(AggregateRoles::moveToExtension);
                    paths.put(path, item);
                }
            });
            Map<String, Object> components = (Map<String, Object>) spec.getOrDefault("components", Map.of());
            ((Map<String, Object>) components.getOrDefault("schemas", Map.of())).forEach((name, schema) -> {
                Object before = schemas.put(name, schema);
                if (before != null && !before.equals(schema)) {
                    collisions.add(name);
                }
            });
            securitySchemes.putAll((Map<String, Object>) components.getOrDefault("securitySchemes", Map.of()));
        }
        eachObject(schemas, schema -> {
            anyValue(schema);
            withItems(schema);
        });
        eachObject(paths, OpenApiMerge::withItems);
        uniqueOperationIds(paths);
        schemas.put(OpenApiProblems.SCHEMA, OpenApiProblems.schema());
        OpenApiProblems.document(paths);
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("openapi", "3.0.1");
        merged.put("info", Map.of("title", "Sanctuary API", "version", "v1",
                "description", "All services behind the gateway. Errors are RFC 9457 problem+json."));
        merged.put("servers", List.of(Map.of("url", "/")));
        merged.put("security", List.of(Map.of("bearer", List.of())));
        merged.put("paths", paths);
        merged.put("components", Map.of("schemas", schemas, "securitySchemes", securitySchemes));
        if (!unavailable.isEmpty()) {
            merged.put("x-unavailable", unavailable);
        }
        return java.util.Collections.unmodifiableMap(merged);
    }

    /**
     * A YAML reader for OpenAPI documents: YAML 1.2 reads an unquoted {@code 1991-04-17} (as micronaut-openapi writes an
     * example's date) as a string, SnakeYAML's YAML 1.1 as a timestamp, which would come out as {@code 1991-04-17T00:00:00Z}.
     */
    static Yaml reader() {
        org.yaml.snakeyaml.DumperOptions dumping = new org.yaml.snakeyaml.DumperOptions();
        return new Yaml(new SafeConstructor(new LoaderOptions()), new org.yaml.snakeyaml.representer.Representer(dumping), dumping,
                new LoaderOptions(), new org.yaml.snakeyaml.resolver.Resolver() {
                    @Override
                    public org.yaml.snakeyaml.nodes.Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
                        org.yaml.snakeyaml.nodes.Tag tag = super.resolve(kind, value, implicit);
                        return tag.equals(org.yaml.snakeyaml.nodes.Tag.TIMESTAMP) ? org.yaml.snakeyaml.nodes.Tag.STR : tag;
                    }
                });
    }

    private static final java.util.Set<String> JSON_TYPES = java.util.Set.of("string", "number", "boolean", "object", "array");

    /**
     * Any JSON value, as OpenAPI 3.0 says it: a schema without a type. The annotations cannot write one (a Java
     * {@code Object} becomes {@code type: object}), so a value that may be anything (a diff operation's) lists every
     * type in an {@code anyOf}; the public document says "any" plainly — generated clients read that list as a union
     * they cannot compile, but an untyped schema as their language's any-value type.
     */
    private static void anyValue(Map<String, Object> schema) {
        if (schema.get("anyOf") instanceof List<?> alternatives && alternatives.stream()
                .map(a -> a instanceof Map<?, ?> m ? m.get("type") : null).collect(java.util.stream.Collectors.toSet()).equals(JSON_TYPES)) {
            schema.remove("anyOf");
        }
    }

    /**
     * An array of any values: micronaut-openapi writes {@code List<Object>} (a diff operation's value may be one) as
     * {@code type: array} without {@code items}, which OpenAPI 3.0 requires; an empty schema is "any value".
     */
    private static void withItems(Map<String, Object> schema) {
        if ("array".equals(schema.get("type")) && !schema.containsKey("items")) {
            schema.put("items", new LinkedHashMap<>());
        }
    }

    /** Visits every JSON object of the tree under {@code node}, each before what it holds (what the visit removed is not visited). */
    @SuppressWarnings("unchecked")
    private static void eachObject(Object node, java.util.function.Consumer<Map<String, Object>> visit) {
        if (node instanceof Map<?, ?> map) {
            visit.accept((Map<String, Object>) map);
            map.values().forEach(value -> eachObject(value, visit));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> eachObject(value, visit));
        }
    }

    private static final java.util.Set<String> METHODS = java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * Operation ids unique in the document, as OpenAPI requires (a generated client names its methods by them): each
     * service names its operations after the controllers' methods, so {@code get} or {@code entries} recur (within a
     * service micronaut-openapi numbers them: {@code get_1}). An id whose name recurs is prefixed with its path's fixed
     * segments instead — {@code /api/v1/decisions/{id}} {@code get_1} becomes {@code decisionsGet},
     * {@code /api/v1/documents-audit/entries} {@code entries} becomes {@code documentsAuditEntries}.
     */
    static void uniqueOperationIds(Map<String, Object> paths) {
        Map<String, Integer> uses = new java.util.HashMap<>();
        paths.values().forEach(item -> operations(item).forEach(op -> uses.merge(base(op), 1, Integer::sum)));
        Map<String, Integer> taken = new java.util.HashMap<>();
        paths.forEach((path, item) -> operations(item).forEach(op -> {
            String id = uses.get(base(op)) > 1 ? prefixed(path, base(op)) : base(op);
            int seen = taken.merge(id, 1, Integer::sum);
            op.put("operationId", seen == 1 ? id : id + "_" + (seen - 1)); // two operations on one path with one name
        }));
    }

    /** The method's name, without micronaut-openapi's number for a name that recurs in one service. */
    private static String base(Map<String, Object> operation) {
        return String.valueOf(operation.get("operationId")).replaceFirst("_\\d+$", "");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> operations(Object item) {
        List<Map<String, Object>> operations = new java.util.ArrayList<>();
        ((Map<String, Object>) item).forEach((method, op) -> {
            if (METHODS.contains(method) && op instanceof Map<?, ?> map && map.get("operationId") != null) {
                operations.add((Map<String, Object>) map);
            }
        });
        return operations;
    }

    static String prefixed(String path, String id) {
        List<String> words = new java.util.ArrayList<>();
        List<String> segments = List.of(path.replaceFirst("^/api/v1/", "").split("/"));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.startsWith("{") || (last && segment.equalsIgnoreCase(id))) {
                continue;
            }
            for (String word : segment.split("-")) {
                words.add(words.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        words.add(Character.toUpperCase(id.charAt(0)) + id.substring(1));
        return String.join("", words);
    }

    /**
     * Writes the public document at build time from the services' build-time documents: {@code main(output, inputs…)}.
     * Run by the gateway's build (exec-maven-plugin) into {@code target/sanctuary-api-v1.yml}.
     */
    static final class Build {

        private Build() {
        }

        public static void main(String[] args) throws java.io.IOException {
            List<String> documents = new java.util.ArrayList<>();
            for (String input : List.of(args).subList(1, args.length)) {
                documents.add(java.nio.file.Files.readString(java.nio.file.Path.of(input)));
            }
            org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
            options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
            options.setDereferenceAliases(true); // each value written out: a reader of the file needs no YAML anchors
            java.nio.file.Path output = java.nio.file.Path.of(args[0]);
            java.nio.file.Files.createDirectories(output.toAbsolutePath().getParent());
            List<String> collisions = new java.util.ArrayList<>();
            Map<String, Object> merged = merge(documents, List.of(), collisions);
            if (!collisions.isEmpty()) {
                throw new IllegalStateException("services define different schemas under one name (rename one with "
                        + "@Schema(name = …)): " + collisions);
            }
            java.nio.file.Files.writeString(output, new Yaml(options).dump(new LinkedHashMap<>(merged)));
        }
    }

    /**
     * The roles an operation allows: the services' documents carry them as the scopes of the bearer requirement (as
     * micronaut-openapi writes them from {@code @Secured}, and as OpenAPI 3.1 reads a requirement); OpenAPI 3.0, which
     * this document declares, wants that list empty for an HTTP scheme. The published document keeps the requirement
     * empty and names the roles in {@code x-sanctuary-roles} (the isolation matrix derives its expectations from it).
     */
    static final class AggregateRoles {

        static final String EXTENSION = "x-sanctuary-roles";

        private AggregateRoles() {
        }

        @SuppressWarnings("unchecked")
        static void moveToExtension(Object operation) {
            if (!(operation instanceof Map<?, ?> map) || !(map.get("security") instanceof List<?> requirements)) {
                return; // a path item's parameters or summary, not an operation
            }
            List<String> roles = new java.util.ArrayList<>();
            List<Object> emptied = new java.util.ArrayList<>();
            for (Object requirement : requirements) {
                Map<String, Object> schemes = new LinkedHashMap<>();
                ((Map<String, Object>) requirement).forEach((scheme, scopes) -> {
                    ((List<?>) scopes).forEach(role -> roles.add(role.toString()));
                    schemes.put(scheme, List.of());
                });
                emptied.add(schemes);
            }
            Map<String, Object> op = (Map<String, Object>) map;
            op.put("security", emptied);
            if (!roles.isEmpty()) {
                op.put(EXTENSION, roles);
            }
        }
    }
}
