package org.sanctuary.common.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import org.sanctuary.common.platform.TenantsClient;

import java.util.Optional;

/**
 * Asks the tenants service for the caller's tenant's status, with the token being checked ({@code GET /api/v1/tenancy}).
 */
@Singleton
@Requires(property = "sanctuary.tenants.url", pattern = ".+")
final class RemoteTenantStatus implements TenantStatusSource {

    private final TenantsClient tenants;

    RemoteTenantStatus(TenantsClient tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<String> status(String tenantId, String bearerToken) {
        try {
            return Optional.ofNullable(tenants.tenancy("Bearer " + bearerToken)).filter(answer -> tenantId.equals(answer.tenantId()))
                    .map(TenantsClient.Tenancy::status);
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.FORBIDDEN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<String> registeredStatus(String tenantId, String platformAdminToken) {
        return Optional.ofNullable(tenants.registered(tenantId, "Bearer " + platformAdminToken)).map(TenantsClient.Registered::status);
    }
}
