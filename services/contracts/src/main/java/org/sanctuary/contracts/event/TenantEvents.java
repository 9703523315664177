package org.sanctuary.contracts.event;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** The payloads of the tenants service's event feed; reporting reads them. */
public final class TenantEvents {

    private TenantEvents() {
    }

    /** {@code tenant.created}, {@code tenant.suspended}, {@code tenant.reactivated}, {@code tenant.offboarded}. */
    @Serdeable
    public record TenantChanged(String tenantId, String status) {
    }

    /** {@code policy-pack.published}. */
    @Serdeable
    public record PackPublished(String tenantId, int version, LocalDate effectiveFrom) {
    }
}
