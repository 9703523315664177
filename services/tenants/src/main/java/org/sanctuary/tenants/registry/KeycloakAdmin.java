package org.sanctuary.tenants.registry;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

import java.util.Optional;

/**
 * The platform's realm in Keycloak, through keycloak-admin-client as the {@code sanctuary-tenants} service account
 * (realm-management: organizations, users, clients). Empty without {@code sanctuary.keycloak.url} (the service's own
 * tests): what needs it says so, never fakes it.
 */
@Singleton
public class KeycloakAdmin {

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakAdmin(KeycloakConfiguration configuration) {
        this.realm = configuration.realm();
        this.keycloak = configuration.url().isBlank() ? null : KeycloakBuilder.builder().serverUrl(configuration.url()).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(configuration.clientId())
                .clientSecret(configuration.clientSecret()).build();
    }

    public Optional<RealmResource> realm() {
        return keycloak == null ? Optional.empty() : Optional.of(keycloak.realm(realm));
    }

    public String realmName() {
        return realm;
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
