package org.sanctuary.assessment.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.sanctuary.assessment.engine.Assessment;
import org.sanctuary.assessment.engine.Engine;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.assessment.engine.PolicyPack;
import org.sanctuary.assessment.engine.Reasons;
import org.sanctuary.assessment.upstream.Upstream;
import org.sanctuary.common.tenancy.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * {@code POST /api/v1/assessments/simulate}: the engine on facts and a pack (the caller's pack in force
 * when omitted) on a date (today when omitted). Nothing is stored; the tenants service runs a pack's own
 * test suite through it before publishing.
 */
@Controller("/api/v1/assessments/simulate")
@Secured({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.POLICY_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class SimulationController {

    @Serdeable
    record SimulationRequest(@Nullable PolicyPack pack, @NotNull Facts facts, @Nullable LocalDate assessmentDate) {

        /**
         * Request example (the API document): a Ukrainian Baptist who served his compulsory service as a medical orderly,
         * then came to refuse all bearing of arms; stopped in the street in 2024 (fictional), under the pack in force.
         */
        static final String EXAMPLE_OBJECTOR = """
                {"facts": {
                   "applicant": {"nationalities": ["UA"], "age": 27, "regionOfOrigin": {"country": "UA", "region": "Zakarpattia"},
                                 "ethnicMinority": false, "religion": "Evangelical Christian Baptist", "lgbtqi": false,
                                 "politicalActivity": [], "sex": "MALE"},
                   "military": {"status": "OBJECTOR_ABSOLUTE", "recruitingActor": "STATE", "recruitingCountry": "UA",
                                "callUp": {"received": true, "date": "2024-06-11", "channel": "STREET", "punitive": false},
                                "unit": {"role": "medical orderly, compulsory service 2017-2018", "implicatedInCrimes": false},
                                "served": true, "deserted": false,
                                "objection": {"held": true, "kind": "ABSOLUTE", "basis": "RELIGIOUS", "procedureUsed": true},
                                "illTreatmentSuffered": [], "exclusionIndicators": []},
                   "credibility": {"militaryStatus": "ACCEPTED", "callUp": "ACCEPTED", "unit": "ACCEPTED", "objection": "ACCEPTED"},
                   "evidence": {"objection": ["c2a9e1f4-6b3d-4f8a-9e27-5d1c8b0a3f64"]}},
                 "assessmentDate": "2026-11-20"}
                """;
    }

    private final Engine engine = new Engine();
    private final Upstream upstream;
    private final Clock clock;

    SimulationController(Upstream upstream, Clock clock) {
        this.upstream = upstream;
        this.clock = clock;
    }

    /** The reasons are written in the first language of {@code Accept-Language} that they exist in (en, ru, uk, de, fr). */
    @Post
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SimulationRequest.class),
            examples = @ExampleObject(name = "conscientiousObjector", summary = "A Ukrainian absolute objector, under the pack in force",
                    value = SimulationRequest.EXAMPLE_OBJECTOR)))
    @ApiResponse(responseCode = "422", description = "No pack was given and none of your organization's is in force on the "
            + "assessment date (problem type `unprocessable`)")
    HttpResponse<Assessment> simulate(@Body @Valid SimulationRequest request,
                                      @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        LocalDate date = request.assessmentDate() == null ? LocalDate.now(clock) : request.assessmentDate();
        Assessment result;
        if (request.pack() != null) {
            result = engine.assess(request.pack(), request.facts(), date, "submitted");
        } else {
            Upstream.EffectivePack effective = upstream.policy(date);
            result = engine.assess(effective.pack(), request.facts(), date, Integer.toString(effective.version()));
        }
        Locale language = Reasons.supported(acceptLanguage);
        return HttpResponse.ok(Reasons.in(result, language)).header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
    }
}
