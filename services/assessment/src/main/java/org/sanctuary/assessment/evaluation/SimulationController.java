package org.sanctuary.assessment.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
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
    HttpResponse<Assessment> simulate(@Body @Valid SimulationRequest request, @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                      @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        LocalDate date = request.assessmentDate() == null ? LocalDate.now(clock) : request.assessmentDate();
        Assessment result;
        if (request.pack() != null) {
            result = engine.assess(request.pack(), request.facts(), date, "submitted");
        } else {
            Upstream.EffectivePack effective = upstream.policy(date, authorization);
            result = engine.assess(effective.pack(), request.facts(), date, Integer.toString(effective.version()));
        }
        Locale language = Reasons.supported(acceptLanguage);
        return HttpResponse.ok(Reasons.in(result, language)).header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
    }
}
