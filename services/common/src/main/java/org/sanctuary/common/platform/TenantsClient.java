package org.sanctuary.common.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * The tenants service ({@code micronaut.http.services.tenants}, set from {@code sanctuary.tenants.url}), as the caller:
 * the caller's token goes with each call (token propagation) unless a call names its own. A 404 is null.
 */
@Client(id = "tenants")
public interface TenantsClient {

    /** A version of a policy pack: its number and its document (valid against the pack's JSON Schema). */
    @Serdeable
    record PackVersion(int version, JsonNode document) {
    }

    /** The caller's tenant, its status and its name. */
    @Serdeable
    record Tenancy(String tenantId, String status, @Nullable String name) {
    }

    /** A tenant as the registry holds it (a platform administrator's read). */
    @Serdeable
    record Registered(String id, @Nullable String status) {
    }

    /** The caller's organization's pack in force on {@code at} (today when null); null when none is. */
    @Get("/api/v1/policy{?at}")
    @Nullable PackVersion policy(@Nullable @QueryValue LocalDate at);

    /** One version of the organization's packs, draft or published, as its policy administrator reads it. */
    @Get("/api/v1/tenants/{tenantId}/policy-packs/{version}")
    @Nullable PackVersion packVersion(String tenantId, int version);

    /** The tenant of {@code authorization}'s token and its status. */
    @Get("/api/v1/tenancy")
    @Nullable Tenancy tenancy(@Header(HttpHeaders.AUTHORIZATION) String authorization);

    /** The caller's own tenant, with the caller's token. */
    @Get("/api/v1/tenancy")
    @Nullable Tenancy tenancy();

    @Get("/api/v1/tenants/{tenantId}")
    @Nullable Registered registered(String tenantId, @Header(HttpHeaders.AUTHORIZATION) String authorization);
}
