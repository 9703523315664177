package org.sanctuary.reporting.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.reporting.protection.SmallCells;

import java.time.LocalDate;

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

    ReportController(Reports reports, PackRules packs) {
        this.reports = reports;
        this.packs = packs;
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/claims", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> claims(@QueryValue LocalDate from, @QueryValue LocalDate to,
                           @QueryValue(defaultValue = "month") Reports.Period period,
                           @QueryValue(defaultValue = "status") Reports.Dimension by, HttpRequest<?> request) {
        return respond(reports.claims(from, to, period, by, packs.of()), request);
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/decisions", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> decisions(@QueryValue LocalDate from, @QueryValue LocalDate to,
                              @QueryValue(defaultValue = "month") Reports.Period period,
                              @QueryValue(defaultValue = "FIRST_INSTANCE") Stage stage, HttpRequest<?> request) {
        return respond(reports.decisions(from, to, period, stage == Stage.FINAL, packs.of()), request);
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/documents", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> documents(@QueryValue LocalDate from, @QueryValue LocalDate to,
                              @QueryValue(defaultValue = "month") Reports.Period period, HttpRequest<?> request) {
        return respond(reports.documents(from, to, period, packs.of()), request);
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/rules", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> rules(@QueryValue LocalDate from, @QueryValue LocalDate to, HttpRequest<?> request) {
        return respond(reports.rulesMet(from, to, packs.of()), request);
    }

    @ApiResponse(responseCode = "200", description = "the protected table (JSON), or the same as CSV for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reports.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/backlog", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> backlog(HttpRequest<?> request) {
        return respond(reports.backlog(packs.of()), request);
    }

    @Get("/processing-time")
    Reports.ProcessingTime processingTime(@QueryValue LocalDate from, @QueryValue LocalDate to) {
        return reports.processingTime(from, to, packs.of());
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
        return respond(reports.platform(year), request);
    }

    enum Stage { FIRST_INSTANCE, FINAL }

    private static HttpResponse<?> respond(Reports.Report report, HttpRequest<?> request) {
        boolean csv = request.accept().stream().anyMatch(type -> type.getName().equals("text/csv"));
        if (!csv) {
            return HttpResponse.ok(report);
        }
        return HttpResponse.ok(ReportCsv.of(report)).contentType(MediaType.of("text/csv")).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + report.report() + ".csv\"");
    }
}
