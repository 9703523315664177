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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.sanctuary.common.tenancy.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/tenants/{id}/policy-packs}: the tenant's policy-admin edits, publishes and compares versions. */
@Controller("/api/v1/tenants/{tenantId}/policy-packs")
@Secured(Roles.POLICY_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class PolicyPackController {

    @Serdeable
    record Publication(@NotNull LocalDate effectiveFrom) {
    }

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
    PolicyPack update(@PathVariable String tenantId, @PathVariable int version, @Body String document,
                      @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return packs.updateDraft(tenantId, version, document, PolicyPackSchema.language(acceptLanguage));
    }

    /** Publishes a draft from {@code effectiveFrom} (today or later); publishing twice is 409. */
    @Post("/{version}/publish")
    PolicyPack publish(@PathVariable String tenantId, @PathVariable int version, @Body @Valid Publication publication,
                       @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return packs.publish(tenantId, version, publication.effectiveFrom(), authorization);
    }

    /** Runs the version's own sample cases through the assessment's simulation, as the caller: each case passed or why not. */
    @Post("/{version}/sample-cases")
    SampleCaseRun sampleCases(@PathVariable String tenantId, @PathVariable int version,
                              @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        List<PackTestSuite.CaseResult> cases = packs.runSampleCases(tenantId, version, authorization);
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
    String diff(@PathVariable String tenantId, @PathVariable int version, @QueryValue int to) {
        return packs.diff(tenantId, version, to);
    }
}
