package org.sanctuary.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.sanctuary.common.tenancy.Roles;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tenant's side in Keycloak, through keycloak-admin-client as the {@code sanctuary-tenants}
 * service account (realm-management: manage-realm for organizations, manage-users): the organization
 * (alias = tenant id) and, for a new organization, its first {@code policy-admin} with a temporary
 * password. Idempotent: an existing organization is reused and its members kept. Without
 * {@code sanctuary.keycloak.url} (the service's own tests) both steps are SKIPPED, never faked.
 */
@Singleton
public class KeycloakOrganizations {

    static final String ORGANIZATION = "identity-provider-organization";
    static final String FIRST_ADMIN = "first-policy-admin";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final KeycloakAdmin keycloak;
    private final String realm;

    public KeycloakOrganizations(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
        this.realm = keycloak.realmName();
    }

    public Provisioning.Outcome provision(Tenant tenant, @Nullable String adminEmail) {
        if (keycloak.realm().isEmpty()) {
            String why = "no identity provider is configured (sanctuary.keycloak.url)";
            return new Provisioning.Outcome(List.of(Provisioning.Step.skipped(ORGANIZATION, why),
                    Provisioning.Step.skipped(FIRST_ADMIN, why)), null);
        }
        List<Provisioning.Step> steps = new ArrayList<>();
        RealmResource realmResource = keycloak.realm().get();
        String organizationId;
        boolean created;
        try {
            List<OrganizationRepresentation> existing = byAlias(realmResource, tenant.id());
            if (existing.isEmpty()) {
                OrganizationRepresentation organization = new OrganizationRepresentation();
                organization.setName(tenant.name());
                organization.setAlias(tenant.id());
                organization.setEnabled(true);
                organization.setAttributes(Map.of("kind", List.of(tenant.kind().name()),
                        "jurisdiction", List.of(tenant.jurisdiction())));
                try (Response response = realmResource.organizations().create(organization)) {
                    organizationId = CreatedResponseUtil.getCreatedId(response);
                }
                created = true;
                steps.add(Provisioning.Step.done(ORGANIZATION, "organization " + tenant.id() + " created in realm " + realm));
            } else {
                organizationId = existing.get(0).getId();
                created = false;
                steps.add(Provisioning.Step.done(ORGANIZATION, "organization " + tenant.id() + " already existed in realm " + realm + "; reused"));
            }
        } catch (RuntimeException e) {
            steps.add(Provisioning.Step.failed(ORGANIZATION, describe(e)));
            steps.add(Provisioning.Step.skipped(FIRST_ADMIN, "needs the organization"));
            return new Provisioning.Outcome(steps, null);
        }
        if (!created) {
            steps.add(Provisioning.Step.skipped(FIRST_ADMIN, "the organization existed: its members are kept as they are"));
            return new Provisioning.Outcome(steps, null);
        }
        String username = tenant.id() + "-policy-admin";
        String password = temporaryPassword();
        try {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEnabled(true);
            if (adminEmail != null) {
                user.setEmail(adminEmail);
            }
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            user.setCredentials(List.of(credential));
            String userId;
            try (Response response = realmResource.users().create(user)) {
                userId = CreatedResponseUtil.getCreatedId(response);
            }
            realmResource.users().get(userId).roles().realmLevel()
                    .add(List.of(realmResource.roles().get(Roles.POLICY_ADMIN).toRepresentation()));
            try (Response response = realmResource.organizations().get(organizationId).members().addMember(userId)) {
                if (response.getStatus() >= 300) {
                    throw new WebApplicationException(response.getStatus());
                }
            }
            steps.add(Provisioning.Step.done(FIRST_ADMIN, username + " (policy-admin), temporary password: change at first login"));
            return new Provisioning.Outcome(steps, new Provisioning.FirstAdmin(username, password));
        } catch (RuntimeException e) {
            steps.add(Provisioning.Step.failed(FIRST_ADMIN, describe(e)));
            return new Provisioning.Outcome(steps, null);
        }
    }

    /** Keycloak's search matches names and domains, not aliases: page through the organizations instead. */
    static List<OrganizationRepresentation> byAlias(RealmResource realm, String alias) {
        List<OrganizationRepresentation> found = new ArrayList<>();
        for (int first = 0; ; first += 100) {
            List<OrganizationRepresentation> page = realm.organizations().list(first, 100);
            page.stream().filter(o -> alias.equals(o.getAlias())).forEach(found::add);
            if (page.size() < 100 || !found.isEmpty()) {
                return found;
            }
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof WebApplicationException web && web.getResponse() != null) {
            return "Keycloak answered " + web.getResponse().getStatus();
        }
        return "Keycloak could not be reached: " + e.getClass().getSimpleName();
    }

    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
