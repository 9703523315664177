package org.sanctuary.intake;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Base of the intake API tests: the real service over HTTP, on its own fresh PostgreSQL database,
 * connected as the service role, with tokens from the test issuer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntakeApiTest implements TestPropertyProvider {

    protected final ServiceDatabase db = ServiceDatabase.create("intake");

    @Inject
    protected EmbeddedServer server;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return new HashMap<>(ServiceTestProperties.forService(db));
    }

    protected ApiClient api() {
        if (api == null) {
            api = new ApiClient(server.getURL().toString());
        }
        return api;
    }

    public static Map<String, Object> applicant(String given, String family, String nationality, String birthDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Map.of("given", given, "family", family));
        body.put("nationalities", List.of(Map.of("country", nationality, "imposed", false)));
        body.put("birthDate", birthDate);
        body.put("sex", "MALE");
        body.put("languages", List.of("ru"));
        body.put("regionOfOrigin", Map.of("country", nationality, "region", "Moscow"));
        body.put("special", Map.of("ethnicity", "Buryat", "ethnicMinority", true, "religion", "Buddhist",
                "lgbtqi", false, "politicalActivity", List.of("ANTI_WAR_PROTEST"), "health", "PTSD"));
        return body;
    }

    public static Map<String, Object> claim(Object applicantId) {
        Map<String, Object> military = new HashMap<>();
        military.put("status", "MOBILISED_RESERVIST");
        military.put("recruitingActor", "STATE");
        military.put("recruitingCountry", "RU");
        military.put("callUp", Map.of("received", true, "date", "2022-09-23", "channel", "WORKPLACE", "punitive", false));
        military.put("served", false);
        military.put("deserted", false);
        Map<String, Object> body = new HashMap<>();
        body.put("applicantId", applicantId);
        body.put("military", military);
        body.put("credibility", Map.of("militaryStatus", "ACCEPTED", "callUp", "ACCEPTED"));
        return body;
    }

    /** Rows of a table in every tenant, counted as the superuser (RLS does not bind it). */
    protected long rows(String table) throws SQLException {
        try (Connection c = db.adminConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    protected static void assertProblem(ApiClient.Response response, int status) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals(status, ((Number) response.json().get("status")).intValue());
        assertTrue(String.valueOf(response.json().get("type")).startsWith("https://sanctuary.example/problems/"));
    }
}
