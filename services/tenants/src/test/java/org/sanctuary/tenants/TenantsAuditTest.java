package org.sanctuary.tenants;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.audit.AuditChainVerifier;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenants service writes every change of the registry and of policy packs to the audit chain of
 * the tenant concerned (issue 11, item 12): a tenant's policy administrator as themself, a platform
 * administrator — who belongs to no tenant — by subject into the chain of the tenant acted on.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsAuditTest implements TestPropertyProvider {

    /** A platform administrator whose subject (a Keycloak user id) differs from the username shown. */
    private static final String ADMIN_SUB = "5f0c2a64-7d0e-4a51-9a4e-2f1f3f6b8c01";
    private static final String PLATFORM = TestJwtIssuer.get().token(TestJwtIssuer.get().claims(ADMIN_SUB,
            List.of("platform-admin")).claim("preferred_username", "ops-anna").build());

    private final ServiceDatabase db = ServiceDatabase.create("tenants");

    @Inject
    EmbeddedServer server;

    @Inject
    AuditChainVerifier verifier;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.tenants.status-ttl", "0s");
        return properties;
    }

    private ApiClient api() {
        return new ApiClient(server.getURL().toString());
    }

    /** (actor, action, resource id) of a tenant's chain in the order written, read as the superuser. */
    private List<List<String>> chain(String tenant) throws Exception {
        List<List<String>> entries = new ArrayList<>();
        try (Connection c = db.adminConnection(); PreparedStatement q = c.prepareStatement(
                "select actor, action, resource_type, resource_id, outcome from audit_entry where tenant_id = ? order by occurred_at, stripe, seq")) {
            q.setString(1, tenant);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    assertEquals("SUCCESS", rs.getString("outcome"));
                    entries.add(List.of(rs.getString("actor"), rs.getString("action"), rs.getString("resource_type") + ":" + rs.getString("resource_id")));
                }
            }
        }
        return entries;
    }

    private static List<String> actions(List<List<String>> chain) {
        return chain.stream().map(e -> e.get(1)).toList();
    }

    @Test
    void platformAdministratorsActsAreInTheTenantsChainUnderTheirSubject() throws Exception {
        assertEquals(201, api().post("/api/v1/tenants", PLATFORM, Map.of("id", "audit-life", "name", "Audit life",
                "kind", "NGO", "jurisdiction", "DE")).status());
        assertEquals(200, api().post("/api/v1/tenants/audit-life/suspend", PLATFORM, "").status());
        assertEquals(200, api().post("/api/v1/tenants/audit-life/reactivate", PLATFORM, "").status());
        assertEquals(200, api().post("/api/v1/tenants/audit-life/provision", PLATFORM, "").status());
        assertEquals(200, api().post("/api/v1/tenants/audit-life/offboard", PLATFORM, "").status());

        List<List<String>> chain = chain("audit-life");
        assertEquals(List.of("tenant.create", "tenant.provision", "tenant.suspend", "tenant.reactivate", "tenant.provision",
                "tenant.offboard", "tenant.shred-keys"), actions(chain));
        assertTrue(chain.stream().allMatch(e -> e.get(0).equals(ADMIN_SUB)), "the admin's sub, never the username: " + chain);
        assertTrue(chain.get(0).get(2).equals("tenant:audit-life"), chain.toString());
        assertTrue(chain.get(1).get(2).startsWith("tenant:audit-life:"), "the provisioning steps' outcomes: " + chain.get(1));
        assertTrue(chain.get(1).get(2).contains("=SKIPPED"), chain.get(1).toString());

        // refused changes write nothing
        assertEquals(409, api().post("/api/v1/tenants/audit-life/suspend", PLATFORM, "").status());
        assertEquals(chain.size(), chain("audit-life").size());
        assertTrue(verifier(("audit-life")).intact());
    }

    @Test
    void policyPackDraftsUpdatesAndPublicationAreAudited() throws Exception {
        assertEquals(201, api().post("/api/v1/tenants", PLATFORM, Map.of("id", "audit-packs", "name", "Audit packs",
                "kind", "GOVERNMENT", "jurisdiction", "DE")).status());
        String admin = TestJwtIssuer.get().token("audit-packs", "policy-admin-7", "policy-admin");
        String pack = Files.readString(packs().resolve("eu-member.json"));
        assertEquals(201, api().post("/api/v1/tenants/audit-packs/policy-packs", admin, pack).status());
        assertEquals(200, api().put("/api/v1/tenants/audit-packs/policy-packs/1", admin,
                pack.replace("\"appealDays\": 14", "\"appealDays\": 30"), Map.of()).status());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(200, api().post("/api/v1/tenants/audit-packs/policy-packs/1/publish", admin, Map.of("effectiveFrom", today)).status());
        // an invalid draft is refused and not audited as a change
        assertEquals(400, api().post("/api/v1/tenants/audit-packs/policy-packs", admin, "{\"schemaVersion\": 1}").status());

        List<List<String>> packEntries = chain("audit-packs").stream().filter(e -> e.get(1).startsWith("policy-pack.")).toList();
        assertEquals(List.of(
                List.of("policy-admin-7", "policy-pack.create-draft", "policy-pack:1"),
                List.of("policy-admin-7", "policy-pack.update-draft", "policy-pack:1"),
                List.of("policy-admin-7", "policy-pack.publish", "policy-pack:1@" + today)), packEntries);
        assertTrue(verifier("audit-packs").intact());
    }

    private AuditChainVerifier.Result verifier(String tenant) {
        return Caller.callAs(new Caller(tenant, "auditor-test", Set.of("auditor")), verifier::verifyCurrentTenant);
    }

    private static Path packs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("services"))) {
            dir = dir.getParent();
        }
        Path shared = dir.resolve("../shared/acceptance/packs");
        return Files.isDirectory(shared) ? shared.normalize() : dir.resolve("devstack/src/main/resources/demo-packs");
    }
}
