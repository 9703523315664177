package org.sanctuary.reporting.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.reporting.protection.SmallCells;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenant's statistics from the read models, every table small-cell protected under its pack.
 * Decisions follow Eurostat {@code migr_asydec}: outcome categories, first instance or final, and a
 * person counted once per period (their latest decision in it).
 */
@Singleton
public class Reports {

    /** Eurostat's decision categories, and which of our outcomes fall in each. */
    static final Map<String, List<String>> EUROSTAT = new LinkedHashMap<>();

    static {
        EUROSTAT.put("GENCONV", List.of("REFUGEE_STATUS"));
        EUROSTAT.put("SUB_PROT", List.of("SUBSIDIARY_PROTECTION"));
        EUROSTAT.put("HUMSTAT", List.of("NATIONAL_HUMANITARIAN", "NON_REFOULEMENT_ONLY"));
        EUROSTAT.put("TEMP_PROT", List.of("TEMPORARY_PROTECTION"));
        EUROSTAT.put("REJECTED", List.of("REJECT", "EXCLUDED"));
    }

    public enum Period { month, quarter, year }

    public enum Dimension {
        status("status"), militaryStatus("military_status"), nationality("coalesce(nationality, 'UNKNOWN')");

        final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** A protected table as served: suppressed cells say so and carry no value; rates only on published counts. */
    @Serdeable
    public record Report(String report, LocalDate from, LocalDate to, @Nullable Period period, int threshold, int rounding,
                         List<String> rows, List<String> columns, List<List<SmallCells.Cell>> cells, List<SmallCells.Cell> rowTotals,
                         List<SmallCells.Cell> columnTotals, SmallCells.Cell total, @Nullable List<Double> rates) {
    }

