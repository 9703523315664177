package org.sanctuary.intake;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.intake.duplicate.DuplicateCandidates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The duplicate search reads one block of the register, not every applicant without a birth date
 * (issue 11, item 10): indexed blocking keys, a bounded number of rows, and the same people found.
 */
@MicronautTest(transactional = false)
class DuplicateBlockingTest extends IntakeApiTest {

    private static final String TENANT = TwoTenants.A;
    private final String caseworker = TwoTenants.a("caseworker");

    @Inject
    DuplicateCandidates candidates;

    @Inject
    TransactionOperations<Connection> transactions;

    private String subject;
    private String twin;
    private String subjectB;

    private String register(String token, String given, String family, String birthDate) {
        Map<String, Object> body = new HashMap<>(applicant(given, family, "RU", "2000-01-01"));
        body.remove("special");
        if (birthDate == null) {
            body.remove("birthDate");
        } else {
            body.put("birthDate", birthDate);
        }
        ApiClient.Response created = api().post("/api/v1/applicants", token, body);
        assertEquals(201, created.status(), created.body());
        return (String) created.json().get("id");
    }

    /**
     * In both tenants, 3000 applicants without a birth date whose names share no blocking key with
     * Ivanov (their letters include no D, M, N or V); in A also 600 namesakes of the subject. Written
     * as the superuser, one statement each.
     */
    @BeforeAll
    void aLargeRegisterWithoutBirthDates() throws Exception {
        subject = register(caseworker, "Дмитрий", "Иванов", null);
        register(caseworker, "Dmitry", "Ivanov", "1990-01-01"); // a birth date known: another block
        subjectB = register(TwoTenants.b("caseworker"), "Дмитрий", "Иванов", null);
        twin = register(TwoTenants.b("caseworker"), "Dmitry", "Ivanov", null);
        String columns = "insert into applicant (tenant_id, id, version, given_name, family_name, latin_given_name, latin_family_name, "
                + "name_key, nationalities, sex, languages, household, created_at, updated_at, created_by) ";
        try (Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            for (String tenant : List.of(TENANT, TwoTenants.B)) {
                st.executeUpdate(columns + "select '" + tenant + "', gen_random_uuid(), 1, g, f, g, f, g || ' ' || f, "
                    + "'[{\"country\": \"RU\", \"imposed\": false}]', 'MALE', '[]', '[]', now(), now(), 'bulk' from ("
                    + "select translate(left(md5(i || 'g'), 7), '0123456789abcdef', 'QWERTYUIOPASGHJK') as g, "
                    + "translate(left(md5(i || 'f'), 8), '0123456789abcdef', 'QWERTYUIOPASGHJK') as f "
                    + "from generate_series(1, 3000) i) names");
            }
            st.executeUpdate(columns + "select '" + TENANT + "', gen_random_uuid(), 1, 'Dmitrii', 'Ivanov', 'Dmitrii', 'Ivanov', "
                    + "'DMITRI IVANOV', '[{\"country\": \"RU\", \"imposed\": false}]', 'MALE', '[]', '[]', now(), now(), 'bulk' "
                    + "from generate_series(1, 600)");
            st.execute("analyze applicant");
        }
    }

    @Test
    void theSearchReadsOnlyTheSubjectsBlockAndAtMostTheBound() {
        Set<String> blocks = DuplicateCandidates.blocks(List.of("DMITRI IVANOV"));
        assertEquals(Set.of("DMIT", "IVAN"), blocks);
        List<DuplicateCandidates.Row> rows = Caller.callAs(new Caller(TENANT, "test", Set.of()),
                () -> transactions.executeRead(status -> candidates.sharingABlock(UUID.fromString(subject), null, blocks, "DMITRI IVANOV")));
        // 3601 applicants have no birth date; only the namesakes are read, and no more than the bound
        assertEquals(DuplicateCandidates.MAX_ROWS, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.latinName().family().equals("Ivanov")), "only the block is read");
        List<DuplicateCandidates.Row> none = Caller.callAs(new Caller(TENANT, "test", Set.of()),
                () -> transactions.executeRead(status -> candidates.sharingABlock(UUID.fromString(subject), null, Set.of("PETR"), "PETR")));
        assertEquals(List.of(), none);
    }

    @Test
    void theBlockIsFoundThroughItsIndexNotByReadingTheTable() throws Exception {
        try (Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("explain select id from applicant where tenant_id = '" + TENANT + "' "
                    + "and birth_date is null and (left(split_part(name_key, ' ', 1), 4) = any('{DMIT,IVAN}') "
                    + "or left(split_part(name_key, ' ', 2), 4) = any('{DMIT,IVAN}'))")) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            String text = String.join("\n", plan);
            assertTrue(text.contains("applicant_tenant_birth_block1") && text.contains("applicant_tenant_birth_block2"), text);
            assertTrue(!text.contains("Seq Scan"), text);
        }
    }

    @Test
    void theSamePersonIsStillFoundWithoutABirthDateAndTheAnswerIsBounded() {
        ApiClient.Response many = api().get("/api/v1/duplicates?applicantId=" + subject, caseworker);
        assertEquals(200, many.status(), many.body());
        assertEquals(20, many.jsonList().size(), "600 namesakes: 20 candidates answered");

        ApiClient.Response response = api().get("/api/v1/duplicates?applicantId=" + subjectB, TwoTenants.b("caseworker"));
        assertEquals(200, response.status(), response.body());
        Set<Object> ids = response.jsonList().stream().map(c -> ((Map<?, ?>) c).get("applicantId")).collect(Collectors.toSet());
        assertEquals(Set.of(twin), ids, "the twin across scripts, none of the 3000 others");
        assertTrue(((Number) ((Map<?, ?>) response.jsonList().get(0)).get("score")).doubleValue() >= 0.88);
    }
}
