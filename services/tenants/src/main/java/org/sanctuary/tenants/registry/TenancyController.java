package org.sanctuary.tenants.registry;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.tenancy.Caller;

/**
 * {@code GET /api/v1/tenancy}: the caller's own organization and its status — what every service
 * asks (with the caller's token) before serving a tenant, and what a client may ask too. It answers
 * even for a suspended tenant (the status filter lets this one path through), so services learn why.
 */
@Controller("/api/v1/tenancy")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenancyController {

    /** The organization's id, its status, and its name (as a notice to an applicant names it). */
    @Serdeable
    record Tenancy(String tenantId, String status, String name) {
    }

    private final TenantRegistry registry;

    TenancyController(TenantRegistry registry) {
        this.registry = registry;
    }

    @Get
    @ApiResponse(responseCode = "404", description = "The token's organization is not a tenant of this platform "
            + "(problem type `not-found`)")
    Tenancy current() {
        String tenant = Caller.require().tenantId();
        return registry.find(tenant).map(t -> new Tenancy(t.id(), t.status().name(), t.name()))
                .orElseThrow(() -> ProblemException.notFound("Tenant"));
    }
}
