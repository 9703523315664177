package org.sanctuary.intake;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** An applicant as the intake tests register one: Russian-speaking, from Moscow, with special-category data. */
    public static Map<String, Object> applicant(String given, String family, String nationality, String birthDate) {
        return ApplicantRequest.named(given, family)
                .nationality(nationality)
                .born(birthDate)
                .languages("ru")
                .regionOfOrigin(nationality, "Moscow")
                .special(Map.of("ethnicity", "Buryat", "ethnicMinority", true, "religion", "Buddhist",
                        "lgbtqi", false, "politicalActivity", List.of("ANTI_WAR_PROTEST"), "health", "PTSD"))
                .body();
    }

    /** A claim as the intake tests draft one: the default reservist, called up at his workplace. */
    public static ClaimRequest claimRequest(Object applicantId) {
        return ClaimRequest.forApplicant(applicantId)
                .military("callUp", ClaimRequest.callUp("2022-09-23", "WORKPLACE"));
    }

    /** The body of {@link #claimRequest(Object)}. */
    public static Map<String, Object> claim(Object applicantId) {
        return claimRequest(applicantId).body();
    }

    /** Rows of a table in every tenant, counted as the superuser (RLS does not bind it). */
    protected long rows(String table) throws SQLException {
        try (Connection c = db.adminConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
