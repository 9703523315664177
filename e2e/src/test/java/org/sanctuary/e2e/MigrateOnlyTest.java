package org.sanctuary.e2e;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.CatalogCheck;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.devstack.ServiceProcess;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deployment's two steps with the real jar: a migrate-only run (the Helm hook job) migrates a
 * fresh database and exits 0; the service then starts with migrations off and serves.
 */
class MigrateOnlyTest {

    @Test
    void theSameJarMigratesThenServes() throws Exception {
        ServiceDatabase db = ServiceDatabase.create("intake");
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(ServiceProcess.environment("intake", port, db.url(), db.password(),
                TestJwtIssuer.get().jwksUrl(), TestJwtIssuer.ISSUER, ServiceTestProperties.TEST_MASTER_KEY));
        env.put("SANCTUARY_MIGRATE_ONLY", "true");
        ServiceProcess migrate = ServiceProcess.start("intake", port, env, List.of("-Xmx128m"), false);
        assertEquals(0, migrate.awaitExit(Duration.ofSeconds(90)));
        try (Connection owner = db.ownerConnection()) {
            assertEquals(List.of(), new CatalogCheck().allowTable("feed_cursor").violations(owner, db.appRole()), "the schema is there, isolated");
        }

        env.remove("SANCTUARY_MIGRATE_ONLY");
        env.put("SANCTUARY_MIGRATE", "false");
        // as the chart deploys it: only the migration job holds the owner's credentials
        env.remove("SANCTUARY_DB_OWNER");
        env.remove("SANCTUARY_DB_OWNER_PASSWORD");
        ServiceProcess serve = ServiceProcess.start("intake", port, env, List.of("-Xmx128m"), false);
        try {
            serve.awaitHealthy(Duration.ofSeconds(60), Duration.ofMillis(50));
            // the serving process has the service role's pool and no owner pool at all
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(serve.managementUrl() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            // Hikari names its pools HikariPool-<n>: one pool only, the service role's
            java.util.List<String> pools = metrics.lines().filter(l -> l.startsWith("hikaricp_connections_max{")).toList();
            assertEquals(1, pools.size(), "one datasource, none for the owner: " + pools);
        } finally {
            serve.stop();
        }
    }
}
