package org.sanctuary.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.sanctuary.common.audit.AuditTrail;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's own API clients (issue 15): Keycloak confidential clients whose service account is a member of the
 * tenant's organization with the realm role {@code integrator}, so their tokens act for that tenant and no other.
 * The tenant's policy administrator creates, lists, rotates and revokes them; the secret is shown once, at creation
 * and at rotation; every step is in the tenants audit chain. A client is the tenant's by its attribute
 * {@value #TENANT}, read on every access: another tenant's client answers exactly as one that does not exist (404).
 */
@Singleton
public class ApiClients {

    static final String TENANT = "sanctuary.tenant";
    static final String NAME = "sanctuary.name";
    static final String CREATED = "sanctuary.created";
    private static final String RESOURCE = "api-client";

    /** A client as its tenant sees it; {@code secret} only in the answer that made it. */
    @Serdeable
    public record ApiClient(String clientId, String name, @Nullable Instant createdAt, boolean enabled, @Nullable String secret) {
    }

    private final KeycloakAdmin keycloak;
    private final AuditTrail audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    ApiClients(KeycloakAdmin keycloak, AuditTrail audit, TransactionOperations<Connection> transactions, Clock clock) {
        this.keycloak = keycloak;
        this.clock = clock;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * The Keycloak client id of the tenant's client {@code name}: {@code <tenant>.<name>}. Neither a tenant id nor a name
     * holds a dot, so two tenants never come to the same id (with a dash between, tenant {@code a} naming a client
     * {@code b-api-c} and tenant {@code a-api-b} naming one {@code c} did, and the second was told the name was taken:
     * that another organization had such a client).
     */
    static String clientId(String tenantId, String name) {
        return tenantId + "." + name;
    }

    /** A new client named {@code name} (a slug, unique in the tenant), with its secret. */
    public ApiClient create(String tenantId, String name) {
        RealmResource realm = realm(tenantId);
        return answered(() -> create(realm, tenantId, name));
    }

    private ApiClient create(RealmResource realm, String tenantId, String name) {
        String clientId = clientId(tenantId, name);
        if (!realm.clients().findByClientId(clientId).isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "Your organization already has an API client named " + name + ".");
        }
        OrganizationRepresentation organization = KeycloakOrganizations.byAlias(realm, tenantId).stream().findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE,
                        "Your organization is not provisioned in the identity provider; ask the platform administrator to retry provisioning."));
        Instant now = clock.instant();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription("API client of " + tenantId + " (created by its policy administrator " + Caller.require().subject() + ")");
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFullScopeAllowed(true);
        client.setDefaultClientScopes(List.of("basic", "roles", "acr", "organization"));
        client.setAttributes(Map.of(TENANT, tenantId, NAME, name, CREATED, now.toString()));
        client.setProtocolMappers(List.of(audience(), flatRoles()));
        String id;
        try (Response response = realm.clients().create(client)) {
            if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) { // created meanwhile by another request
                throw new ProblemException(ProblemType.CONFLICT, "Your organization already has an API client named " + name + ".");
            }
            id = CreatedResponseUtil.getCreatedId(response);
        }
        ClientResource created = realm.clients().get(id);
        String secret; // shown once: a client whose secret could not be read back is removed like half a client
        try {
            UserRepresentation account = created.getServiceAccountUser();
            realm.users().get(account.getId()).roles().realmLevel().add(List.of(realm.roles().get(Roles.INTEGRATOR).toRepresentation()));
            try (Response response = realm.organizations().get(organization.getId()).members().addMember(account.getId())) {
                if (response.getStatus() >= 300) {
                    throw new WebApplicationException(response.getStatus());
                }
            }
            secret = created.getSecret().getValue();
        } catch (RuntimeException e) {
            created.remove(); // half a client must not stay: one without its organization would act for no tenant
            throw unavailable(e);
        }
        audited("api-client.create", clientId);
        return new ApiClient(clientId, name, now, true, secret);
    }

    /** The tenant's clients, without secrets. */
    public List<ApiClient> list(String tenantId) {
        RealmResource realm = realm(tenantId);
        List<ApiClient> clients = answered(() -> realm.clients().findAll(clientId(tenantId, ""), true, true, 0, 1000).stream()
                .filter(c -> isOf(tenantId, c)).map(c -> seen(c, null)).toList());
        audited("api-client.list", String.join(",", clients.stream().map(ApiClient::clientId).toList()));
        return clients;
    }

    /** A new secret; the old one stops working at once (tokens already issued run to their expiry). */
    public ApiClient rotate(String tenantId, String clientId) {
        ClientResource client = own(tenantId, clientId);
        String secret = answered(() -> client.generateNewSecret().getValue());
        ClientRepresentation c = answered(client::toRepresentation);
        audited("api-client.rotate", clientId);
        return seen(c, secret);
    }

    /** Deletes the client and its service account: no new token; tokens already issued run to their expiry (minutes). */
    public void revoke(String tenantId, String clientId) {
        ClientResource client = own(tenantId, clientId);
        answered(() -> {
            client.remove();
            return null;
        });
        audited("api-client.revoke", clientId);
    }

    private ClientResource own(String tenantId, String clientId) {
        RealmResource realm = realm(tenantId);
        ClientRepresentation found = answered(() -> realm.clients().findByClientId(clientId).stream()
                .filter(c -> isOf(tenantId, c)).findFirst().orElse(null));
        if (found == null) {
            throw ProblemException.notFound("API client").audited("api-client.access", RESOURCE, clientId);
        }
        return realm.clients().get(found.getId());
    }

    /** An attribute's time; one edited by hand into something else is shown as unknown, not a 500. */
    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether a client is the tenant's: its {@value #TENANT} attribute, read on every access. */
    private static boolean isOf(String tenantId, ClientRepresentation client) {
        return client.getAttributes() != null && tenantId.equals(client.getAttributes().get(TENANT));
    }

    /** A client as its tenant sees it, with {@code secret} only when one was just made. */
    private static ApiClient seen(ClientRepresentation client, @Nullable String secret) {
        Map<String, String> attributes = client.getAttributes();
        return new ApiClient(client.getClientId(), attributes.getOrDefault(NAME, client.getClientId()),
                Optional.ofNullable(attributes.get(CREATED)).flatMap(ApiClients::instant).orElse(null), Boolean.TRUE.equals(client.isEnabled()), secret);
    }

    /** What the identity provider answers; its refusal or silence is a 503 to retry (our own problems pass through). */
    private static <T> T answered(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException ours) {
            throw ours;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The realm, for the caller's own organization only (another's: 404, as for packs). */
    private RealmResource realm(String tenantId) {
        if (!Caller.require().tenantId().equals(tenantId)) {
            throw ProblemException.notFound("API client");
        }
        return keycloak.realm().orElseThrow(() -> new ProblemException(ProblemType.UNAVAILABLE,
                "No identity provider is configured (sanctuary.keycloak.url): API clients cannot be managed here."));
    }

    private void audited(String action, String resource) {
        transactions.executeWrite(status -> {
            audit.record(action, RESOURCE, resource.isEmpty() ? "none" : resource, AuditTrail.Outcome.SUCCESS);
            return null;
        });
    }

    private static ProblemException unavailable(RuntimeException e) {
        return new ProblemException(ProblemType.UNAVAILABLE, "The identity provider refused or did not answer ("
                + (e instanceof WebApplicationException web && web.getResponse() != null ? "HTTP " + web.getResponse().getStatus()
                : e.getClass().getSimpleName()) + "); nothing was created. Try again.");
    }

    /** Tokens for the Sanctuary API: the audience every service checks. */
    private static ProtocolMapperRepresentation audience() {
        return mapper("audience: the Sanctuary API", "oidc-audience-mapper", Map.of("included.custom.audience", "sanctuary-api",
                "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"));
    }

    /** The realm roles as the flat {@code roles} claim the services read. */
    private static ProtocolMapperRepresentation flatRoles() {
        return mapper("realm roles (flat)", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "roles", "multivalued", "true",
                "jsonType.label", "String", "access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false",
                "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }
}
