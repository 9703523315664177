package org.sanctuary.tenants.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.sanctuary.common.tenancy.Roles;

import java.time.LocalDate;
import java.util.List;

/** {@code /api/v1/tenants/{id}/policy-packs}: the tenant's policy-admin edits, publishes and compares versions. */
@Controller("/api/v1/tenants/{tenantId}/policy-packs")
@Secured(Roles.POLICY_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class PolicyPackController {

    /**
     * What a draft's body is, for the API document only: the pack document, a JSON object the schema of
     * {@code GET /api/v1/policy/schema} describes (the controller reads it as text, to validate it against that schema).
     */
    @Schema(name = "PolicyPackDocument", type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description = "A policy pack document, as GET /api/v1/policy/schema describes it")
    record PackDocumentBody() {
    }

    @Serdeable
    record Publication(@NotNull LocalDate effectiveFrom) {
    }

    /**
     * Request example (the API document): a pack valid against the schema of {@code GET /api/v1/policy/schema}, with one
     * sample case (a Russian reservist mobilised in October 2022, fictional) that its publication runs.
     */
    static final String EXAMPLE_PACK = """
            {"schemaVersion": 1,
             "name": "EU member state, 2027 revision (example)",
             "legalFramework": "EU_QD_2011_95",
             "rules": {"GIP10-1": {"enabled": true, "objectionAloneSuffices": true}},
             "temporaryProtection": [{"nationality": "UA", "basis": "Council Implementing Decision (EU) 2022/382",
                                      "from": "2022-03-04", "until": "2027-03-04"}],
             "coi": {"RU": {
               "asOf": "2025-09-01",
               "sources": ["EUAA COI report: Russian Federation - Military service (2024)", "UNHCR GIP 10 (2013)",
                           "CNDA 20 July 2023"],
               "armedConflict": {"active": true, "systematicIhlViolations": true, "warCrimesProsecuted": false,
                                 "internationalMandate": false},
               "occupiedRegions": [],
               "penalties": {"evasionMaxYears": 2, "desertionMaxYears": 15, "disproportionate": true, "discriminatory": true,
                             "extrajudicial": true},
               "alternativeService": "PUNITIVE",
               "objectorProcedure": "INEFFECTIVE",
               "discriminatoryRecruitment": ["ETHNIC_MINORITY", "POLITICAL_OPPONENT"],
               "conditionsOfService": ["HAZING", "ETHNIC_ABUSE", "HOMOPHOBIC_ABUSE", "TORTURE"],
               "nonStateRecruitment": {"present": false, "childRecruitment": false, "stateProtection": true}}},
             "deadlines": {"firstInstanceDecisionDays": 180, "appealDays": 14},
             "recognitionRate": {"positive": ["REFUGEE_STATUS", "SUBSIDIARY_PROTECTION", "NATIONAL_HUMANITARIAN"]},
             "reporting": {"smallCellThreshold": 5, "rounding": 5},
             "documents": {"maxBytes": 52428800, "allowedTypes": ["application/pdf", "image/jpeg", "image/png"], "retentionYears": 10},
             "languages": ["de", "en", "ru", "uk"],
             "timezone": "Europe/Berlin",
             "sampleCases": [{"id": "ru-mobilised-reservist", "assessmentDate": "2025-10-01",
               "facts": {"applicant": {"nationalities": ["RU"], "age": 29, "regionOfOrigin": {"country": "RU", "region": "Moscow"}},
                         "military": {"status": "MOBILISED_RESERVIST", "recruitingActor": "STATE", "recruitingCountry": "RU",
                                      "callUp": {"received": true, "date": "2022-10-03", "channel": "IN_PERSON", "punitive": false}},
                         "credibility": {"militaryStatus": "ACCEPTED", "callUp": "ACCEPTED"}},
               "expected": {"recommendation": "REFUGEE_STATUS"}}]}
            """;

    private final PolicyPacks packs;

    PolicyPackController(PolicyPacks packs) {
        this.packs = packs;
    }

    /**
     * A new draft version; the body is the pack document, validated against the schema. The violations are worded in
     * the first language of {@code Accept-Language} the validator writes (en, ru, uk, de, fr).
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PackDocumentBody.class),
            examples = @ExampleObject(name = "euMemberState", summary = "An EU member state's pack with one sample case",
                    value = EXAMPLE_PACK)))
    HttpResponse<PolicyPack> create(@PathVariable String tenantId, @Body String document,
                                    @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        PolicyPack draft = packs.createDraft(tenantId, document, PolicyPackSchema.language(acceptLanguage));
        return HttpResponse.<PolicyPack>status(HttpStatus.CREATED).body(draft)
                .header(HttpHeaders.LOCATION, "/api/v1/tenants/" + tenantId + "/policy-packs/" + draft.version());
    }

    @Get
    List<PolicyPack> versions(@PathVariable String tenantId) {
        return packs.versions(tenantId);
    }

    @Get("/{version}")
    HttpResponse<PolicyPack> version(@PathVariable String tenantId, @PathVariable int version) {
        PolicyPack pack = packs.version(tenantId, version);
        return HttpResponse.ok(pack).header(HttpHeaders.ETAG, pack.etag());
    }

    /** Replaces a draft; a published version is 409. Violations as for {@link #create}. */
    @Put("/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PackDocumentBody.class),
            examples = @ExampleObject(name = "euMemberState", summary = "An EU member state's pack with one sample case",
                    value = EXAMPLE_PACK)))
    @ApiResponse(responseCode = "409", description = "The version is published and never changes again: create a new draft "
            + "instead (problem type `conflict`)")
    PolicyPack update(@PathVariable String tenantId, @PathVariable int version, @Body String document,
                      @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return packs.updateDraft(tenantId, version, document, PolicyPackSchema.language(acceptLanguage));
    }

    /** Publishes a draft from {@code effectiveFrom} (today or later); publishing twice is 409. */
    @Post("/{version}/publish")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Publication.class),
            examples = @ExampleObject(name = "newYear", summary = "In force from the first day of 2027",
                    value = "{\"effectiveFrom\": \"2027-01-01\"}")))
    @ApiResponse(responseCode = "409", description = "The version is already published, or was published meanwhile "
            + "(problem type `conflict`)")
    @ApiResponse(responseCode = "422", description = "effectiveFrom lies in the past, or some of the pack's own sample cases "
            + "fail (each named in violations) (problem type `unprocessable`)")
    PolicyPack publish(@PathVariable String tenantId, @PathVariable int version, @Body @Valid Publication publication) {
        return packs.publish(tenantId, version, publication.effectiveFrom());
    }

    /** Runs the version's own sample cases through the assessment's simulation, as the caller: each case passed or why not. */
    @Post("/{version}/sample-cases")
    SampleCaseRun sampleCases(@PathVariable String tenantId, @PathVariable int version) {
        List<PackTestSuite.CaseResult> cases = packs.runSampleCases(tenantId, version);
        int passed = (int) cases.stream().filter(PackTestSuite.CaseResult::passed).count();
        return new SampleCaseRun(version, passed, cases.size() - passed, cases);
    }

    /** A run of a version's sample cases: how many passed and failed, and each case. */
    @Serdeable
    record SampleCaseRun(int version, int passed, int failed, List<PackTestSuite.CaseResult> cases) {
    }

    /** One operation of an RFC 6902 JSON Patch, as the diff writes it (the schema of the diff's answer). */
    @Serdeable
    record PatchOperation(String op, String path, @Nullable String from,
                          @Nullable @Schema(description = "any JSON value: the value added or put in place",
                                  anyOf = {String.class, Double.class, Boolean.class, Object.class, List.class}) Object value) {
    }

    /** RFC 6902 JSON Patch turning version {@code version} into version {@code to}. */
    @Get(value = "/{version}/diff", produces = MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the JSON Patch (RFC 6902) from this version to version `to`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = PatchOperation.class))))
    @ApiResponse(responseCode = "422", description = "One of the two versions was stored before packs were bounded and is "
            + "larger than a pack may now be, so it is not compared (problem type `unprocessable`)")
    String diff(@PathVariable String tenantId, @PathVariable int version, @QueryValue int to) {
        return packs.diff(tenantId, version, to);
    }
}
