package org.sanctuary.tenants.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.sanctuary.common.problem.ProblemException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code GET /api/v1/policy[?at=YYYY-MM-DD]}: the caller's organization's pack in force today (or on
 * {@code at}), for any role of the organization, with an ETag so the other services can cache it.
 */
@Controller("/api/v1/policy")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class EffectivePolicyController {

    private final PolicyPacks packs;

    EffectivePolicyController(PolicyPacks packs) {
        this.packs = packs;
    }

    @Get
    HttpResponse<PolicyPack> effective(@Nullable @QueryValue LocalDate at,
                                       @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PolicyPack pack = packs.effective(Optional.ofNullable(at))
                .orElseThrow(() -> new ProblemException(org.sanctuary.common.problem.ProblemType.NOT_FOUND,
                        "No policy pack of your organization is in force on that date."));
        if (pack.etag().equals(ifNoneMatch)) {
            return HttpResponse.notModified();
        }
        return HttpResponse.ok(pack).header(HttpHeaders.ETAG, pack.etag()).header(HttpHeaders.CACHE_CONTROL, "private, max-age=60");
    }
}
