package org.sanctuary.common.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

/**
 * Asks the tenants service ({@code sanctuary.tenants.url}) for the caller's tenant's status, with
 * the caller's own token ({@code GET /api/v1/tenancy}).
 */
@Singleton
@Requires(property = "sanctuary.tenants.url", pattern = ".+")
final class RemoteTenantStatus implements TenantStatusSource {

    @Serdeable
    record Tenancy(String tenantId, String status) {
    }

    @Serdeable
    record Registered(String id, String status) {
    }

    private final HttpClient http;
    private final URI tenancy;
    private final String tenants;

    RemoteTenantStatus(@Client HttpClient http, @Value("${sanctuary.tenants.url}") String tenantsUrl) {
        this.http = http;
        this.tenancy = URI.create(tenantsUrl.replaceAll("/+$", "") + "/api/v1/tenancy");
        this.tenants = tenantsUrl.replaceAll("/+$", "") + "/api/v1/tenants/";
    }

    @Override
    public Optional<String> status(String tenantId, String bearerToken) {
        try {
            Tenancy answer = http.toBlocking().retrieve(HttpRequest.GET(tenancy).bearerAuth(bearerToken), Tenancy.class);
            return tenantId.equals(answer.tenantId()) ? Optional.of(answer.status()) : Optional.empty();
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND || e.getStatus() == HttpStatus.FORBIDDEN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<String> registeredStatus(String tenantId, String platformAdminToken) {
        try {
            Registered answer = http.toBlocking().retrieve(HttpRequest.GET(URI.create(tenants + tenantId)).bearerAuth(platformAdminToken),
                    Registered.class);
            return Optional.ofNullable(answer.status());
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
