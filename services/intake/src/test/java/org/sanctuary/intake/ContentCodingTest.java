package org.sanctuary.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TestJwtIssuer;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Responses are gzip or identity, whatever else a client names (issue 15): never snappy, zstd or br. */
@MicronautTest(transactional = false)
class ContentCodingTest extends IntakeApiTest {

    @Test
    void aResponseIsGzipWhenTheClientAcceptsGzipAndOtherwiseIdentity() {
        String caseworker = TestJwtIssuer.get().token("coding-tenant", "cw-coding", "caseworker");
        for (int i = 0; i < 12; i++) { // a page well above the compression threshold
            api().post("/api/v1/applicants", caseworker, applicant("Иван", "Сжатов" + i, "RU", "1990-01-01"));
        }
        Map<String, Optional<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("*", Optional.of("gzip")); // Node's fetch (and so Prism) sends this
        expected.put("gzip, deflate, br, zstd", Optional.of("gzip")); // a browser
        expected.put("br;q=1.0, gzip;q=0.5", Optional.of("gzip"));
        expected.put("snappy", Optional.empty());
        expected.put("zstd, br", Optional.empty());
        expected.put("gzip;q=0, *", Optional.empty());
        expected.put("identity", Optional.empty());
        expected.forEach((accept, coding) -> {
            ApiClient.Response page = api().send("GET", "/api/v1/applicants?limit=12", caseworker, null,
                    Map.of("Accept-Encoding", accept));
            assertEquals(200, page.status());
            assertEquals(coding, page.header("Content-Encoding"), "Accept-Encoding: " + accept);
        });
    }
}
