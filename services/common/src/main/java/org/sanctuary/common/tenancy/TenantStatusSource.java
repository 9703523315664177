package org.sanctuary.common.tenancy;

import java.util.Optional;

/**
 * Where a service learns whether a tenant may act: the tenants service's registry. Empty means
 * "not a registered tenant", which is refused like a suspended one.
 */
public interface TenantStatusSource {

    String ACTIVE = "ACTIVE";

    Optional<String> status(String tenantId, String bearerToken);
}
