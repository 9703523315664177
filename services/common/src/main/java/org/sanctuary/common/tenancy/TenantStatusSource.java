package org.sanctuary.common.tenancy;

import java.util.Optional;

/**
 * Where a service learns whether a tenant may act: the tenants service's registry. Empty means
 * "not a registered tenant", which is refused like a suspended one.
 */
public interface TenantStatusSource {

    String ACTIVE = "ACTIVE";

    String OFFBOARDED = "OFFBOARDED";

    Optional<String> status(String tenantId, String bearerToken);

    /** The registry's status of any tenant, asked by a platform administrator (its token); empty when unregistered. */
    Optional<String> registeredStatus(String tenantId, String platformAdminToken);
}
