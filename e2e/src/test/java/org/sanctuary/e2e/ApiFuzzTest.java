package org.sanctuary.e2e;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.Jazzer;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;
import org.sanctuary.e2e.Contract.Operation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: Jazzer fuzzes the JSON body and the query parameters of every operation of {@code /api/openapi}, sent
 * with a token of a role the operation allows to the service that owns it, in a tenant of its own (provisioned for
 * the run, so nothing the fuzzer writes touches the demo tenants). Bodies and values are built from the operation's
 * schemas and the fuzzer's bytes: mostly well-formed JSON with any values, sometimes any bytes at all. Every answer
 * must be below 500 and every 4xx a problem+json; the fuzzer is steered towards new (operation, status) pairs
 * ({@link Jazzer#exploreState}), the services being other processes. After the run the databases are checked for
 * half-written records: every row the run created has the audit entry of its creation (they are one transaction),
 * and every audit chain of the tenant verifies.
 *
 * <p>Fuzzing, not only the seeds, runs in {@code ./mvnw verify} ({@code JAZZER_FUZZ=1} is set for this module, see
 * its pom), bounded by {@code maxDuration}.
 */
@Order(Integer.MAX_VALUE) // last of the suite (junit-platform.properties): Jazzer's agent stays once started
class ApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TENANT_ROLES = List.of("caseworker", "supervisor", "policy-admin", "analyst", "auditor");

    private static final List<Operation> operations = new ArrayList<>();
    private static JsonNode schemas;
    private static final Map<String, String> tokens = new HashMap<>();
    private static final Map<String, String> fixtures = new HashMap<>();
    private static final Map<String, ApiClient> clients = new HashMap<>();
    private static final Map<String, JsonNode> seeds = new HashMap<>();
    private static String tenant;
    private static final AtomicLong requests = new AtomicLong();
    private static final List<String> findings = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Long> statuses = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void aTenantOfItsOwn() throws Exception {
        SharedStack.ensureRunning();
        ApiClient gateway = new ApiClient(DevStack.GATEWAY);
        tenant = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        String platform = LocalKeycloak.token("platform-admin", "platform-admin");
        ApiClient.Response created = gateway.post("/api/v1/tenants", platform, Map.of("id", tenant, "name", "Fuzzing " + tenant,
                "kind", "NGO", "jurisdiction", "DE", "adminEmail", tenant + "@agency.example"));
        assertEquals(201, created.status(), created.body());
        for (String role : TENANT_ROLES) {
            RealmUsers.add(tenant, tenant + "-" + role + "-user", role);
            tokens.put(role, LocalKeycloak.token(tenant + "-" + role + "-user", tenant + "-" + role + "-user"));
        }
        tokens.put("platform-admin", platform);
        Casework.publishDemoPack(gateway, tokens.get("policy-admin"), tenant);
        String pack = Casework.demoPack();

        String caseworker = tokens.get("caseworker");
        Casework.Lodged lodged = Casework.lodgedClaim(gateway, caseworker, "Фаззер", "Тестов", "MOBILISED_RESERVIST");
        fixtures.put("applicants", lodged.applicantId());
        fixtures.put("claims", lodged.claimId());
        fixtures.put("tenants", tenant);
        ApiClient.Response assessment = gateway.post("/api/v1/assessments", caseworker, Map.of("claimId", fixtures.get("claims")));
        assertEquals(201, assessment.status(), assessment.body());
        fixtures.put("assessments", (String) assessment.json().get("id"));

        // valid bodies the fuzzer mutates (besides building its own from the schemas): most of its requests then get
        // past validation, into the services' logic and their writes
        JsonNode person = JSON.readTree("{\"name\":{\"given\":\"Иван\",\"family\":\"Петров\"},\"nationalities\":[{\"country\":\"RU\","
                + "\"imposed\":false}],\"birthDate\":\"1990-04-01\",\"sex\":\"MALE\",\"languages\":[\"ru\"]}");
        JsonNode claimBody = JSON.readTree("{\"applicantId\":\"" + fixtures.get("applicants") + "\",\"military\":{\"status\":"
                + "\"MOBILISED_RESERVIST\",\"recruitingActor\":\"STATE\",\"recruitingCountry\":\"RU\",\"served\":false,\"deserted\":false},"
                + "\"credibility\":{\"militaryStatus\":\"ACCEPTED\"}}");
        seeds.put("POST /api/v1/applicants", person);
        seeds.put("PUT /api/v1/applicants/{id}", person);
        seeds.put("POST /api/v1/claims", claimBody);
        seeds.put("PUT /api/v1/claims/{id}", claimBody);
        seeds.put("POST /api/v1/claims/{id}/notes", JSON.readTree("{\"text\":\"Повестка вручена 21.09.2022\"}"));
        seeds.put("POST /api/v1/tenants/{tenantId}/policy-packs", JSON.readTree(pack));
        seeds.put("PUT /api/v1/tenants/{tenantId}/policy-packs/{version}", JSON.readTree(pack));
        seeds.put("POST /api/v1/assessments", JSON.readTree("{\"claimId\":\"" + fixtures.get("claims") + "\"}"));
        seeds.put("POST /api/v1/decisions", JSON.readTree("{\"assessmentId\":\"" + fixtures.get("assessments")
                + "\",\"outcome\":\"REFUGEE_STATUS\",\"reasons\":\"Shepherd\"}"));
        seeds.put("POST /api/v1/assessments/simulate", JSON.createObjectNode().set("facts",
                JSON.readTree(gateway.get("/api/v1/claims/" + fixtures.get("claims") + "/facts", caseworker).body())));

        Contract contract = Contract.local();
        operations.addAll(contract.operations());
        schemas = contract.schemas();
        for (Operation op : operations) {
            clients.computeIfAbsent(op.service(), service -> Contract.serviceOf(op));
        }
        assertTrue(operations.size() >= 60, "every operation: " + operations.size());
    }

    @FuzzTest(maxDuration = "60s")
    void anyBodyAndQueryIsAnsweredBelow500AndEveryRefusalIsAProblem(FuzzedDataProvider data) {
        try {
            fuzzOnce(data);
        } catch (AssertionError | RuntimeException finding) { // a 5xx, a non-problem, a service gone, a detector's report
            // kept, not thrown: a finding thrown out of a fuzz test never reaches Maven's report (Jazzer 0.30 with
            // JUnit 5.14 under Surefire: "Tests run: 0", a green build); the class fails after the run instead
            findings.add(finding + (finding.getCause() == null ? "" : " — " + finding.getCause()));
        }
    }

    private static void fuzzOnce(FuzzedDataProvider data) {
        int index = data.consumeInt(0, operations.size() - 1);
        Operation op = operations.get(index);
        List<String> roles = List.copyOf(op.roles());
        String role = roles.isEmpty() ? "caseworker" : roles.get(data.consumeInt(0, roles.size() - 1));
        String token = tokens.getOrDefault(role, tokens.get("caseworker")); // an integrator's operations are caseworkers' too
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.parameters()) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if (in.equals("header") || (!parameter.path("required").asBoolean() && data.consumeBoolean())) {
                continue;
            }
            String value = value(op, name, parameter.path("schema"), data);
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            } else {
                query.append(query.length() == 0 ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new HashMap<>();
        String body = null;
        if (op.bodyType() != null) {
            headers.put("Content-Type", op.bodyType().equals("application/json") ? "application/json" : "application/pdf");
            JsonNode seed = seeds.get(op.method() + " " + op.path());
            int shape = data.consumeInt(0, 9);
            body = shape == 0 ? data.consumeString(200) // any text at all
                    : !op.bodyType().equals("application/json") ? "%PDF-1.4\n%" + data.consumeString(100) + "\n%%EOF\n" // evidence
                    : seed != null && shape > 3 ? mutate(seed, data).toString()
                    : generate(op.bodySchema(), data, 0).toString();
        }
        ApiClient.Response answer;
        // Jazzer's SSRF detector reports every connection it did not allow: the services on this machine are the target
        try (SilentCloseable local = BugDetectors.allowNetworkConnections()) {
            answer = clients.get(op.service()).send(op.method(), path + query, token, body, headers);
        } catch (AssertionError fiveHundred) { // the client refuses to return a 5xx
            throw new AssertionError(op.method() + " " + op.path() + " as " + role + " → " + path + query + " with " + body, fiveHundred);
        }
        requests.incrementAndGet();
        statuses.merge(op.method() + " " + op.path() + " " + answer.status(), 1L, Long::sum);
        Jazzer.exploreState((byte) (answer.status() % 256), index);
        if (answer.status() >= 500) {
            throw new AssertionError(op.method() + " " + path + query + " answered " + answer.status() + ": " + answer.body() + " to " + body);
        }
        if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            throw new AssertionError(op.method() + " " + path + query + " answered " + answer.status() + " as " + answer.contentType()
                    + ", not a problem: " + answer.body() + " to " + body);
        }
    }

    /** A value for a parameter: a real id of the run's tenant, a value its schema allows, or any text. */
    private static String value(Operation op, String name, JsonNode schema, FuzzedDataProvider data) {
        int pick = data.consumeInt(0, 3);
        if (pick == 0) {
            return data.consumeString(40);
        }
        if (name.equals("id") && op.path().startsWith("/api/v1/tenants/")) {
            return "fz-" + data.consumeAsciiString(12); // never a real tenant: the registry's operations act on their id
        }
        if (name.equals("tenantId")) {
            return tenant;
        }
        String kind = name.equals("claimId") ? "claims" : name.equals("applicantId") || name.equals("ids") ? "applicants"
                : name.equals("id") ? op.path().replaceAll("^/api/v1/([a-z-]+)/.*", "$1") : null;
        if (kind != null && fixtures.containsKey(kind) && pick == 1) {
            return fixtures.get(kind);
        }
        return scalar(resolve(schema), data).asText();
    }

    /** A valid body with a few of its values replaced by anything, or removed. */
    private static JsonNode mutate(JsonNode seed, FuzzedDataProvider data) {
        JsonNode copy = seed.deepCopy();
        for (int edits = data.consumeInt(0, 3); edits > 0; edits--) {
            List<JsonNode> parents = new ArrayList<>();
            collectContainers(copy, parents);
            JsonNode parent = parents.get(data.consumeInt(0, parents.size() - 1));
            if (parent instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(data.consumeInt(0, names.size() - 1));
                if (data.consumeInt(0, 3) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, scalar(object.get(name).isTextual() ? NODES.objectNode().put("type", "string") : NODES.objectNode(), data));
                }
            } else if (parent instanceof ArrayNode array && array.size() > 0) {
                array.set(data.consumeInt(0, array.size() - 1), scalar(NODES.objectNode(), data));
            }
        }
        return copy;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    /** A JSON value of {@code schema} with the fuzzer's values; sometimes a field too many, one missing, or a wrong type. */
    private static JsonNode generate(JsonNode schema, FuzzedDataProvider data, int depth) {
        schema = resolve(schema);
        if (depth > 4 || data.consumeInt(0, 15) == 0) {
            return scalar(NODES.objectNode(), data); // any type where this one was expected
        }
        if (schema.has("properties") || "object".equals(schema.path("type").asText())) {
            ObjectNode object = NODES.objectNode();
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            schema.path("properties").fields().forEachRemaining(property -> {
                if (required.contains(property.getKey()) ? data.consumeInt(0, 7) != 0 : data.consumeBoolean()) {
                    object.set(property.getKey(), generate(property.getValue(), data, depth + 1));
                }
            });
            if (data.consumeInt(0, 7) == 0) {
                object.set(data.consumeString(12), scalar(NODES.objectNode(), data));
            }
            return object;
        }
        if ("array".equals(schema.path("type").asText())) {
            ArrayNode array = NODES.arrayNode();
            for (int i = data.consumeInt(0, 3); i > 0; i--) {
                array.add(generate(schema.path("items"), data, depth + 1));
            }
            return array;
        }
        return scalar(schema, data);
    }

    private static JsonNode scalar(JsonNode schema, FuzzedDataProvider data) {
        if (schema.has("enum") && data.consumeInt(0, 4) != 0) {
            return schema.get("enum").get(data.consumeInt(0, schema.get("enum").size() - 1));
        }
        String type = schema.path("type").asText(schema.isEmpty() ? "any" : "string");
        String format = schema.path("format").asText();
        return switch (data.consumeInt(0, 9) == 0 ? "any" : type) {
            case "integer" -> NODES.numberNode(data.consumeLong());
            case "number" -> NODES.numberNode(data.consumeRegularDouble());
            case "boolean" -> NODES.booleanNode(data.consumeBoolean());
            case "string" -> switch (format) {
                case "uuid" -> NODES.textNode(data.consumeBoolean() ? fixtures.get("claims") : UUID.nameUUIDFromBytes(data.consumeBytes(8)).toString());
                case "date" -> NODES.textNode(LocalDate.of(data.consumeInt(1, 9999), data.consumeInt(1, 12), data.consumeInt(1, 28)).toString());
                case "date-time" -> NODES.textNode(LocalDate.of(data.consumeInt(1, 9999), 1, 1) + "T00:00:00Z");
                default -> NODES.textNode(data.consumeString(60));
            };
            default -> switch (data.consumeInt(0, 4)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.numberNode(data.consumeInt());
                case 2 -> NODES.arrayNode().add(data.consumeString(10));
                case 3 -> NODES.objectNode();
                default -> NODES.textNode(data.consumeString(30));
            };
        };
    }

    private static JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            schema = schemas.path(schema.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        if (schema.has("oneOf") && schema.get("oneOf").size() > 0) {
            return resolve(schema.get("oneOf").get(0));
        }
        return schema;
    }

    /** Nothing half-written: every row the run created has its creation's audit entry, and every chain verifies. */
    @AfterAll
    static void nothingHalfWritten() throws Exception {
        if (tenant == null || operations.isEmpty()) {
            return; // the tenant was never set up: nothing ran
        }
        try (SilentCloseable database = BugDetectors.allowNetworkConnections()) { // Jazzer's SSRF detector is still watching
            checkNothingHalfWritten();
        }
    }

    private static void checkNothingHalfWritten() throws Exception {
        System.out.printf("BENCH api fuzzing: %d operations, %d requests, %d (operation, status) pairs reached%n", operations.size(),
                requests.get(), statuses.size());
        String[][] creations = {{"intake", "applicant", "applicant.create"}, {"intake", "claim", "claim.create"},
                {"assessment", "assessment", "assessment.create"}, {"assessment", "decision", "decision.create"},
                {"assessment", "appeal", "appeal.create"}, {"documents", "document", "document.create"}};
        List<String> halfWritten = new ArrayList<>();
        Map<String, Long> rows = new HashMap<>();
        for (String[] creation : creations) {
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DevStack.POSTGRES_PORT + "/" + creation[0],
                    "postgres", "");
                 PreparedStatement st = db.prepareStatement("select count(*), count(*) filter (where not exists (select 1 from audit_entry a "
                         + "where a.tenant_id = t.tenant_id and a.action = ? and a.resource_id = t.id::text and a.outcome = 'SUCCESS')) "
                         + "from " + creation[1] + " t where t.tenant_id = ?")) {
                st.setString(1, creation[2]);
                st.setString(2, tenant);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    rows.put(creation[1], rs.getLong(1));
                    if (rs.getLong(2) > 0) {
                        halfWritten.add(rs.getLong(2) + " " + creation[1] + " rows without their " + creation[2] + " audit entry");
                    }
                }
            }
        }
        ApiClient gateway = new ApiClient(DevStack.GATEWAY);
        for (String service : List.of("intake", "tenants", "assessment", "documents", "reporting")) {
            ApiClient.Response verification = gateway.get("/api/v1/" + service + "-audit/verification", tokens.get("auditor"));
            if (verification.status() != 200 || !verification.body().contains("\"intact\":true")) {
                halfWritten.add(service + "'s audit chain: " + verification.body());
            }
        }
        System.out.printf("BENCH api fuzzing found in the database: %s; %d findings%n", rows, findings.size());
        boolean fuzzed = System.getenv("JAZZER_FUZZ") != null || "1".equals(System.getProperty("JAZZER_FUZZ"));
        assertAll(() -> assertEquals(List.of(), findings.stream().distinct().limit(20).toList(),
                        "answers of 500 and above, refusals that are not problems, services gone"),
                () -> assertEquals(List.of(), halfWritten, "half-written records after fuzzing"),
                // a run that reached nothing proves nothing: real fuzzing must have got requests through to writes
                () -> assertTrue(!fuzzed || requests.get() >= 1_000, "requests sent: " + requests.get()),
                () -> assertTrue(!fuzzed || rows.get("claim") + rows.get("applicant") > 4, "rows the fuzzer created: " + rows));
    }
}
