package org.sanctuary.reporting.report;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.transaction.TransactionOperations;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.sanctuary.common.persistence.Sql;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.reporting.Eurostat;
import org.sanctuary.reporting.protection.SmallCells;

import java.io.Writer;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/reports/…} for the tenant's analysts and supervisors, JSON or — with
 * {@code Accept: text/csv} — CSV streamed row by row, under the same protection (suppressed cells are
 * {@code c}, Eurostat's confidentiality flag). {@code /platform} gives platform administrators counts
 * across tenants, never a person-level row.
 */
@Controller("/api/v1/reports")
@Secured({Roles.ANALYST, Roles.SUPERVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(SmallCells.Cell.class)
class ReportController {

    private final Reports reports;
    private final PackRules packs;
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;

    ReportController(Reports reports, PackRules packs, Sql sql, TransactionOperations<Connection> transactions) {
        this.reports = reports;
        this.packs = packs;
        this.sql = sql;
        this.transactions = transactions;
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/claims", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> claims(@QueryValue LocalDate from, @QueryValue LocalDate to,
                           @QueryValue(defaultValue = "month") Reports.Period period,
                           @QueryValue(defaultValue = "status") Reports.Dimension by,
                           @Header(HttpHeaders.AUTHORIZATION) String authorization, HttpRequest<?> request) {
        return respond(reports.claims(from, to, period, by, packs.of(authorization)), request);
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/decisions", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> decisions(@QueryValue LocalDate from, @QueryValue LocalDate to,
                              @QueryValue(defaultValue = "month") Reports.Period period,
                              @QueryValue(defaultValue = "FIRST_INSTANCE") Stage stage,
                              @Header(HttpHeaders.AUTHORIZATION) String authorization, HttpRequest<?> request) {
        return respond(reports.decisions(from, to, period, stage == Stage.FINAL, packs.of(authorization)), request);
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/documents", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> documents(@QueryValue LocalDate from, @QueryValue LocalDate to,
                              @QueryValue(defaultValue = "month") Reports.Period period,
                              @Header(HttpHeaders.AUTHORIZATION) String authorization, HttpRequest<?> request) {
        return respond(reports.documents(from, to, period, packs.of(authorization)), request);
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/rules", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> rules(@QueryValue LocalDate from, @QueryValue LocalDate to, @Header(HttpHeaders.AUTHORIZATION) String authorization,
                          HttpRequest<?> request) {
        return respond(reports.rulesMet(from, to, packs.of(authorization)), request);
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/backlog", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> backlog(@Header(HttpHeaders.AUTHORIZATION) String authorization, HttpRequest<?> request) {
        return respond(reports.backlog(packs.of(authorization)), request);
    }

    @Get("/processing-time")
    Reports.ProcessingTime processingTime(@QueryValue LocalDate from, @QueryValue LocalDate to,
                                          @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return reports.processingTime(from, to, packs.of(authorization));
    }

    /**
     * First-instance decisions in {@code year} by tenant and Eurostat category, across every tenant,
     * under the platform's protection (threshold 10, rounding to 5).
     */
    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/platform", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Secured(Roles.PLATFORM_ADMIN)
    HttpResponse<?> platform(@QueryValue @Min(1900) @Max(9999) int year, HttpRequest<?> request) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<String> tenants = transactions.executeRead(status -> sql.query("select tenant_id from report_tenant order by 1", rs -> rs.getString(1)));
        List<Object[]> counts = new ArrayList<>();
        PackRules.Rules platformRules = new PackRules.Rules(10, 5, List.of("REFUGEE_STATUS", "SUBSIDIARY_PROTECTION"));
        for (String tenant : tenants) {
            Reports.Report one = Caller.callAs(Caller.system(tenant, "platform-report"),
                    () -> reports.decisions(from, to, Reports.Period.year, false, new PackRules.Rules(1, 1, platformRules.positive())));
            for (int j = 0; j < one.columns().size(); j++) {
                SmallCells.Cell total = one.columnTotals().get(j);
                counts.add(new Object[]{tenant, one.columns().get(j), total.value() == null ? 0L : total.value()});
            }
        }
        Reports.Report report = reports.table("platform-first-instance-decisions", from, to, null, counts,
                new ArrayList<>(Eurostat.CATEGORIES.keySet()), platformRules, false);
        return respond(report, request);
    }

    enum Stage { FIRST_INSTANCE, FINAL }

    private static HttpResponse<?> respond(Reports.Report report, HttpRequest<?> request) {
        boolean csv = request.accept().stream().anyMatch(type -> type.getName().equals("text/csv"));
        if (!csv) {
            return HttpResponse.ok(report);
        }
        Writable body = (Writer out) -> {
            out.write(cell("") + "," + String.join(",", report.columns().stream().map(ReportController::cell).toList()) + ",total\n");
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
        return HttpResponse.ok(body).contentType(MediaType.of("text/csv")).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + report.report() + ".csv\"");
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
