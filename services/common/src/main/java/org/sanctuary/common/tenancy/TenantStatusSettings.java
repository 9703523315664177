package org.sanctuary.common.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code sanctuary.tenants}: how long a tenant's status, once asked, is trusted ({@code status-ttl}), and how long a
 * known status still answers while the tenants service cannot be asked ({@code status-stale-limit}).
 */
@ConfigurationProperties("sanctuary.tenants")
record TenantStatusSettings(@Bindable(defaultValue = "15s") Duration statusTtl,
                            @Bindable(defaultValue = "5m") Duration statusStaleLimit) {
}
