package org.sanctuary.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every refusal of every service must be: an RFC 9457 problem+json with the status and a catalogued type. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(ApiClient.Response response, int status) {
        String body = response.body().length() > 2000 ? response.body().substring(0, 2000) + "…" : response.body();
        assertEquals(status, response.status(), body);
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType() + ": " + body);
        assertEquals(status, ((Number) response.json().get("status")).intValue(), body);
        assertTrue(String.valueOf(response.json().get("type")).startsWith("https://sanctuary.example/problems/"), body);
    }
}
