package org.sanctuary.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.sanctuary.e2e.Contract.Operation;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the isolation matrix, generated from the contract. Every operation of {@code /api/openapi} is called by
 * every caller: each role of the realm (through the gateway), with the own tenant's resources, with ids that exist
 * nowhere and with another tenant's ids; and with no token, an expired one, a forged signature, another issuer, a
 * token of another client of the realm and an ID token (at the service that owns the operation, which checks tokens
 * itself; a sample also through the gateway). What each cell must answer is derived, never written per case:
 * <ul>
 *   <li>the roles an operation allows are its {@code x-sanctuary-roles} in the document (generated from the
 *   {@code @Secured} that enforces them); a caller whose token carries none of them gets 403, whatever the ids;</li>
 *   <li>an allowed caller is let through (neither 401 nor 403; a read of its own tenant's resource is 200);</li>
 *   <li>another tenant's id answers exactly what an id that exists nowhere answers (never a 2xx), and no answer
 *   to a caller carries an id of the other tenant;</li>
 *   <li>a token that is not a valid access token of this realm issued to the platform is 401.</li>
 * </ul>
 * Writes never succeed here by construction: own-tenant writes name ids that exist nowhere or carry an empty
 * body, so the matrix changes nothing it could later read wrongly. The table is written to
 * {@code target/isolation-matrix.md} (copied into docs/security.md).
 */
class IsolationMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN = "demo-gov";
    private static final String OTHER = "demo-ngo";
    private static final String ABSENT_TENANT = "matrix-absent";
    private static final String ABSENT_VERSION = "999999";
    /** Bodies that pass validation, for writes naming another tenant's resource (or one that exists nowhere). */
    private static final Map<String, String> VALID_BODIES = Map.ofEntries(
            Map.entry("PUT /api/v1/applicants/{id}", "{\"name\":{\"given\":\"Иван\",\"family\":\"Чужой\"},"
                    + "\"nationalities\":[{\"country\":\"RU\",\"imposed\":false}],\"sex\":\"MALE\"}"),
            Map.entry("PUT /api/v1/claims/{id}", "{\"applicantId\":\"{applicant}\",\"military\":{\"status\":\"DESERTER\"}}"),
            Map.entry("POST /api/v1/claims/{id}/notes", "{\"text\":\"A note another tenant must never receive.\"}"),
            Map.entry("PUT /api/v1/claims/{id}/assignee", "{\"caseworker\":\"matrix-someone\"}"),
            Map.entry("POST /api/v1/claims/{id}/actions/{action}", "{\"reason\":\"isolation matrix\"}"),
            Map.entry("POST /api/v1/decisions/{id}/approve", "{\"comments\":\"approved from another tenant?\"}"),
            Map.entry("POST /api/v1/decisions/{id}/return", "{\"comments\":\"returned from another tenant?\"}"),
            Map.entry("POST /api/v1/decisions/{id}/appeals", "{\"grounds\":\"appealed from another tenant?\"}"),
            Map.entry("DELETE /api/v1/documents/{id}", "{\"reason\":\"deleted from another tenant?\"}"),
            Map.entry("PUT /api/v1/documents/{id}/legal-hold", "{\"hold\":true,\"reason\":\"held from another tenant?\"}"),
            Map.entry("POST /api/v1/tenants/{tenantId}/policy-packs/{version}/publish",
                    "{\"effectiveFrom\":\"" + java.time.LocalDate.now().plusDays(1) + "\"}"));
    private static final String REASON = "isolation matrix (issue 14)";
    /** Marks, among a caller's roles, that its token names exactly one organization (it acts for a tenant). */
    private static final String ORGANIZATION = "(organization)";

    /** The ids a request names: the own tenant's, the other tenant's, or ids that exist nowhere. */
    record Ids(String tenant, Map<String, String> byKind) {
    }

    private static final Map<String, String> callers = new LinkedHashMap<>(); // caller → token
    private static final Map<String, Set<String>> callerRoles = new HashMap<>();
    private static final Map<String, String> badTokens = new LinkedHashMap<>();
    private static Ids own;
    private static Ids other;
    private static Ids absent;
    private static final Set<String> otherIds = new LinkedHashSet<>(); // the other tenant's resources' ids
    private final ApiClient gateway = new ApiClient(DevStack.GATEWAY);

    @BeforeAll
    static void stackUsersAndFixtures() throws Exception {
        SharedStack.ensureRunning();
        for (String user : List.of("gov-caseworker", "gov-supervisor", "gov-policy-admin", "gov-analyst", "gov-auditor", "platform-admin")) {
            callers.put(user.replace("gov-", ""), LocalKeycloak.token(user, user));
        }
        callers.put("integrator", LocalKeycloak.clientToken("demo-gov-integrator", "local-demo-only-integrator-secret"));
        callers.put("platform-service", LocalKeycloak.clientToken("sanctuary-platform", "local-demo-only-platform-secret"));
        callers.forEach((caller, token) -> callerRoles.put(caller, roles(token)));

        String ngoCaseworker = LocalKeycloak.token("ngo-caseworker", "ngo-caseworker");
        String ngoPolicyAdmin = LocalKeycloak.token("ngo-policy-admin", "ngo-policy-admin");
        own = fixtures(OWN, LocalKeycloak.token("gov-caseworker", "gov-caseworker"), callers.get("policy-admin"));
        other = fixtures(OTHER, ngoCaseworker, ngoPolicyAdmin);
        // the other tenant's resources: the named ones, and canaries that no request of the matrix ever names
        Ids canary = fixtures(OTHER, ngoCaseworker, ngoPolicyAdmin);
        for (String kind : List.of("applicants", "claims", "documents", "assessments", "decisions", "webhooks")) {
            otherIds.add(canary.byKind().get(kind));
            otherIds.add(other.byKind().get(kind));
        }
        Map<String, String> nowhere = new HashMap<>();
        for (String kind : List.of("applicants", "claims", "documents", "assessments", "decisions", "webhooks", "deliveries")) {
            nowhere.put(kind, UUID.randomUUID().toString());
        }
        nowhere.put("tenants", ABSENT_TENANT);
        nowhere.put("version", ABSENT_VERSION);
        absent = new Ids(ABSENT_TENANT, nowhere);

        String valid = callers.get("caseworker");
        badTokens.put("no token", null);
        badTokens.put("expired", expiredToken());
        badTokens.put("forged signature", forged(valid));
        badTokens.put("other issuer", masterRealmToken());
        badTokens.put("other client", otherClientToken());
        badTokens.put("ID token", idToken());
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheRoleTableSays() throws Exception {
        List<Operation> operations = Contract.local().operations();
        assertTrue(operations.size() >= 60, "the public document lists every operation: " + operations.size());
        List<String> failures = new ArrayList<>();
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        int requests = 0;
        int crossTenantSuccesses = 0;
        int escalations = 0;
        for (Operation op : operations) {
            Map<String, String> row = new LinkedHashMap<>();
            table.put(op.name(), row);
            Set<String> otherAnswers = new TreeSet<>();
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                // no roles named: any caller that acts for an organization (a token naming one)
                boolean allowed = op.roles().isEmpty() ? callerRoles.get(caller.getKey()).contains(ORGANIZATION)
                        : op.roles().stream().anyMatch(callerRoles.get(caller.getKey())::contains);
                Ids ownCell = op.read() ? own : absent;
                ApiClient.Response ownAnswer = call(op, ownCell, caller.getValue(), gateway);
                requests++;
                row.put(caller.getKey(), Integer.toString(ownAnswer.status()));
                leaks(op, caller.getKey(), "own", target(op, ownCell), ownAnswer, failures);
                if (!allowed) {
                    if (ownAnswer.status() != 403) {
                        escalations++;
                        failures.add(op.name() + " as " + caller.getKey() + " (not among " + op.roles() + "): " + ownAnswer.status());
                    }
                    continue;
                }
                if (ownAnswer.status() == 401 || ownAnswer.status() == 403 || (op.read() && !op.roles().isEmpty() && ownAnswer.status() != 200)) {
                    failures.add(op.name() + " as " + caller.getKey() + " (allowed): " + ownAnswer.status() + " " + ownAnswer.body());
                }
                if (!mentionsIds(op) || op.roles().equals(Set.of("platform-admin"))) {
                    continue; // nothing of another tenant to name (the platform's own operations span tenants)
                }
                // a write names the ids with a body that passes validation, so that the service looks them up
                ApiClient.Response nowhere = call(op, absent, caller.getValue(), gateway, true);
                ApiClient.Response theirs = call(op, other, caller.getValue(), gateway, true);
                requests += 2;
                otherAnswers.add(Integer.toString(theirs.status()));
                leaks(op, caller.getKey(), "other tenant's ids", target(op, other), theirs, failures);
                if ((theirs.status() / 100 == 2 && !op.read()) || theirs.status() != nowhere.status()) {
                    crossTenantSuccesses += theirs.status() / 100 == 2 ? 1 : 0;
                    failures.add(op.name() + " as " + caller.getKey() + " with the other tenant's ids: " + theirs.status()
                            + ", with ids that exist nowhere: " + nowhere.status());
                }
            }
            row.put("other tenant's ids", otherAnswers.isEmpty() ? "—" : String.join("/", otherAnswers));
            ApiClient service = Contract.serviceOf(op);
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                ApiClient.Response answer = call(op, own, bad.getValue(), service);
                requests++;
                row.put(bad.getKey(), Integer.toString(answer.status()));
                if (answer.status() != 401) {
                    failures.add(op.name() + " at " + op.service() + " with " + bad.getKey() + ": " + answer.status());
                }
            }
        }
        // the same refusals through the gateway, one operation per service (it limits failed authentications per address)
        Set<String> sampled = new LinkedHashSet<>();
        for (Operation op : operations) {
            if (op.read() && sampled.add(op.service())) {
                for (String bad : List.of("no token", "forged signature")) {
                    ApiClient.Response answer = call(op, own, badTokens.get(bad), gateway);
                    requests++;
                    if (answer.status() != 401) {
                        failures.add(op.name() + " through the gateway with " + bad + ": " + answer.status());
                    }
                }
            }
        }
        Path report = Path.of("target", "isolation-matrix.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, markdown(operations, table));
        System.out.printf("BENCH isolation matrix: %d operations, %d callers, %d requests, %d cross-tenant successes, %d role escalations, "
                + "%d failures%n", operations.size(), callers.size() + badTokens.size(), requests, crossTenantSuccesses, escalations, failures.size());
        assertEquals(List.of(), failures, "cells that answered other than the role table says");
    }

    // --- the operations, from the contract ---

    /** Whether the operation names a tenant's resource (a path id, or an id in its query). */
    private static boolean mentionsIds(Operation op) {
        return op.path().contains("{") || op.parameters().stream().anyMatch(p -> p.path("in").asText().equals("query")
                && kindOf(op, p.path("name").asText()) != null);
    }

    /** The kind of resource a parameter names: the collection before a path id, or the query parameter's name. */
    private static String kindOf(Operation op, String parameter) {
        switch (parameter) {
            case "tenantId":
                return "tenants";
            case "version":
                return "version";
            case "claimId":
                return "claims";
            case "applicantId":
                return "applicants";
            case "assessmentId":
                return "assessments";
            case "deliveryId":
                return "deliveries";
            case "ids":
                return op.path().startsWith("/api/v1/applicants") ? "applicants" : null;
            case "id": {
                Matcher collection = Pattern.compile("/api/v1/([a-z-]+)/\\{id}").matcher(op.path());
                return collection.find() ? collection.group(1) : null;
            }
            default:
                return null;
        }
    }

    private static ApiClient.Response call(Operation op, Ids ids, String token, ApiClient via) throws InterruptedException {
        return call(op, ids, token, via, false);
    }

    /**
     * Calls {@code op} naming {@code ids}; with {@code valid}, a write carries a body that passes validation (so the
     * service looks the resource up), otherwise an empty one.
     */
    private static ApiClient.Response call(Operation op, Ids ids, String token, ApiClient via, boolean valid) throws InterruptedException {
        String path = target(op, ids);
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Access-Reason", REASON); // need to know is tested elsewhere; here, what the role allows
        String body = null;
        if (op.body()) {
            String validBody = VALID_BODIES.get(op.name());
            body = valid && validBody != null ? validBody.replace("{applicant}", ids.byKind().get("applicants"))
                    : op.bodyType().equals("application/json") ? "{}" : "";
            headers.put("Content-Type", op.bodyType().contains("*") ? "text/plain" : op.bodyType());
        }
        for (int attempt = 0; ; attempt++) {
            ApiClient.Response answer = via.send(op.method(), path, token, body, headers);
            if (answer.status() != 429 || attempt == 3) {
                return answer;
            }
            // the gateway's rate limit per tenant (a second); failed authentications are never sent through it in bulk
            Thread.sleep(1000L * Math.min(2, Long.parseLong(answer.header("Retry-After").orElse("1"))));
        }
    }

    /** The path and query of {@code op} naming {@code ids}, required values sampled from their schemas. */
    private static String target(Operation op, Ids ids) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.parameters()) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String kind = kindOf(op, name);
            String value = kind != null ? ids.byKind().get(kind) : parameter.path("required").asBoolean() ? sample(name, parameter.path("schema")) : null;
            if (value == null) {
                continue;
            }
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", value);
            } else if (in.equals("query")) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return path.replace("{action}", "lodge") + query;
    }

    private static String sample(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        if (schema.has("$ref")) {
            return switch (schema.get("$ref").asText().replaceAll(".*/", "")) {
                case "Category" -> "IDENTITY";
                case "Reports.Period" -> "month";
                case "Reports.Dimension" -> "status";
                default -> "FIRST_INSTANCE";
            };
        }
        return switch (name) {
            case "from" -> "2026-01-01";
            case "to" -> schema.path("format").asText().equals("date") ? "2026-12-31" : "1";
            case "year" -> "2026";
            case "filename" -> "matrix.txt";
            default -> switch (schema.path("type").asText()) {
                case "integer" -> "1";
                case "boolean" -> "false";
                default -> "x";
            };
        };
    }

    /**
     * An id of the other tenant's resources in an answer that its request did not name (a problem's {@code instance}
     * echoes the path). The own tenant's audit trail is the exception: it rightly records the ids this tenant's
     * callers asked for; the canaries, never asked for, are looked for there too.
     */
    private static void leaks(Operation op, String caller, String cell, String asked, ApiClient.Response answer, List<String> failures) {
        boolean trail = op.path().contains("-audit/");
        for (String id : otherIds) {
            boolean named = asked.contains(id) || trail && other.byKind().containsValue(id);
            if (answer.body() != null && answer.body().contains(id) && !named) {
                failures.add(op.name() + " as " + caller + " (" + cell + ") answered " + answer.status() + " naming the other tenant's " + id);
            }
        }
    }

    // --- fixtures: one of each resource in each tenant ---

    private static Ids fixtures(String tenant, String caseworker, String policyAdmin) throws Exception {
        ApiClient api = new ApiClient(DevStack.GATEWAY);
        Map<String, String> ids = new HashMap<>();
        Casework.Lodged lodged = Casework.lodgedClaim(api, caseworker, "Матрица", "Изоляции", "CONSCRIPT");
        ids.put("applicants", lodged.applicantId());
        ids.put("claims", lodged.claimId());
        ApiClient.Response document = api.send("POST", "/api/v1/documents?claimId=" + ids.get("claims") + "&category=IDENTITY&filename=passport.pdf",
                caseworker, "%PDF-1.4\n% a page of a passport\n%%EOF\n", Map.of("Content-Type", "application/pdf"));
        assertEquals(201, document.status(), document.body());
        ids.put("documents", (String) document.json().get("id"));
        ApiClient.Response assessment = api.post("/api/v1/assessments", caseworker, Map.of("claimId", ids.get("claims")));
        assertEquals(201, assessment.status(), assessment.body());
        ids.put("assessments", (String) assessment.json().get("id"));
        ApiClient.Response decision = api.post("/api/v1/decisions", caseworker, Map.of("assessmentId", ids.get("assessments"),
                "outcome", "REJECT", "reasons", "The isolation matrix's decision, never approved."));
        assertEquals(201, decision.status(), decision.body());
        ids.put("decisions", (String) decision.json().get("id"));
        ApiClient.Response webhook = api.post("/api/v1/webhooks", policyAdmin, Map.of("url", "http://127.0.0.1:9/matrix",
                "eventTypes", List.of("decision.approved")));
        assertEquals(201, webhook.status(), webhook.body());
        ids.put("webhooks", (String) webhook.at("subscription.id"));
        ids.put("deliveries", UUID.randomUUID().toString()); // none is ever sent: the subscription's events never happen
        ids.put("tenants", tenant);
        ids.put("version", "1");
        return new Ids(tenant, ids);
    }

    // --- tokens that must not be accepted ---

    private static Set<String> roles(String token) {
        try {
            JsonNode claims = claimsOf(token);
            Set<String> roles = new TreeSet<>();
            claims.path("roles").forEach(role -> roles.add(role.asText()));
            if (claims.path("organization").size() == 1) {
                roles.add(ORGANIZATION);
            }
            return roles;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A caseworker's token, really issued and signed by the realm, that lived two seconds: the CLI client's access-token
     * lifespan is two seconds for the one request, then empty again (the realm's applies), whatever happens. Only that
     * client's tokens are touched, for a moment; the services' own tokens never.
     */
    private static String expiredToken() throws Exception {
        try (Keycloak admin = Keycloak.getInstance("http://127.0.0.1:" + LocalKeycloak.PORT, "master", "admin", "admin", "admin-cli")) {
            var clients = admin.realm("sanctuary").clients();
            ClientRepresentation cli = clients.findByClientId("sanctuary-cli").get(0);
            cli.getAttributes().put("access.token.lifespan", "2");
            clients.get(cli.getId()).update(cli);
            String token;
            try {
                token = LocalKeycloak.token("gov-caseworker", "gov-caseworker");
            } finally {
                cli.getAttributes().put("access.token.lifespan", ""); // empty: the realm's lifespan again
                clients.get(cli.getId()).update(cli);
            }
            long exp = claimsOf(token).path("exp").asLong();
            assertTrue(exp - System.currentTimeMillis() / 1000 <= 5, "the token was issued for two seconds");
            while (System.currentTimeMillis() / 1000 <= exp + 1) {
                Thread.sleep(250);
            }
            long lifespan = claimsOf(LocalKeycloak.token("gov-caseworker", "gov-caseworker")).path("exp").asLong()
                    - System.currentTimeMillis() / 1000;
            assertTrue(lifespan > 60, "the CLI's tokens live as long as before again: " + lifespan + " s");
            return token;
        }
    }

    /** A token's claims, read without verifying it (the services verify; the test only looks). */
    private static JsonNode claimsOf(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** A valid token whose signature was altered. */
    private static String forged(String token) {
        int dot = token.lastIndexOf('.');
        char[] signature = token.substring(dot + 1).toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        return token.substring(0, dot + 1) + new String(signature);
    }

    /** The Keycloak administrator's token: the same server, another realm (issuer and keys). */
    private static String masterRealmToken() throws IOException, InterruptedException {
        return tokenResponse("master", "client_id=admin-cli&grant_type=password&username=admin&password=admin").get("access_token").asText();
    }

    /** A caseworker's access token issued to a client of the realm that is not the platform's ({@code admin-cli}). */
    private static String otherClientToken() throws IOException, InterruptedException {
        return tokenResponse("sanctuary", "client_id=admin-cli&grant_type=password&username=gov-caseworker&password=gov-caseworker")
                .get("access_token").asText();
    }

    /** A caseworker's ID token from the platform's own CLI client. */
    private static String idToken() throws IOException, InterruptedException {
        return tokenResponse("sanctuary", "client_id=sanctuary-cli&grant_type=password&scope=openid&username=gov-caseworker"
                + "&password=gov-caseworker").get("id_token").asText();
    }

    private static JsonNode tokenResponse(String realm, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + LocalKeycloak.PORT + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    // --- the table for docs/security.md ---

    private String markdown(List<Operation> operations, Map<String, Map<String, String>> table) {
        List<String> columns = new ArrayList<>(callers.keySet());
        columns.add("other tenant's ids");
        columns.addAll(badTokens.keySet());
        StringBuilder out = new StringBuilder("| operation | roles (from the document) | ").append(String.join(" | ", columns)).append(" |\n|---|---|");
        columns.forEach(c -> out.append("---|"));
        out.append('\n');
        for (Operation op : operations) {
            out.append("| `").append(op.name()).append("` | ").append(op.roles().isEmpty() ? "any" : String.join(", ", op.roles())).append(" |");
            for (String column : columns) {
                out.append(' ').append(table.get(op.name()).getOrDefault(column, "")).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
