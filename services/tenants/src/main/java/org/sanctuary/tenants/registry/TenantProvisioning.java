package org.sanctuary.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.common.crypto.KeyDestroyed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Provisions a new tenant — its Keycloak organization and first policy-admin, then a data key in
 * every service that seals data ({@code sanctuary.tenants.data-services}) — and, when offboarding,
 * destroys those keys (crypto-shredding) and collects where the tenant's rows lie. The platform
 * administrator's own token goes with each call (token propagation, matched by the data-key path in
 * {@code micronaut.security.token.propagation.uri-regex}).
 */
@Singleton
public class TenantProvisioning {

    static final String DATA_KEYS = "data-keys";

    /** Offboarding's answer: what was destroyed, and where the tenant's (now unreadable) rows lie. */
    public record Shredding(List<Provisioning.Step> steps, List<KeyDestroyed> dataLocations) {
    }

    private final KeycloakOrganizations keycloak;
    private final HttpClient http;
    private final List<String> services;

    public TenantProvisioning(KeycloakOrganizations keycloak, @Client HttpClient http, DataServices services) {
        this.keycloak = keycloak;
        this.http = http;
        this.services = services.urls();
    }

    public Provisioning.Outcome provision(Tenant tenant, @Nullable String adminEmail) {
        Provisioning.Outcome identity = keycloak.provision(tenant, adminEmail);
        List<Provisioning.Step> steps = new ArrayList<>(identity.steps());
        if (services.isEmpty()) {
            steps.add(Provisioning.Step.skipped(DATA_KEYS, "no data services configured (sanctuary.tenants.data-services); keys are made on first use"));
        } else {
            List<String> created = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (String service : services) {
                try {
                    JsonNode answer = http.toBlocking().retrieve(HttpRequest.PUT(key(service, tenant.id()), ""), JsonNode.class);
                    created.add(answer.get("service").getStringValue());
                } catch (HttpClientException e) {
                    failed.add(service + " (" + e.getMessage() + ")");
                }
            }
            steps.add(failed.isEmpty() ? Provisioning.Step.done(DATA_KEYS, "data key ready in " + String.join(", ", created))
                    : Provisioning.Step.failed(DATA_KEYS, "ready in " + created + "; failed in " + failed));
        }
        return new Provisioning.Outcome(steps, identity.firstAdmin());
    }

    /** Destroys the tenant's data key in every data service; a service that fails is reported, never skipped silently. */
    public Shredding shred(String tenantId) {
        List<KeyDestroyed> locations = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String service : services) {
            try {
                locations.add(http.toBlocking().retrieve(HttpRequest.DELETE(key(service, tenantId)), KeyDestroyed.class));
            } catch (HttpClientException e) {
                failed.add(service + " (" + e.getMessage() + ")");
            }
        }
        Provisioning.Step step = services.isEmpty()
                ? Provisioning.Step.skipped("crypto-shredding", "no data services configured (sanctuary.tenants.data-services)")
                : failed.isEmpty() ? Provisioning.Step.done("crypto-shredding", "data keys destroyed in " + locations.size() + " services")
                : Provisioning.Step.failed("crypto-shredding", "not confirmed by " + failed + "; offboard again to retry");
        return new Shredding(List.of(step), locations);
    }

    private static URI key(String service, String tenantId) {
        return UriBuilder.of(service).path("/internal/v1/tenants").path(tenantId).path("data-key").build();
    }
}
