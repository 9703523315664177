package org.sanctuary.reporting.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.reporting.Eurostat;
import org.sanctuary.reporting.protection.SmallCells;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenant's statistics from the read models, every table small-cell protected under its pack.
 * Decisions follow Eurostat {@code migr_asydec}: outcome categories, first instance or final, and a
 * person counted once per period (their latest decision in it).
 */
@Singleton
public class Reports {

    public enum Period { month, quarter, year }

    public enum Dimension { status, militaryStatus, nationality }

    /** A protected table as served: suppressed cells say so and carry no value; rates only on published counts. */
    @Serdeable
    public record Report(String report, LocalDate from, LocalDate to, @Nullable Period period, int threshold, int rounding,
                         List<String> rows, List<String> columns, List<List<SmallCells.Cell>> cells, List<SmallCells.Cell> rowTotals,
                         List<SmallCells.Cell> columnTotals, SmallCells.Cell total,
                         // a row's rate is null where a count it needs is suppressed
                         @ArraySchema(schema = @Schema(type = "number", format = "double", nullable = true)) @Nullable List<Double> rates) {
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

    /**
     * The platform's report for {@code year}: every tenant's first-instance decisions by outcome, each tenant read as
     * itself (its rows only, through RLS), under the platform's protection (threshold 10, rounding to 5).
     */
    public Report platform(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<String> tenants = transactions.executeRead(status -> sql.query("select tenant_id from report_tenant order by 1", rs -> rs.getString(1)));
        List<Object[]> counts = new ArrayList<>();
        PackRules.Rules platformRules = new PackRules.Rules(10, 5, List.of("REFUGEE_STATUS", "SUBSIDIARY_PROTECTION"));
        for (String tenant : tenants) {
            Report one = Caller.callAs(Caller.system(tenant, "platform-report"),
                    () -> decisions(from, to, Period.year, false, new PackRules.Rules(1, 1, platformRules.positive())));
            for (int j = 0; j < one.columns().size(); j++) {
                SmallCells.Cell total = one.columnTotals().get(j);
                counts.add(new Object[]{tenant, one.columns().get(j), total.value() == null ? 0L : total.value()});
            }
        }
        Report report = table("platform-first-instance-decisions", from, to, null, counts,
                new ArrayList<>(Eurostat.CATEGORIES.keySet()), platformRules, false);
        return report;
    }

    public Report claims(LocalDate from, LocalDate to, Period period, Dimension by, PackRules.Rules rules) {
        check(from, to, period);
        List<Object[]> counts = read("claims", () -> sql.query("select date_trunc(?, day)::date as p, value as k, sum(n) as n from claim_count "
                        + "where tenant_id = ? and dimension = ? and day between ? and ? group by 1, 2 having sum(n) <> 0",
                rs -> new Object[]{rs.getObject("p", LocalDate.class), rs.getString("k"), rs.getLong("n")},
                period.name(), tenant(), by.name(), from, to));
        return table("claims-by-" + by.name(), from, to, period, counts, List.of(), rules, false);
    }

    /** Whole reference periods: those starting between the start of {@code from}'s period and {@code to}. */
    public Report decisions(LocalDate from, LocalDate to, Period period, boolean finalStage, PackRules.Rules rules) {
        check(from, to, period);
        List<Object[]> counts = read("decisions", () -> sql.query("select period_start as p, category as k, persons as n from decision_count "
                        + "where tenant_id = ? and stage = ? and period = ? and period_start between date_trunc(?, ?::date)::date and ? and persons > 0",
                rs -> new Object[]{rs.getObject("p", LocalDate.class), rs.getString("k"), rs.getLong("n")},
                tenant(), finalStage ? "APPEAL" : "FIRST_INSTANCE", period.name(), period.name(), from, to));
        return table(finalStage ? "final-decisions" : "first-instance-decisions", from, to, period, counts,
                new ArrayList<>(Eurostat.CATEGORIES.keySet()), rules, true);
    }

    /** Evidence added per period by category (documents still held and deleted alike). */
    public Report documents(LocalDate from, LocalDate to, Period period, PackRules.Rules rules) {
        check(from, to, period);
        List<Object[]> counts = read("documents", () -> sql.query("select date_trunc(?, added_on)::date as p, category as k, count(*) as n "
                        + "from document_record where tenant_id = ? and added_on between ? and ? group by 1, 2",
                rs -> new Object[]{rs.getObject("p", LocalDate.class), rs.getString("k"), rs.getLong("n")}, period.name(), tenant(), from, to));
        return table("documents-by-category", from, to, period, counts, List.of(), rules, false);
    }

    public Report rulesMet(LocalDate from, LocalDate to, PackRules.Rules rules) {
        check(from, to, Period.month);
        List<Object[]> counts = read("rules", () -> sql.query("select r, count(*) as n from (select unnest(rules_met) as r from decision_record "
                        + "where tenant_id = ? and stage = 'FIRST_INSTANCE' and decided_on between ? and ? and outcome = any(?)) met group by 1",
                rs -> new Object[]{rs.getString("r"), "positive decisions", rs.getLong("n")}, tenant(), from, to,
                rules.positive().toArray(String[]::new)));
        return table("rules-met-in-positive-decisions", from, to, null, counts, List.of("positive decisions"), rules, false);
    }

    /** The backlog's columns: open claims by the days left to their first-instance deadline. */
    public static final List<String> BACKLOG_COLUMNS = List.of("OVERDUE", "DUE_IN_7_DAYS", "DUE_IN_30_DAYS", "DUE_IN_90_DAYS", "DUE_LATER");

    /** Open claims today by time to their first-instance deadline: overdue, within 7, 30 or 90 days, later. */
    public Report backlog(PackRules.Rules rules) {
        LocalDate today = LocalDate.now(clock);
        List<Object[]> counts = read("backlog", () -> sql.query("select case when deadline < ? then 'OVERDUE' "
                        + "when deadline <= ? then 'DUE_IN_7_DAYS' when deadline <= ? then 'DUE_IN_30_DAYS' "
                        + "when deadline <= ? then 'DUE_IN_90_DAYS' else 'DUE_LATER' end as k, sum(n) as n "
                        + "from backlog_count where tenant_id = ? group by 1",
                rs -> new Object[]{today, rs.getString("k"), rs.getLong("n")},
                today, today.plusDays(7), today.plusDays(30), today.plusDays(90), tenant()));
        return table("backlog", today, today, null, counts, BACKLOG_COLUMNS, rules, false);
    }

    /** Median and p90 days from lodging to first-instance decision, over whole months (percentile_cont's interpolation). */
    public ProcessingTime processingTime(LocalDate from, LocalDate to, PackRules.Rules rules) {
        check(from, to, Period.month);
        List<long[]> histogram = read("processing-time", () -> sql.query("select days, sum(n) as n from processing_count where tenant_id = ? "
                        + "and month between date_trunc('month', ?::date)::date and ? group by days having sum(n) > 0 order by days",
                rs -> new long[]{rs.getLong("days"), rs.getLong("n")}, tenant(), from, to));
        long n = histogram.stream().mapToLong(h -> h[1]).sum();
        if (n < rules.threshold()) {
            return new ProcessingTime(from, to, true, null, null, null, rules.threshold());
        }
        return new ProcessingTime(from, to, false, SmallCells.round(n, rules.rounding()), percentile(histogram, n, 0.5),
                percentile(histogram, n, 0.9), rules.threshold());
    }

    static double percentile(List<long[]> histogram, long n, double p) {
        double position = p * (n - 1);
        long below = (long) Math.floor(position);
        return valueAt(histogram, below) + (position - below) * (valueAt(histogram, Math.min(n - 1, below + 1)) - valueAt(histogram, below));
    }

    private static long valueAt(List<long[]> histogram, long index) {
        long seen = 0;
        for (long[] h : histogram) {
            seen += h[1];
            if (index < seen) {
                return h[0];
            }
        }
        return histogram.get(histogram.size() - 1)[0];
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
        Eurostat.CATEGORIES.forEach((name, outcomes) -> {
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

    /** The first day of the month, quarter or year {@code day} lies in. */
    static LocalDate start(LocalDate day, Period period) {
        return switch (period) {
            case month -> day.withDayOfMonth(1);
            case quarter -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case year -> day.withDayOfYear(1);
        };
    }

    private static int months(Period period) {
        return switch (period) {
            case month -> 1;
            case quarter -> 3;
            case year -> 12;
        };
    }

    private static String tenant() {
        return Caller.require().tenantId();
    }

    /**
     * A report covers whole reference periods only: {@code from} is the first day of a month, quarter
     * or year ({@code period}; whole months where a report has none) and {@code to} the last day of
     * one. Windows of any days would let two reports be differenced down to a single person
     * (docs/reporting.md).
     */
    static void check(LocalDate from, LocalDate to, Period period) {
        if (!from.equals(start(from, period))) {
            throw ProblemException.invalid("from", "must be the first day of a " + period + " (whole " + period + "s only), e.g. "
                    + start(from, period));
        }
        if (!to.equals(start(to, period).plusMonths(months(period)).minusDays(1))) {
            throw ProblemException.invalid("to", "must be the last day of a " + period + " (whole " + period + "s only), e.g. "
                    + start(to, period).plusMonths(months(period)).minusDays(1));
        }
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (from.plusYears(20).isBefore(to)) {
            throw ProblemException.invalid("to", "a report spans at most 20 years");
        }
    }
}
