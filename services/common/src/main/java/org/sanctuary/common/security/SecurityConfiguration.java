package org.sanctuary.common.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * {@code sanctuary.security}: which tokens are accepted beyond a valid signature and issuer — access tokens for
 * {@code audience}, issued to one of {@code clients} (or to a tenant's own API client) — and how the identity
 * provider's keys are fetched: each fetch waits at most {@code jwks-timeout}; the last keys fetched serve for
 * {@code jwks-stale-limit} while it cannot be reached.
 */
@ConfigurationProperties("sanctuary.security")
public record SecurityConfiguration(
        @Bindable(defaultValue = "sanctuary-console,sanctuary-cli,sanctuary-platform,sanctuary-tenants") List<String> clients,
        @Bindable(defaultValue = "sanctuary-api") String audience,
        @Bindable(defaultValue = "3s") Duration jwksTimeout,
        @Bindable(defaultValue = "12h") Duration jwksStaleLimit) {
}
