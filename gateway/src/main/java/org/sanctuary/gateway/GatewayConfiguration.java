package org.sanctuary.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sanctuary.gateway.*}: which service owns each first path segment after {@code /api/v1},
 * and the per-tenant rate limits (a token bucket: {@code burst} requests at once, refilled at
 * {@code requests-per-second}; {@code tenant-limits} overrides the rate for named tenants), and the
 * body limits; per client address, failed authentications and {@code /api/openapi} requests per
 * minute; how long the merged OpenAPI document is kept; which peers are trusted proxies whose
 * {@code X-Forwarded-For} names the client (none by default: the connection's peer is the client); and the services'
 * OpenAPI documents that make the public one ({@code openapi-documents}).
 */
@ConfigurationProperties("sanctuary.gateway")
public record GatewayConfiguration(Map<String, URI> routes,
                                   @Bindable(defaultValue = "50") @Min(1) int requestsPerSecond,
                                   @Bindable(defaultValue = "100") @Min(1) int burst,
                                   @Bindable(defaultValue = "10485760") @Min(1) long maxBodyBytes,
                                   @io.micronaut.core.annotation.Nullable Map<String, Integer> tenantLimits,
                                   @io.micronaut.core.annotation.Nullable Map<String, Long> routeMaxBodyBytes,
                                   @Bindable(defaultValue = "30") @Min(1) int authFailuresPerMinute,
                                   @Bindable(defaultValue = "30") @Min(1) int openapiRequestsPerMinute,
                                   @Bindable(defaultValue = "60s") java.time.Duration openapiCacheTtl,
                                   @io.micronaut.core.annotation.Nullable java.util.List<String> trustedProxies,
                                   java.util.List<URI> openapiDocuments) {

    /** The body limit for a route: {@code route-max-body-bytes.<segment>} (e.g. documents), else {@code max-body-bytes}. */
    public long maxBodyBytes(String segment) {
        return routeMaxBodyBytes == null ? maxBodyBytes : routeMaxBodyBytes.getOrDefault(segment, maxBodyBytes);
    }

    public Optional<URI> route(String segment) {
        return Optional.ofNullable(routes == null ? null : routes.get(segment));
    }

    public int rateFor(String tenant) {
        return tenantLimits == null ? requestsPerSecond : tenantLimits.getOrDefault(tenant, requestsPerSecond);
    }
}
