package org.sanctuary.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Synthetic claims and their decisions written straight into reporting's read models (what its feeds would have
 * written): claims over three years (8 nationalities, 5 military statuses, 6 statuses), a first-instance or appeal
 * decision for every decided, closed or appealed claim. The report counts are derived from them afterwards by
 * reporting itself ({@code POST /internal/v1/feeds/rederive}).
 */
final class SyntheticReadModels {

    private SyntheticReadModels() {
    }

    /** Adds {@code claims} claims of {@code tenant}, and their decisions, through a superuser's connection to reporting's database. */
    static void add(Connection reporting, String tenant, int claims) throws SQLException {
        if (!tenant.matches("[a-z][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("not a tenant id: " + tenant);
        }
        try (Statement st = reporting.createStatement()) {
            st.execute("insert into report_tenant values ('" + tenant + "') on conflict do nothing");
            st.execute("create temporary table synthetic_claim as select gen_random_uuid() as claim_id from generate_series(1, " + claims + ")");
            st.execute("insert into claim_record select '" + tenant + "', s.claim_id, gen_random_uuid(), "
                    + "(array['RU','RU','RU','UA','UA','BY','XC','XY'])[1 + (g % 8)], "
                    + "(array['MOBILISED_RESERVIST','SUMMONED_NON_REPORTER','DESERTER','CONSCRIPT','OBJECTOR_ABSOLUTE'])[1 + (g % 5)], "
                    + "current_date - (g % 1095), current_date - (g % 1095) + 180, "
                    + "(array['LODGED','UNDER_ASSESSMENT','DECIDED','DECIDED','CLOSED','APPEALED'])[1 + (g % 6)] "
                    + "from (select claim_id, (row_number() over ())::int as g from synthetic_claim) s");
            st.execute("insert into decision_record select '" + tenant + "', gen_random_uuid(), c.claim_id, c.applicant_id, "
                    + "case when random() < 0.85 then 'FIRST_INSTANCE' else 'APPEAL' end, "
                    + "(array['REFUGEE_STATUS','REFUGEE_STATUS','SUBSIDIARY_PROTECTION','REJECT','REJECT','TEMPORARY_PROTECTION','NATIONAL_HUMANITARIAN'])[1 + (abs(hashtext(c.claim_id::text)) % 7)], "
                    + "least(current_date, c.lodged_on + (abs(hashtext(c.applicant_id::text)) % 300)), array['QD-9-2-e','GIP10-2'] "
                    + "from claim_record c join synthetic_claim s using (claim_id) "
                    + "where c.tenant_id = '" + tenant + "' and c.status in ('DECIDED','CLOSED','APPEALED')");
            st.execute("drop table synthetic_claim");
            st.execute("analyze");
        }
    }
}
