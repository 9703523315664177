package org.sanctuary.intake.applicant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.intake.IntakeApiTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctuary.common.testing.Problems.assertProblem;

@MicronautTest(transactional = false)
class ApplicantApiTest extends IntakeApiTest {

    private final String caseworker = TwoTenants.a("caseworker");

    @Test
    void registersWithIcaoTransliterationAndReadsBack() {
        ApiClient.Response created = api().post("/api/v1/applicants", caseworker,
                applicant("Дмитрий", "Иванов", "RU", "1990-04-01"));
        assertEquals(201, created.status(), created.body());
        String id = (String) created.json().get("id");
        assertNotNull(id);
        assertEquals("/api/v1/applicants/" + id, created.header("Location").orElseThrow());
        assertEquals("DMITRII", created.at("latinName.given"));
        assertEquals("IVANOV", created.at("latinName.family"));

        ApiClient.Response read = api().get("/api/v1/applicants/" + id, caseworker);
        assertEquals(200, read.status());
        assertEquals("Дмитрий", read.at("name.given"));
        assertEquals("\"1\"", read.header("ETag").orElseThrow());
        assertEquals("Buddhist", read.at("special.religion"));
    }

    @Test
    void ukrainianNamesTakeTheUkrainianReadingOfGhe() {
        ApiClient.Response created = api().post("/api/v1/applicants", caseworker,
                applicant("Григорій", "Гнатюк", "UA", "1995-01-01"));
        assertEquals("HRYHORII", created.at("latinName.given"));
        assertEquals("HNATIUK", created.at("latinName.family"));
    }

    @Test
    void idempotencyKeyReturnsTheFirstResultAndRefusesAnotherBody() throws Exception {
        Map<String, Object> body = applicant("Олег", "Петров", "RU", "1988-02-02");
        long before = rows("applicant");
        ApiClient.Response first = api().send("POST", "/api/v1/applicants", caseworker, ApiClient.json(body),
                Map.of("Idempotency-Key", "key-oleg-1"));
        ApiClient.Response second = api().send("POST", "/api/v1/applicants", caseworker, ApiClient.json(body),
                Map.of("Idempotency-Key", "key-oleg-1"));
        assertEquals(201, first.status());
        assertEquals(201, second.status());
        assertEquals(first.json().get("id"), second.json().get("id"));
        assertEquals(before + 1, rows("applicant"));

        Map<String, Object> other = new HashMap<>(body);
        other.put("birthDate", "1988-02-03");
        ApiClient.Response conflicting = api().send("POST", "/api/v1/applicants", caseworker, ApiClient.json(other),
                Map.of("Idempotency-Key", "key-oleg-1"));
        assertProblem(conflicting, 422);
        assertEquals(before + 1, rows("applicant"));
    }

    @Test
    void updateNeedsTheCurrentETag() {
        ApiClient.Response created = api().post("/api/v1/applicants", caseworker,
                applicant("Иван", "Смирнов", "RU", "1992-03-03"));
        String path = "/api/v1/applicants/" + created.json().get("id");
        Map<String, Object> changed = applicant("Иван", "Смирнов-Петров", "RU", "1992-03-03");

        assertProblem(api().put(path, caseworker, changed, Map.of()), 428);
        assertProblem(api().put(path, caseworker, changed, Map.of("If-Match", "\"7\"")), 412);

        ApiClient.Response updated = api().put(path, caseworker, changed, Map.of("If-Match", "\"1\""));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("SMIRNOV-PETROV", updated.at("latinName.family"));
        assertEquals("\"2\"", updated.header("ETag").orElseThrow());
        assertProblem(api().put(path, caseworker, changed, Map.of("If-Match", "\"1\"")), 412);
    }

    @Test
    void listsWithACursorAndFindsNamesAcrossScripts() {
        String token = TwoTenants.a("caseworker", "supervisor");
        for (int i = 0; i < 5; i++) {
            api().post("/api/v1/applicants", token, applicant("Пётр" + "абвгд".charAt(i), "Кузнецов", "RU", "1980-01-0" + (i + 1)));
        }
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = api().get("/api/v1/applicants?limit=2&name=Kuznetsov"
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, page.status(), page.body());
            List<?> items = (List<?>) page.json().get("items");
            assertTrue(items.size() <= 2);
            items.forEach(item -> seen.add(((Map<?, ?>) item).get("id")));
            cursor = (String) page.json().get("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());

        ApiClient.Response cyrillic = api().get("/api/v1/applicants?name=" + java.net.URLEncoder.encode("Кузнецов",
                java.nio.charset.StandardCharsets.UTF_8), token);
        assertEquals(5, ((List<?>) cyrillic.json().get("items")).size());
        assertProblem(api().get("/api/v1/applicants?cursor=not-a-cursor", token), 400);
        assertProblem(api().get("/api/v1/applicants?limit=0", token), 400);
    }

    @Test
    void specialCategoryDataIsShownOnlyToCaseworkersAndSupervisors() {
        ApiClient.Response created = api().post("/api/v1/applicants", caseworker,
                applicant("Баир", "Цыренов", "RU", "1991-05-05"));
        String path = "/api/v1/applicants/" + created.json().get("id");
        assertEquals("Buryat", api().get(path, TwoTenants.a("supervisor")).at("special.ethnicity"));
        ApiClient.Response integrator = api().get(path, TwoTenants.a("integrator"));
        assertEquals(200, integrator.status());
        assertNull(integrator.json().get("special"));
        assertEquals("BAIR", integrator.at("latinName.given"));
        assertProblem(api().get(path, TwoTenants.a("analyst")), 403);
    }
}
