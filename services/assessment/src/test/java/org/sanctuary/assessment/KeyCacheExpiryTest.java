package org.sanctuary.assessment;

import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reading stored assessments after the tenant's data key left the cache: the read runs in a read-only transaction, so
 * loading the key must not write (it did, and answered 500 once the five-minute cache had expired).
 */
class KeyCacheExpiryTest extends AssessmentApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("sanctuary.crypto.key-cache-ttl", "0s"); // every use of the key misses the cache
        return properties;
    }

    @Test
    void storedAssessmentsAreReadWithAnExpiredKeyCache() {
        String supervisor = token(TwoTenants.A, "sup-1", "supervisor");
        String claim = lodgedClaim(token(TwoTenants.A, "cw-1", "caseworker"));
        ApiClient.Response assessed = api().post("/api/v1/assessments", supervisor, Map.of("claimId", claim));
        assertEquals(201, assessed.status(), assessed.body());
        for (String language : List.of("en", "fr")) {
            ApiClient.Response runs = api().send("GET", "/api/v1/assessments?claimId=" + claim, supervisor, null,
                    Map.of("Accept-Language", language));
            assertEquals(200, runs.status(), runs.body());
            assertEquals(1, runs.jsonList().size(), runs.body());
        }
    }
}
