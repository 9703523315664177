package org.sanctuary.reporting.feed;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.reporting.Eurostat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The counts the reports read, kept in step with the read models as each event is applied (in the
 * same transaction), and derivable again from {@code claim_record} and {@code decision_record} at any
 * time ({@link #derive}): the incremental path is only a shortcut to the same numbers, and a test holds
 * them equal.
 */
@Singleton
public class Aggregates {

    static final List<String> OPEN = List.of("LODGED", "UNDER_ASSESSMENT");
    static final List<String> PERIODS = List.of("month", "quarter", "year");
    private static final LocalDate NO_DEADLINE = LocalDate.of(9999, 12, 31);

    private final Sql sql;

    public Aggregates(Sql sql) {
        this.sql = sql;
    }

    void claimLodged(String tenant, LocalDate day, String militaryStatus, @Nullable String nationality, @Nullable LocalDate deadline) {
        add(tenant, "status", day, "LODGED", 1);
        add(tenant, "militaryStatus", day, militaryStatus, 1);
        add(tenant, "nationality", day, nationality == null ? "UNKNOWN" : nationality, 1);
        backlog(tenant, deadline, 1);
    }

    void statusChanged(String tenant, LocalDate day, String from, String to, @Nullable LocalDate deadline) {
        add(tenant, "status", day, from, -1);
        add(tenant, "status", day, to, 1);
        if (OPEN.contains(from) && !OPEN.contains(to)) {
            backlog(tenant, deadline, -1);
        } else if (!OPEN.contains(from) && OPEN.contains(to)) {
            backlog(tenant, deadline, 1);
        }
    }

    /** A person counts once per stage and period, with their latest decision in it. */
    void decided(String tenant, String stage, UUID applicant, UUID decision, LocalDate decidedOn, String outcome,
                 @Nullable LocalDate lodgedOn) {
        String category = Eurostat.category(outcome);
        for (String period : PERIODS) {
            LocalDate start = periodStart(period, decidedOn);
            List<Object[]> existing = sql.query("select decided_on, decision_id::text, category from decision_person where tenant_id = ? "
                            + "and stage = ? and period = ? and period_start = ? and applicant_id = ?",
                    rs -> new Object[]{rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)}, tenant, stage, period, start, applicant);
            if (existing.isEmpty()) {
                sql.update("insert into decision_person values (?, ?, ?, ?, ?, ?, ?, ?)", tenant, stage, period, start, applicant, decidedOn,
                        decision, category);
                persons(tenant, stage, period, start, category, 1);
            } else {
                Object[] old = existing.get(0);
                int later = decidedOn.compareTo((LocalDate) old[0]);
                if (later > 0 || later == 0 && decision.toString().compareTo((String) old[1]) > 0) {
                    sql.update("update decision_person set decided_on = ?, decision_id = ?, category = ? where tenant_id = ? and stage = ? "
                            + "and period = ? and period_start = ? and applicant_id = ?", decidedOn, decision, category, tenant, stage, period,
                            start, applicant);
                    persons(tenant, stage, period, start, (String) old[2], -1);
                    persons(tenant, stage, period, start, category, 1);
                }
            }
        }
        if ("FIRST_INSTANCE".equals(stage) && lodgedOn != null) {
            sql.update("insert into processing_count values (?, date_trunc('month', ?::date)::date, ?, 1) on conflict (tenant_id, month, days) "
                    + "do update set n = processing_count.n + 1", tenant, decidedOn, (int) (decidedOn.toEpochDay() - lodgedOn.toEpochDay()));
        }
    }

    /** The first day of {@code day}'s month, quarter or year (as PostgreSQL's {@code date_trunc}, without asking it). */
    static LocalDate periodStart(String period, LocalDate day) {
        return switch (period) {
            case "month" -> day.withDayOfMonth(1);
            case "quarter" -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case "year" -> day.withDayOfYear(1);
            default -> throw new IllegalArgumentException(period);
        };
    }

    /** Drops the tenant's counts and derives them again from its read models. */
    public void derive(String tenant) {
        clear(tenant);
        sql.update("insert into claim_count select tenant_id, 'status', lodged_on, status, count(*) from claim_record where tenant_id = ? group by 1, 3, 4", tenant);
        sql.update("insert into claim_count select tenant_id, 'militaryStatus', lodged_on, military_status, count(*) from claim_record where tenant_id = ? group by 1, 3, 4", tenant);
        sql.update("insert into claim_count select tenant_id, 'nationality', lodged_on, coalesce(nationality, 'UNKNOWN'), count(*) from claim_record where tenant_id = ? group by 1, 3, 4", tenant);
        sql.update("insert into backlog_count select tenant_id, coalesce(first_instance_deadline, ?), count(*) from claim_record where tenant_id = ? "
                + "and status in ('LODGED', 'UNDER_ASSESSMENT') group by 1, 2", NO_DEADLINE, tenant);
        StringBuilder category = new StringBuilder("case outcome");
        Eurostat.CATEGORIES.forEach((name, outcomes) -> outcomes.forEach(outcome ->
                category.append(" when '").append(outcome).append("' then '").append(name).append("'")));
        category.append(" else 'REJECTED' end");
        for (String period : PERIODS) {
            sql.update("insert into decision_person select distinct on (stage, p, applicant_id) tenant_id, stage, ?, p, applicant_id, "
                    + "decided_on, decision_id, " + category + " from (select *, date_trunc(?, decided_on)::date as p from decision_record "
                    + "where tenant_id = ?) d order by stage, p, applicant_id, decided_on desc, decision_id::text desc", period, period, tenant);
        }
        sql.update("insert into decision_count select tenant_id, stage, period, period_start, category, count(*) from decision_person "
                + "where tenant_id = ? group by 1, 2, 3, 4, 5", tenant);
        sql.update("insert into processing_count select d.tenant_id, date_trunc('month', d.decided_on)::date, d.decided_on - c.lodged_on, count(*) "
                + "from decision_record d join claim_record c on c.tenant_id = d.tenant_id and c.claim_id = d.claim_id "
                + "where d.tenant_id = ? and d.stage = 'FIRST_INSTANCE' group by 1, 2, 3", tenant);
    }

    void clear(String tenant) {
        for (String table : List.of("claim_count", "backlog_count", "decision_person", "decision_count", "processing_count")) {
            sql.update("delete from " + table + " where tenant_id = ?", tenant);
        }
    }

    private void add(String tenant, String dimension, LocalDate day, String value, long delta) {
        sql.update("insert into claim_count values (?, ?, ?, ?, ?) on conflict (tenant_id, dimension, day, value) "
                + "do update set n = claim_count.n + excluded.n", tenant, dimension, day, value, delta);
    }

    private void backlog(String tenant, @Nullable LocalDate deadline, long delta) {
        sql.update("insert into backlog_count values (?, ?, ?) on conflict (tenant_id, deadline) do update set n = backlog_count.n + excluded.n",
                tenant, deadline == null ? NO_DEADLINE : deadline, delta);
    }

    private void persons(String tenant, String stage, String period, LocalDate start, String category, long delta) {
        sql.update("insert into decision_count values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, stage, period, period_start, category) "
                + "do update set persons = decision_count.persons + excluded.persons", tenant, stage, period, start, category, delta);
    }
}
