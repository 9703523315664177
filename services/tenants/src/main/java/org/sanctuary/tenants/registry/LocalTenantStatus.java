package org.sanctuary.tenants.registry;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import org.sanctuary.common.tenancy.TenantStatusSource;

import java.util.Optional;

/** The tenants service answers its own status checks from its registry, without a round trip. */
@Singleton
@Primary // over the remote source, should sanctuary.tenants.url point here too
final class LocalTenantStatus implements TenantStatusSource {

    private final TenantRegistry registry;

    LocalTenantStatus(TenantRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> status(String tenantId, String bearerToken) {
        return registry.find(tenantId).map(t -> t.status().name());
    }

    @Override
    public Optional<String> registeredStatus(String tenantId, String platformAdminToken) {
        return status(tenantId, platformAdminToken);
    }
}
