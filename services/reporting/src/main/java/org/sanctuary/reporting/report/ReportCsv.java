package org.sanctuary.reporting.report;

import io.micronaut.core.io.Writable;
import org.sanctuary.reporting.protection.SmallCells;

import java.io.Writer;

/** A report as CSV: a header of columns, a row per row with its total, the totals last; a suppressed cell is {@code c}. */
final class ReportCsv {

    private ReportCsv() {
    }

    static Writable of(Reports.Report report) {
        return (Writer out) -> {
            out.write(cell("") + "," + String.join(",", report.columns().stream().map(ReportCsv::cell).toList()) + ",total\n");
            for (int i = 0; i < report.rows().size(); i++) {
                out.write(cell(report.rows().get(i)));
                for (SmallCells.Cell c : report.cells().get(i)) {
                    out.write("," + value(c));
                }
                out.write("," + value(report.rowTotals().get(i)) + "\n");
            }
            out.write("total");
            for (SmallCells.Cell c : report.columnTotals()) {
                out.write("," + value(c));
            }
            out.write("," + value(report.total()) + "\n");
        };
    }

    private static String value(SmallCells.Cell c) {
        return c.suppressed() ? "c" : String.valueOf(c.value());
    }

    /** CSV-safe: quoted, quotes doubled, and no leading formula character for spreadsheets. */
    private static String cell(String text) {
        String safe = text.matches("^[=+\\-@].*") ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