    @Serdeable
    public record ProcessingTime(LocalDate from, LocalDate to, boolean suppressed, @Nullable Long decisions,
                                 @Nullable Double medianDays, @Nullable Double p90Days, int threshold) {
    }

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public Reports(Sql sql, TransactionOperations<Connection> transactions, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Report claims(LocalDate from, LocalDate to, Period period, Dimension by, PackRules.Rules rules) {
        check(from, to);
        List<Object[]> counts = read("claims", () -> sql.query("select date_trunc(?, lodged_on)::date as p, " + by.column
                        + " as k, count(*) as n from claim_record where tenant_id = ? and lodged_on between ? and ? group by 1, 2",
                rs -> new Object[]{rs.getObject("p", LocalDate.class), rs.getString("k"), rs.getLong("n")},
                period.name(), tenant(), from, to));
        return table("claims-by-" + by.name(), from, to, period, counts, List.of(), rules, false);
    }

    public Report decisions(LocalDate from, LocalDate to, Period period, boolean finalStage, PackRules.Rules rules) {
        check(from, to);
        StringBuilder category = new StringBuilder("case");
        EUROSTAT.forEach((name, outcomes) -> category.append(" when outcome in ('").append(String.join("','", outcomes))
                .append("') then '").append(name).append("'"));
        category.append(" end");
        // one row per person and period: their latest decision in it
        List<Object[]> counts = read("decisions", () -> sql.query("select p, " + category + " as k, count(*) as n from ("
                        + "select distinct on (applicant_id, p) p, outcome from (select applicant_id, date_trunc(?, decided_on)::date as p, "
                        + "decided_on, decision_id, outcome from decision_record where tenant_id = ? and stage = ? and decided_on between ? and ?) d "
                        + "order by applicant_id, p, decided_on desc, decision_id desc) latest group by 1, 2",
                rs -> new Object[]{rs.getObject("p", LocalDate.class), rs.getString("k"), rs.getLong("n")},
                period.name(), tenant(), finalStage ? "APPEAL" : "FIRST_INSTANCE", from, to));
        return table(finalStage ? "final-decisions" : "first-instance-decisions", from, to, period, counts,
                new ArrayList<>(EUROSTAT.keySet()), rules, true);
    }

    public Report rulesMet(LocalDate from, LocalDate to, PackRules.Rules rules) {
        check(from, to);
        List<Object[]> counts = read("rules", () -> sql.query("select r, count(*) as n from (select unnest(rules_met) as r from decision_record "
                        + "where tenant_id = ? and stage = 'FIRST_INSTANCE' and decided_on between ? and ? and outcome = any(?)) met group by 1",
                rs -> new Object[]{rs.getString("r"), "positive decisions", rs.getLong("n")}, tenant(), from, to,
                rules.positive().toArray(String[]::new)));
        return table("rules-met-in-positive-decisions", from, to, null, counts, List.of("positive decisions"), rules, false);
    }

    public Report backlog(PackRules.Rules rules) {
        LocalDate today = LocalDate.now(clock);
        List<Object[]> counts = read("backlog", () -> sql.query("select count(*) filter (where status in ('LODGED', 'UNDER_ASSESSMENT')) as open, "
                        + "count(*) filter (where status in ('LODGED', 'UNDER_ASSESSMENT') and first_instance_deadline < ?) as late "
                        + "from claim_record where tenant_id = ?",
                rs -> new Object[]{rs.getLong("open"), rs.getLong("late")}, today, tenant()));
        long open = (long) counts.get(0)[0];
        long late = (long) counts.get(0)[1];
        List<Object[]> cells = List.of(new Object[]{today.toString(), "within deadline", open - late},
                new Object[]{today.toString(), "past deadline", late});
        return table("backlog", today, today, null, cells, List.of("within deadline", "past deadline"), rules, false);
    }

    public ProcessingTime processingTime(LocalDate from, LocalDate to, PackRules.Rules rules) {
        check(from, to);
        Object[] row = read("processing-time", () -> sql.query("select count(*) as n, percentile_cont(0.5) within group (order by days) as median, "
                        + "percentile_cont(0.9) within group (order by days) as p90 from (select d.decided_on - c.lodged_on as days "
                        + "from decision_record d join claim_record c on c.tenant_id = d.tenant_id and c.claim_id = d.claim_id "
                        + "where d.tenant_id = ? and d.stage = 'FIRST_INSTANCE' and d.decided_on between ? and ?) t",
                rs -> new Object[]{rs.getLong("n"), rs.getObject("median"), rs.getObject("p90")}, tenant(), from, to)).get(0);
        long n = (long) row[0];
        if (n < rules.threshold()) {
            return new ProcessingTime(from, to, true, null, null, null, rules.threshold());
        }
        return new ProcessingTime(from, to, false, SmallCellsRounding.round(n, rules.rounding()), ((Number) row[1]).doubleValue(),
                ((Number) row[2]).doubleValue(), rules.threshold());
    }

    /** Builds the protected table from (row, column, count) triples; {@code rates}: positive share per row. */
    Report table(String name, LocalDate from, LocalDate to, @Nullable Period period, List<Object[]> counts, List<String> fixedColumns,
                 PackRules.Rules rules, boolean rates) {
        Set<String> rowKeys = new TreeSet<>();
        Set<String> columnKeys = new TreeSet<>(fixedColumns);
        for (Object[] c : counts) {
            rowKeys.add(label(c[0], period));
            columnKeys.add(String.valueOf(c[1]));
        }
        List<String> rows = new ArrayList<>(rowKeys);
        List<String> columns = fixedColumns.isEmpty() ? new ArrayList<>(columnKeys) : new ArrayList<>(fixedColumns);
        long[][] matrix = new long[rows.size()][columns.size()];
        for (Object[] c : counts) {
            int column = columns.indexOf(String.valueOf(c[1]));
            if (column >= 0) {
                matrix[rows.indexOf(label(c[0], period))][column] += (long) c[2];
            }
        }
        SmallCells.Table t = rows.isEmpty() ? null : SmallCells.protect(rows, columns, matrix, rules.threshold(), rules.rounding());
        if (t == null) {
            return new Report(name, from, to, period, rules.threshold(), rules.rounding(), List.of(), columns, List.of(), List.of(),
                    columns.stream().map(c -> new SmallCells.Cell(0L, false)).toList(), new SmallCells.Cell(0L, false), rates ? List.of() : null);
        }
        List<Double> shares = null;
        if (rates) {
            shares = new ArrayList<>();
            List<String> positive = positiveCategories(rules);
            for (int i = 0; i < rows.size(); i++) {
                long part = 0;
                boolean hidden = false;
                for (int j = 0; j < columns.size(); j++) {
                    if (positive.contains(columns.get(j))) {
                        SmallCells.Cell cell = t.cells().get(i).get(j);
                        hidden |= cell.suppressed();
                        part += cell.suppressed() ? 0 : cell.value();
                    }
                }
                shares.add(hidden ? null : SmallCells.rate(new SmallCells.Cell(part, false), t.rowTotals().get(i)));
            }
        }
        return new Report(name, from, to, period, rules.threshold(), rules.rounding(), rows, columns, t.cells(), t.rowTotals(),
                t.columnTotals(), t.grandTotal(), shares);
    }

    /** The Eurostat categories the pack's positive outcomes fall in (HUMSTAT only if humanitarian counts as positive). */
    static List<String> positiveCategories(PackRules.Rules rules) {
        List<String> categories = new ArrayList<>();
        EUROSTAT.forEach((name, outcomes) -> {
            if (outcomes.stream().anyMatch(rules.positive()::contains)) {
                categories.add(name);
            }
        });
        return categories;
    }

    private static String label(Object key, @Nullable Period period) {
        if (!(key instanceof LocalDate date) || period == null) {
            return String.valueOf(key);
        }
        return switch (period) {
            case month -> date.toString().substring(0, 7);
            case quarter -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
            case year -> Integer.toString(date.getYear());
        };
    }

    private <T> List<T> read(String report, java.util.function.Supplier<List<T>> query) {
        return transactions.executeWrite(status -> {
            List<T> result = query.get();
            audit.record("report." + report, "report", report, AuditTrail.Outcome.SUCCESS);
            return result;
        });
    }

    private static String tenant() {
        return Caller.require().tenantId();
    }

    private static void check(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (from.plusYears(20).isBefore(to)) {
            throw ProblemException.invalid("to", "a report spans at most 20 years");
        }
    }

    /** Rounding of single published figures outside a table. */
    static final class SmallCellsRounding {
        private SmallCellsRounding() {
        }

        static long round(long value, int base) {
            return base <= 1 ? value : Math.round((double) value / base) * base;
        }
    }
}
