package org.sanctuary.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Seeds the running local stack ({@code ./sanctuary up}) for the console's dashboard benchmark (bench/dashboard.sh):
 * synthetic claims and decisions of a tenant written into reporting's read models (local PostgreSQL, port 5433), then
 * the report counts derived by reporting itself, asked with the platform's own client-credentials token from Keycloak.
 * Idempotent up to {@code bench.claims}: only the claims missing are added. {@code POST /internal/v1/feeds/rebuild}
 * returns the tenant's figures to what its feeds say.
 */
public final class DashboardSeed {

    public static void main(String[] args) throws Exception {
        String tenant = System.getProperty("bench.tenant", "demo-gov");
        int claims = Integer.getInteger("bench.claims", 1_000_000);
        String jdbc = System.getProperty("bench.reporting.jdbc", "jdbc:postgresql://127.0.0.1:5433/reporting?user=postgres");
        String keycloak = System.getProperty("bench.keycloak", "http://127.0.0.1:8180/realms/sanctuary");
        String reporting = System.getProperty("bench.reporting", "http://127.0.0.1:8085");
        // local-demo secret of the platform's client (devstack's realm), never a production one
        String secret = System.getProperty("bench.platform.secret", "local-demo-only-platform-secret");

        long have;
        try (Connection db = DriverManager.getConnection(jdbc); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from claim_record where tenant_id = '" + tenant.replace("'", "") + "'")) {
            rs.next();
            have = rs.getLong(1);
            if (have < claims) {
                long start = System.nanoTime();
                SyntheticReadModels.add(db, tenant, (int) (claims - have));
                System.out.printf("added %,d synthetic claims of %s in %.1f s%n", claims - have, tenant, (System.nanoTime() - start) / 1e9);
            } else {
                System.out.printf("%s already has %,d claims in reporting%n", tenant, have);
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=client_credentials&client_id=sanctuary-platform&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("no platform token: " + token.statusCode() + " " + token.body());
        }
        long start = System.nanoTime();
        HttpResponse<String> derived = http.send(HttpRequest.newBuilder(URI.create(reporting + "/internal/v1/feeds/rederive"))
                .header("Authorization", "Bearer " + BenchSupport.field(token.body(), "access_token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (derived.statusCode() != 200) {
            throw new IllegalStateException("rederive answered " + derived.statusCode() + " " + derived.body());
        }
        System.out.printf("report counts derived in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
