package org.sanctuary.intake;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TestJwtIssuer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 17, item 3: intake takes its time from the one Clock bean, so it can be tested at another date. */
@MicronautTest(transactional = false)
@Property(name = "sanctuary.test.fixed-date", value = "2030-01-15")
class ClaimAtAnotherDateTest extends IntakeApiTest {

    @Factory
    @Requires(property = "sanctuary.test.fixed-date")
    static class FixedClock {

        @Singleton
        @Replaces(Clock.class)
        Clock clock(@Value("${sanctuary.test.fixed-date}") String date) {
            return Clock.fixed(LocalDate.parse(date).atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    @Test
    void aClaimLodgedOnAnotherDayHasThatDayAndItsDeadline() {
        String caseworker = TestJwtIssuer.get().token("dated-tenant", "cw-dated", "caseworker");
        Object applicant = api().post("/api/v1/applicants", caseworker, applicant("Иван", "Датов", "RU", "1990-01-01")).json().get("id");
        ApiClient.Response draft = api().post("/api/v1/claims", caseworker, claim(applicant));
        assertEquals("2030-01-15T10:00:00Z", draft.json().get("createdAt"));
        ApiClient.Response lodged = api().post("/api/v1/claims/" + draft.json().get("id") + "/actions/lodge", caseworker, "");
        assertEquals(200, lodged.status(), lodged.body());
        assertEquals("2030-01-15", lodged.json().get("lodgedOn"));
        assertEquals(LocalDate.of(2030, 1, 15).plusDays(180).toString(), lodged.json().get("firstInstanceDeadline"));
    }
}
