package org.sanctuary.reporting;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.common.testing.ApiClient;
import org.sanctuary.common.testing.ApplicantRequest;
import org.sanctuary.common.testing.CatalogCheck;
import org.sanctuary.common.testing.ClaimRequest;
import org.sanctuary.common.testing.ServiceDatabase;
import org.sanctuary.common.testing.ServiceTestProperties;
import org.sanctuary.common.testing.TestJwtIssuer;
import org.sanctuary.common.testing.TwoTenants;
import org.sanctuary.devstack.ServiceProcess;
import org.sanctuary.reporting.feed.Feeds;
import org.sanctuary.testkit.RealUpstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports built from the real services' feeds: claims lodged in the real intake, assessed and decided
 * (four eyes) in the real assessment service, read by this service with its own token.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingApiTest implements TestPropertyProvider {

    private final ServiceDatabase db = ServiceDatabase.create("reporting");
    private final RealUpstream upstream = RealUpstream.get().tenant(TwoTenants.A, pack()).tenant(TwoTenants.B, pack());
    private final String assessment = upstream.assessment();
    private final String documents = upstream.documents();
    private final String caseworker = TestJwtIssuer.get().token(TwoTenants.A, "cw-rep", "caseworker");
    private final String supervisor = TestJwtIssuer.get().token(TwoTenants.A, "sv-rep", "supervisor");
    private final String analyst = TestJwtIssuer.get().token(TwoTenants.A, "an-rep", "analyst");
    private final String year = Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
    private final String range = "from=" + year + "-01-01&to=" + year + "-12-31&period=year";

    @Inject
    EmbeddedServer server;

    @Inject
    Feeds feeds;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ServiceTestProperties.forService(db));
        properties.put("sanctuary.tenants.url", upstream.tenants);
        properties.put("sanctuary.reporting.sources.intake", upstream.intake);
        properties.put("sanctuary.reporting.sources.assessment", assessment);
        properties.put("sanctuary.reporting.sources.tenants", upstream.tenants);
        properties.put("sanctuary.reporting.sources.documents", documents);
        properties.put("sanctuary.platform.token-url", TestJwtIssuer.get().tokenUrl());
        properties.put("sanctuary.reporting.feed-interval", "1h"); // the test drives the feeds
        return properties;
    }

    /** eu-member (small-cell threshold 5, the platform floor), without rounding so the counts can be checked exactly. */
    private static String pack() {
        try {
            return Files.readString(ServiceProcess.root().resolve("devstack/src/main/resources/demo-packs/eu-member.json"))
                    .replace("\"rounding\": 5", "\"rounding\": 1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiClient api() {
        return new ApiClient(server.getURL().toString());
    }

    private String applicant(String nationality) {
        ApiClient.Response created = new ApiClient(upstream.intake).post("/api/v1/applicants", caseworker,
                ApplicantRequest.named("Иван", "Статистиков").nationality(nationality).born("1990-05-05").body());
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").toString();
    }

    /** A lodged claim, assessed, decided with {@code outcome} and approved by a second person. */
    private String decided(String applicant, String outcome) {
        ApiClient intake = new ApiClient(upstream.intake);
        String claim = intake.post("/api/v1/claims", caseworker, ClaimRequest.forApplicant(applicant)
                .military("callUp", ClaimRequest.callUpReceived())
                .military("served", null)
                .military("deserted", null)
                .body()).json().get("id").toString();
        assertEquals(200, intake.post("/api/v1/claims/" + claim + "/actions/lodge", caseworker, "").status());
        if (outcome == null) {
            return claim;
        }
        ApiClient assess = new ApiClient(assessment);
        String run = assess.post("/api/v1/assessments", caseworker, Map.of("claimId", claim)).json().get("id").toString();
        ApiClient.Response decision = assess.post("/api/v1/decisions", caseworker, Map.of("assessmentId", run, "outcome", outcome,
                "reasons", "Decided so for the statistics test."));
        assertEquals(201, decision.status(), decision.body());
        assertEquals(200, assess.post("/api/v1/decisions/" + decision.json().get("id") + "/approve", supervisor, "{}").status());
        return claim;
    }

    @BeforeAll
    void someClaimsAreLodgedAndDecided() {
        String twice = applicant("RU");
        decided(twice, "REFUGEE_STATUS");
        decided(twice, "REFUGEE_STATUS"); // the same person decided twice this year: counted once
        for (int i = 0; i < 4; i++) {
            decided(applicant("RU"), "REFUGEE_STATUS");
        }
        decided(applicant("RU"), "REJECT");
        decided(applicant("RU"), null);
        String evidence = decided(applicant("UA"), null);
        try {
            java.net.http.HttpResponse<String> uploaded = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(documents + "/api/v1/documents?claimId=" + evidence + "&category=SUMMONS&filename=summons.pdf"))
                    .header("Authorization", "Bearer " + caseworker).header("Content-Type", "application/pdf")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("%PDF-1.4\n% summons\n%%EOF\n")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, uploaded.statusCode(), uploaded.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertTrue(feeds.catchUp() > 0);
    }

    @Test
    void eachPersonIsCountedOncePerPeriodAndSmallCellsAreMarkedNotZeroed() {
        ApiClient.Response decisions = api().get("/api/v1/reports/decisions?" + range, analyst);
        assertEquals(200, decisions.status(), decisions.body());
        List<?> columns = (List<?>) decisions.json().get("columns");
        int genconv = columns.indexOf("GENCONV");
        int rejected = columns.indexOf("REJECTED");
        assertEquals(5, ((Number) decisions.at("cells.0." + genconv + ".value")).intValue(), decisions.body()); // 6 decisions, 5 people
        assertEquals(true, decisions.at("cells.0." + rejected + ".suppressed"), decisions.body());
        assertNull(decisions.at("cells.0." + rejected + ".value"), "a suppressed cell has no value, never 0");
        assertNull(decisions.at("rates.0"), "no rate built on a suppressed count: " + decisions.body());

        ApiClient.Response byNationality = api().get("/api/v1/reports/claims?" + range + "&by=nationality", analyst);
        assertEquals(200, byNationality.status(), byNationality.body());
        int ua = ((List<?>) byNationality.json().get("columns")).indexOf("UA");
        assertEquals(true, byNationality.at("cells.0." + ua + ".suppressed"), byNationality.body());
    }

    @Test
    void evidenceIsCountedFromTheDocumentsFeedAndASingleOneSuppressed() {
        ApiClient.Response report = api().get("/api/v1/reports/documents?" + range, analyst);
        assertEquals(200, report.status(), report.body());
        assertEquals(List.of("SUMMONS"), report.json().get("columns"), report.body());
        assertEquals(true, report.at("cells.0.0.suppressed"), report.body());
    }

    @Test
    void csvCarriesTheSameProtection() {
        ApiClient.Response csv = api().send("GET", "/api/v1/reports/decisions?" + range, analyst, null, Map.of("Accept", "text/csv"));
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).contains("\"GENCONV\"") && lines.get(0).endsWith(",total"), lines.get(0));
        assertTrue(lines.get(1).startsWith("\"" + year + "\"") && lines.get(1).contains(",5,") && lines.get(1).contains(",c"), csv.body());
        assertTrue(lines.get(lines.size() - 1).startsWith("total"), csv.body());
    }

    @Test
    void aRebuildFromSeqZeroGivesIdenticalReports() {
        String before = dashboard() + api().get("/api/v1/reports/rules?" + range.replace("&period=year", ""), analyst).body();
        assertTrue(feeds.rebuild() > 0);
        assertEquals(0, feeds.catchUp(), "nothing new after the rebuild");
        String after = dashboard() + api().get("/api/v1/reports/rules?" + range.replace("&period=year", ""), analyst).body();
        assertEquals(before, after);
    }

    @Test
    void theCountsKeptAsEventsArriveEqualTheCountsDerivedFromTheReadModels() {
        String before = dashboard();
        String service = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("ops", List.of("platform-service")).build());
        assertEquals(200, api().post("/internal/v1/feeds/rederive", service, "").status());
        assertEquals(before, dashboard());
        assertEquals(403, api().post("/internal/v1/feeds/rederive", analyst, "").status());
    }

    private String dashboard() {
        String days = range.replace("&period=year", "");
        return api().get("/api/v1/reports/decisions?" + range, analyst).body()
                + api().get("/api/v1/reports/decisions?" + range.replace("year", "month"), analyst).body()
                + api().get("/api/v1/reports/claims?" + range + "&by=status", analyst).body()
                + api().get("/api/v1/reports/claims?" + range + "&by=nationality", analyst).body()
                + api().get("/api/v1/reports/processing-time?" + days, analyst).body()
                + api().get("/api/v1/reports/backlog", analyst).body();
    }

    @Test
    void anOffboardedTenantLeavesNothingInTheStatistics() throws Exception {
        String leaving = "tenant-leaving";
        upstream.tenant(leaving, pack());
        String token = TestJwtIssuer.get().token(leaving, "cw-leaving", "caseworker");
        ApiClient intake = new ApiClient(upstream.intake);
        String applicant = intake.post("/api/v1/applicants", token, ApplicantRequest.named("Олег", "Уходящий").born("1991-01-01").body())
                .json().get("id").toString();
        String claim = intake.post("/api/v1/claims", token, ClaimRequest.forApplicant(applicant).statusOnly().body())
                .json().get("id").toString();
        assertEquals(200, intake.post("/api/v1/claims/" + claim + "/actions/lodge", token, "").status());
        feeds.catchUp();
        assertEquals(1, rows("claim_record", leaving));
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        assertEquals(200, new ApiClient(upstream.tenants).post("/api/v1/tenants/" + leaving + "/offboard", platform, "").status());
        feeds.catchUp();
        for (String table : List.of("claim_record", "claim_count", "backlog_count", "applied_event", "report_tenant")) {
            assertEquals(0, rows(table, leaving), table);
        }
        assertTrue(rows("claim_record", TwoTenants.A) > 0, "other tenants untouched");
    }

    private long rows(String table, String tenant) throws java.sql.SQLException {
        try (Connection admin = db.adminConnection(); java.sql.Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select count(*) from " + table + " where tenant_id = '" + tenant + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void processingTimeBacklogAndRules() {
        ApiClient.Response time = api().get("/api/v1/reports/processing-time?" + range.replace("&period=year", ""), analyst);
        assertEquals(200, time.status(), time.body());
        assertEquals(false, time.json().get("suppressed"));
        assertEquals(0.0, ((Number) time.json().get("medianDays")).doubleValue(), time.body()); // lodged and decided today
        ApiClient.Response backlog = api().get("/api/v1/reports/backlog", analyst);
        assertEquals(200, backlog.status(), backlog.body());
        assertEquals(List.of("OVERDUE", "DUE_IN_7_DAYS", "DUE_IN_30_DAYS", "DUE_IN_90_DAYS", "DUE_LATER"), backlog.json().get("columns"));
        ApiClient.Response rules = api().get("/api/v1/reports/rules?" + range.replace("&period=year", ""), analyst);
        assertEquals(200, rules.status(), rules.body());
        assertTrue(((List<?>) rules.json().get("rows")).contains("QD-9-2-e"), rules.body());
    }

    /** Issue 11, item 11: no window of arbitrary days, so two reports cannot be differenced down to one person. */
    @Test
    void reportsCoverWholeMonthsQuartersOrYearsOnly() {
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("/api/v1/reports/decisions?from=" + year + "-01-02&to=" + year + "-12-31&period=year", "from");
        refused.put("/api/v1/reports/decisions?from=" + year + "-01-01&to=" + year + "-12-30&period=month", "to");
        refused.put("/api/v1/reports/decisions?from=" + year + "-02-01&to=" + year + "-04-30&period=quarter", "from");
        refused.put("/api/v1/reports/decisions?from=" + year + "-04-01&to=" + year + "-05-31&period=quarter", "to");
        refused.put("/api/v1/reports/claims?from=" + year + "-03-01&to=" + year + "-03-30&period=month", "to");
        refused.put("/api/v1/reports/documents?from=" + year + "-03-31&to=" + year + "-03-31&period=month", "from");
        refused.put("/api/v1/reports/rules?from=" + year + "-01-15&to=" + year + "-01-31", "from");
        refused.put("/api/v1/reports/processing-time?from=" + year + "-01-01&to=" + year + "-01-30", "to");
        refused.forEach((path, parameter) -> {
            ApiClient.Response response = api().get(path, analyst);
            assertEquals(400, response.status(), path + " " + response.body());
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
            assertEquals(parameter, ((Map<?, ?>) ((List<?>) response.json().get("violations")).get(0)).get("field"), path + " " + response.body());
        });
        for (String path : List.of("/api/v1/reports/decisions?from=" + year + "-04-01&to=" + year + "-06-30&period=quarter",
                "/api/v1/reports/decisions?from=" + year + "-01-01&to=" + year + "-03-31&period=month",
                "/api/v1/reports/claims?from=" + year + "-03-01&to=" + year + "-03-31&period=month",
                "/api/v1/reports/documents?from=" + (Integer.parseInt(year) - 1) + "-01-01&to=" + year + "-12-31&period=year",
                "/api/v1/reports/rules?from=" + year + "-01-01&to=" + year + "-01-31",
                "/api/v1/reports/processing-time?from=" + year + "-01-01&to=" + year + "-03-31")) {
            assertEquals(200, api().get(path, analyst).status(), path);
        }
    }

    /**
     * Issue 11, item 11: a pack published before the schema had its floor says threshold 1; reporting
     * still suppresses under 5. The old version is written into the real tenants service's database
     * directly, as it would be there from before.
     */
    @Test
    void noPackLowersTheSmallCellThresholdUnderThePlatformFloor() throws Exception {
        String legacy = "tenant-legacy-floor";
        upstream.tenant(legacy, pack());
        TestPostgresTenants.publishOverride(legacy, pack().replace("\"smallCellThreshold\": 5", "\"smallCellThreshold\": 1"));
        String legacyAnalyst = TestJwtIssuer.get().token(legacy, "an-legacy", "analyst");
        ApiClient.Response policy = new ApiClient(upstream.tenants).get("/api/v1/policy", legacyAnalyst);
        assertEquals(1, ((Number) policy.at("document.reporting.smallCellThreshold")).intValue(), "the legacy pack is in force");
        for (String report : List.of("decisions?" + range, "claims?" + range, "documents?" + range, "rules?" + range.replace("&period=year", ""),
                "processing-time?" + range.replace("&period=year", ""), "backlog")) {
            ApiClient.Response response = api().get("/api/v1/reports/" + report, legacyAnalyst);
            assertEquals(200, response.status(), report + " " + response.body());
            assertEquals(5, ((Number) response.json().get("threshold")).intValue(), report + " " + response.body());
        }
    }

    @Test
    void isolationRolesAndThePlatformView() throws Exception {
        ApiClient.Response other = api().get("/api/v1/reports/decisions?" + range, TestJwtIssuer.get().token(TwoTenants.B, "an-b", "analyst"));
        assertEquals(200, other.status(), other.body());
        assertEquals(List.of(), other.json().get("rows"));
        assertEquals(403, api().get("/api/v1/reports/decisions?" + range, caseworker).status());
        assertEquals(400, api().get("/api/v1/reports/decisions?from=2026-12-31&to=2026-01-01", analyst).status());
        assertEquals(400, api().get("/api/v1/reports/claims?" + range + "&by=religion", analyst).status());
        String platform = TestJwtIssuer.get().token(TestJwtIssuer.get().claims("root", List.of("platform-admin")).build());
        ApiClient.Response view = api().get("/api/v1/reports/platform?year=" + year, platform);
        assertEquals(200, view.status(), view.body());
        assertTrue(((List<?>) view.json().get("rows")).contains(TwoTenants.A), view.body());
        assertFalse(view.body().contains("applicant"), view.body());
        assertEquals(403, api().get("/api/v1/reports/platform?year=" + year, analyst).status());
        // found by ApiFuzzTest: a year past PostgreSQL's dates was a 500
        ApiClient.Response farFuture = api().get("/api/v1/reports/platform?year=9842582", platform);
        assertEquals(400, farFuture.status(), farFuture.body());
        assertEquals("application/problem+json", farFuture.contentType());
        assertEquals(403, api().get("/api/v1/reports/decisions?" + range, platform).status());
        try (Connection owner = db.ownerConnection()) {
            // webhook_tenant is platform data as report_tenant is: which tenants have subscriptions, nothing else
            assertEquals(List.of(), new CatalogCheck().allowTable("report_tenant").allowTable("feed_cursor")
                    .allowTable("webhook_tenant").violations(owner, db.appRole()));
        }
    }
}
