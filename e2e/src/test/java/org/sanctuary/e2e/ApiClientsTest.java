package org.sanctuary.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.devstack.DevStack;
import org.sanctuary.devstack.LocalKeycloak;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, self-service API clients: a tenant's policy administrator creates, lists, rotates and revokes its own
 * integrator clients in the real Keycloak through the gateway; their tokens act for that tenant as integrators; every
 * step is audited; another tenant neither sees nor touches them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiClientsTest {

    private static final String CLIENTS = "/api/v1/tenants/demo-gov/api-clients";
    private final ApiClient gateway = new ApiClient(DevStack.GATEWAY);
    private String admin;

    @BeforeAll
    void platform() throws Exception {
        SharedStack.ensureRunning();
        admin = LocalKeycloak.token("gov-policy-admin", "gov-policy-admin");
    }

    private List<String> listed(String tenantPath, String token) {
        ApiClient.Response list = gateway.get(tenantPath, token);
        assertEquals(200, list.status(), list.body());
        return list.jsonList().stream().map(c -> {
            assertNull(((Map<?, ?>) c).get("secret"), "a secret is never listed");
            return ((Map<?, ?>) c).get("clientId").toString();
        }).toList();
    }

    @Test
    void aPolicyAdministratorCreatesRotatesAndRevokesItsOwnIntegratorClient() throws Exception {
        String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = gateway.post(CLIENTS, admin, Map.of("name", name));
        assertEquals(201, created.status(), created.body());
        String clientId = created.json().get("clientId").toString();
        assertEquals("demo-gov." + name, clientId);
        String secret = created.json().get("secret").toString();

        // its token acts for demo-gov, as an integrator: it registers, and the organization's caseworker reads it
        String token = LocalKeycloak.clientToken(clientId, secret);
        assertEquals("demo-gov", gateway.get("/api/v1/tenancy", token).json().get("tenantId"));
        ApiClient.Response applicant = gateway.post("/api/v1/applicants", token,
                ApplicantRequest.named("Пётр", "Интеграторов").birthDateUnknown().body());
        assertEquals(201, applicant.status(), applicant.body());
        String caseworker = LocalKeycloak.token("gov-caseworker", "gov-caseworker");
        assertEquals(200, gateway.get("/api/v1/applicants/" + applicant.json().get("id"), caseworker).status());
        assertEquals(403, gateway.get(CLIENTS, token).status(), "an integrator does not manage clients");
        assertTrue(listed(CLIENTS, admin).contains(clientId));
        assertEquals(409, gateway.post(CLIENTS, admin, Map.of("name", name)).status(), "one name, one client");
        assertEquals(400, gateway.post(CLIENTS, admin, Map.of("name", "Not A Slug!")).status());

        // another organization sees nothing of it and cannot touch it: exactly as a client that does not exist
        String other = LocalKeycloak.token("ngo-policy-admin", "ngo-policy-admin");
        assertFalse(listed("/api/v1/tenants/demo-ngo/api-clients", other).contains(clientId));
        assertEquals(404, gateway.get(CLIENTS, other).status());
        assertEquals(404, gateway.post(CLIENTS + "/" + clientId + "/rotate", other, "").status());
        assertEquals(404, gateway.post("/api/v1/tenants/demo-ngo/api-clients/" + clientId + "/rotate", other, "").status());
        assertEquals(404, gateway.send("DELETE", "/api/v1/tenants/demo-ngo/api-clients/" + clientId, other, null, Map.of()).status());
        assertEquals(403, gateway.get(CLIENTS, caseworker).status());

        // rotated: the new secret works, the old one no longer does
        ApiClient.Response rotated = gateway.post(CLIENTS + "/" + clientId + "/rotate", admin, "");
        assertEquals(200, rotated.status(), rotated.body());
        String newSecret = rotated.json().get("secret").toString();
        assertNotEquals(secret, newSecret);
        assertThrows(IOException.class, () -> LocalKeycloak.clientToken(clientId, secret));
        LocalKeycloak.clientToken(clientId, newSecret);

        // revoked: no token any more, gone from the list
        assertEquals(204, gateway.send("DELETE", CLIENTS + "/" + clientId, admin, null, Map.of()).status());
        assertThrows(IOException.class, () -> LocalKeycloak.clientToken(clientId, newSecret));
        assertFalse(listed(CLIENTS, admin).contains(clientId));
        assertEquals(404, gateway.post(CLIENTS + "/" + clientId + "/rotate", admin, "").status());

        // every step is in the organization's audit chain
        String auditor = LocalKeycloak.token("gov-auditor", "gov-auditor");
        for (String action : List.of("api-client.create", "api-client.rotate", "api-client.revoke")) {
            ApiClient.Response entries = gateway.get("/api/v1/tenants-audit/entries?action=" + action + "&resourceType=api-client&resourceId="
                    + clientId, auditor);
            assertEquals(200, entries.status(), entries.body());
            assertEquals(1, entries.jsonList("items").size(), action + ": " + entries.body());
        }
    }
}
