package org.sanctuary.intake.claim.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.sanctuary.intake.claim.application.ClaimFacts;
import org.sanctuary.common.http.Versions;
import org.sanctuary.common.security.AccessReason;
import io.micronaut.security.authentication.Authentication;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.CallerFilter;
import org.sanctuary.common.tenancy.Roles;
import org.sanctuary.intake.claim.application.ClaimService;

/**
 * {@code GET /internal/v1/claims/open-facts}: the facts of the tenant's open claims (lodged or under assessment), oldest
 * first in pages of up to {@value ClaimService#FACTS_PAGE}, for one purpose: the assessment service's impact of a
 * policy pack before it is published (docs/decisions.md). Internal: the gateway never routes {@code /internal}, so
 * only the assessment service reaches it, with its caller's token (a supervisor or policy administrator), and nothing
 * of it but the comparison leaves that service. The purpose is required in {@code X-Access-Reason}: every claim
 * returned is recorded in the audit chain with it, as a break-glass read is.
 */
@Controller("/internal/v1/claims/open-facts")
@Secured({Roles.SUPERVISOR, Roles.POLICY_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class OpenFactsController {

    private final ClaimService claims;

    OpenFactsController(ClaimService claims) {
        this.claims = claims;
    }

    /** The caller's organization from the verified token, as {@link CallerFilter} reads it for {@code /api} (which this is not). */
    @Get
    ClaimFacts.Page openFacts(@Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit,
                              @Nullable @Header(AccessReason.HEADER) String reason, Authentication authentication) {
        Caller caller = CallerFilter.callerOf(authentication).orElseThrow(() -> new ProblemException(ProblemType.TENANT_UNRESOLVED,
                "The token's organization claim must hold exactly one organization."));
        int size = Versions.limit(limit, ClaimService.FACTS_PAGE, ClaimService.FACTS_PAGE);
        return Caller.callAs(caller, () -> claims.openFacts(cursor, size, AccessReason.parse(reason)));
    }
}
