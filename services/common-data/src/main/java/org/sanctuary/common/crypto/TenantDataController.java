package org.sanctuary.common.crypto;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Pattern;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;


/**
 * {@code /internal/v1/tenants/{tenantId}/data-key}: the tenants control plane provisions a tenant's
 * data key here ({@code PUT}) and, when offboarding, destroys it ({@code DELETE}: crypto-shredding),
 * getting back where the tenant's rows lie in this service. Platform administrators only; never routed
 * by the gateway. Every call is audited in the tenant's own chain ({@link TenantDataKeys}).
 */
@Controller("/internal/v1/tenants/{tenantId}/data-key")
@Secured(Roles.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantDataController {

    private final TenantDataKeys keys;

    TenantDataController(TenantDataKeys keys) {
        this.keys = keys;
    }

    @Put
    TenantDataKeys.KeyProvisioned provision(@PathVariable @Pattern(regexp = Caller.TENANT_PATTERN) String tenantId) {
        return keys.provision(tenantId);
    }

    /** Only an OFFBOARDED tenant's key is destroyed (409 otherwise, or when the registry cannot confirm it). */
    @Delete
    KeyDestroyed destroy(@PathVariable @Pattern(regexp = Caller.TENANT_PATTERN) String tenantId,
                         @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        return keys.destroy(tenantId, authorization.replaceFirst("(?i)^Bearer ", ""));
    }
}
