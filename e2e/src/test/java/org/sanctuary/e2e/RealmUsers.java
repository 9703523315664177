package org.sanctuary.e2e;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.sanctuary.devstack.LocalKeycloak;

import java.util.List;

/** Users of a provisioned organization, added as a Keycloak administrator would (the local demo admin). */
final class RealmUsers {

    private RealmUsers() {
    }

    /** A user {@code username} (password = user name, local only) with {@code role}, member of organization {@code tenant}. */
    static void add(String tenant, String username, String role) {
        try (Keycloak admin = Keycloak.getInstance("http://127.0.0.1:" + LocalKeycloak.PORT, "master", "admin", "admin", "admin-cli")) {
            var realm = admin.realm("sanctuary");
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEnabled(true);
            user.setEmail(username + "@agency.example");
            user.setEmailVerified(true);
            user.setFirstName("E2E");
            user.setLastName(role);
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType("password");
            password.setValue(username);
            password.setTemporary(false);
            user.setCredentials(List.of(password));
            String userId;
            try (var response = realm.users().create(user)) {
                userId = CreatedResponseUtil.getCreatedId(response);
            }
            realm.users().get(userId).roles().realmLevel().add(List.of(realm.roles().get(role).toRepresentation()));
            String organization = realm.organizations().search(null, null, 0, 10_000).stream().filter(o -> tenant.equals(o.getAlias()))
                    .findFirst().orElseThrow().getId();
            try (var response = realm.organizations().get(organization).members().addMember(userId)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("adding " + username + " to " + tenant + " answered " + response.getStatus());
                }
            }
        }
    }
}
