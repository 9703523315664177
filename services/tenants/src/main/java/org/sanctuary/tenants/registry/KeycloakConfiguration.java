package org.sanctuary.tenants.registry;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Keycloak's admin API as the {@code sanctuary-tenants} service account ({@code sanctuary.keycloak}): provisioning
 * organizations, first users and API clients. No {@code url}: those steps are reported SKIPPED.
 */
@ConfigurationProperties("sanctuary.keycloak")
public record KeycloakConfiguration(@Bindable(defaultValue = "") String url,
                                    @Bindable(defaultValue = "sanctuary") String realm,
                                    @Bindable(defaultValue = "sanctuary-tenants") String clientId,
                                    @Bindable(defaultValue = "") String clientSecret) {
}
