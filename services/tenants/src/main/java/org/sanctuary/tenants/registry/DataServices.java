package org.sanctuary.tenants.registry;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The services whose data is sealed under per-tenant keys ({@code sanctuary.tenants.data-services}, their base URLs,
 * comma-separated): a key is provisioned in each when a tenant is created, destroyed in each when it is offboarded.
 */
@ConfigurationProperties("sanctuary.tenants")
public record DataServices(@Nullable List<String> dataServices) {

    /** The base URLs, without blanks or trailing slashes; empty when none are configured. */
    public List<String> urls() {
        return dataServices == null ? List.of() : dataServices.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("/+$", "")).toList();
    }
}
