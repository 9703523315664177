package org.sanctuary.tenants.registry;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two tenants never get one client id, whatever their ids and names: an existing id never tells of another tenant. */
class ApiClientIdTest {

    @Test
    void tenantsAndNamesThatOnceCollidedGetDifferentIds() {
        assertNotEquals(ApiClients.clientId("a", "b-api-c"), ApiClients.clientId("a-api-b", "c"));
        assertNotEquals(ApiClients.clientId("t", "api-x"), ApiClients.clientId("t-api", "x"));
    }

    @Test
    void everyIdNamesOneTenantAndOneName() {
        List<String> parts = List.of("a", "ab", "a-b", "api", "a-api", "api-b", "a-api-b", "b-api-c", "x--y", "gov", "gov-api-x");
        Map<String, String> seen = new HashMap<>();
        for (String tenant : parts) {
            for (String name : parts) {
                String id = ApiClients.clientId(tenant, name);
                String before = seen.put(id, tenant + "/" + name);
                assertEquals(null, before, id + " for " + tenant + "/" + name + " and " + before);
                assertTrue(id.matches(ApiClientController.CLIENT_ID) || tenant.length() < 2 || name.length() < 2, id);
            }
        }
    }
}
