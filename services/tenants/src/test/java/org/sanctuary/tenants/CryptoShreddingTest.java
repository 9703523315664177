package org.sanctuary.tenants;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.crypto.FieldCipher;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, item 9: a tenant's data key is destroyed only once the registry says OFFBOARDED; a destroyed
 * key is never silently re-created (410 Gone); an unwrapped key is cached for a bounded time only, so a
 * replica that did not handle the destruction stops using it within that time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CryptoShreddingTest implements TestPropertyProvider {

    private static final String PLATFORM = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());

    private final ServiceDatabase db = ServiceDatabase.create("tenants");

    @Inject
    EmbeddedServer server;

    @Inject
    FieldCipher cipher;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.tenants.status-ttl", "0s");
        properties.put("sanctuary.crypto.key-cache-ttl", "1s");
        return properties;
    }

    private ApiClient api() {
        return new ApiClient(server.getURL().toString());
    }

    private <T> T as(String tenant, java.util.function.Supplier<T> work) {
        return Caller.callAs(Caller.system(tenant, "test"), () -> transactions.executeWrite(status -> work.get()));
    }

    @Test
    void aKeyIsDestroyedOnlyForAnOffboardedTenantAndNeverComesBack() {
        String tenant = "shred-me";
        assertEquals(201, api().post("/api/v1/tenants", PLATFORM, Map.of("id", tenant, "name", "Shred me", "kind", "NGO",
                "jurisdiction", "DE")).status());
        String key = "/internal/v1/tenants/" + tenant + "/data-key";
        assertEquals(200, api().send("PUT", key, PLATFORM, "", Map.of()).status());
        byte[] sealed = as(tenant, () -> cipher.seal("Jehovah's Witness", "religion", "row-1"));

        ApiClient.Response active = api().send("DELETE", key, PLATFORM, null, Map.of());
        assertEquals(409, active.status(), active.body());
        assertTrue(active.body().contains("active"), active.body());
        assertEquals("Jehovah's Witness", as(tenant, () -> cipher.open(sealed, "religion", "row-1")));

        assertEquals(200, api().post("/api/v1/tenants/" + tenant + "/offboard", PLATFORM, "").status());
        ApiClient.Response destroyed = api().send("DELETE", key, PLATFORM, null, Map.of());
        assertEquals(200, destroyed.status(), destroyed.body());
        assertEquals(true, destroyed.json().get("destroyed"));

        ProblemException gone = assertThrows(ProblemException.class, () -> as(tenant, () -> cipher.open(sealed, "religion", "row-1")));
        assertEquals(ProblemType.GONE, gone.type());
        assertEquals(ProblemType.GONE, assertThrows(ProblemException.class, () -> as(tenant, () -> cipher.seal("x", "religion", "row-2"))).type());
        ApiClient.Response again = api().send("PUT", key, PLATFORM, "", Map.of());
        assertEquals(410, again.status(), again.body());
        assertEquals(false, api().send("DELETE", key, PLATFORM, null, Map.of()).json().get("destroyed"));
        assertEquals(409, api().send("DELETE", "/internal/v1/tenants/never-registered/data-key", PLATFORM, null, Map.of()).status(),
                "an unregistered tenant's key is not destroyed either");
    }

    @Test
    void aReplicaThatDidNotHandleTheDestructionStopsUsingTheKeyWithinTheCacheLifetime() throws Exception {
        String tenant = "other-replica";
        byte[] sealed = as(tenant, () -> cipher.seal("Buddhist", "religion", "row-1"));
        assertEquals("Buddhist", as(tenant, () -> cipher.open(sealed, "religion", "row-1")));
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement()) {
            // another replica destroyed it: only the row changed, this replica's cache did not hear of it
            st.executeUpdate("update tenant_data_key set wrapped_key = null, destroyed_at = now() where tenant_id = '" + tenant + "'");
        }
        Thread.sleep(1_500);
        assertEquals(ProblemType.GONE, assertThrows(ProblemException.class,
                () -> as(tenant, () -> cipher.open(sealed, "religion", "row-1"))).type());
    }
}
