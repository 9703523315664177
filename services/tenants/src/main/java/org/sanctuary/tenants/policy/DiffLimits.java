package org.sanctuary.tenants.policy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Comparisons of pack versions running at once ({@code sanctuary.tenants.diff}): per tenant, and in all ({@code 0}:
 * half the cores); one that cannot start within {@code queue-wait} is refused with 429.
 */
@ConfigurationProperties("sanctuary.tenants.diff")
public record DiffLimits(@Bindable(defaultValue = "0") int concurrency,
                         @Bindable(defaultValue = "1") int perTenant,
                         @Bindable(defaultValue = "2s") Duration queueWait) {
}
