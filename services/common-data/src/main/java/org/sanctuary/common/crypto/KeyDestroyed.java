package org.sanctuary.common.crypto;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One data service's answer to destroying a tenant's data key: whether it was destroyed, and where the tenant's rows,
 * now unreadable, lie. The tenants service reports it to the platform administrator who offboarded the tenant.
 */
@Serdeable
public record KeyDestroyed(String service, String tenantId, boolean destroyed, List<Location> locations) {

    /** A table of the service and how many of the tenant's rows it holds. */
    @Serdeable
    public record Location(String table, long rows) {
    }
}
