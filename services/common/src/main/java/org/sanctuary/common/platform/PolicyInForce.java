package org.sanctuary.common.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The caller's organization's policy pack in force ({@code GET /api/v1/policy[?at=]} of the tenants service, as the
 * caller): the version with its {@code document}, or empty when no pack is in force then. Absent where no tenants
 * service is configured ({@code sanctuary.tenants.url}: a service's own tests).
 */
@Singleton
@Requires(property = "sanctuary.tenants.url", pattern = ".+")
public class PolicyInForce {

    private final TenantsClient tenants;
    private final JsonMapper json;

    public PolicyInForce(TenantsClient tenants, JsonMapper json) {
        this.tenants = tenants;
        this.json = json;
    }

    public Optional<TenantsClient.PackVersion> pack(@Nullable LocalDate at) {
        return OnBehalf.find("Policy pack in force", () -> tenants.policy(at));
    }

    /**
     * The pack's document in force read as {@code view} (a record of the sections a service reads, from the contracts
     * module), or empty. The tenants service validated the document against the pack's schema when it was published.
     */
    public <T> Optional<T> document(@Nullable LocalDate at, Class<T> view) {
        return pack(at).map(TenantsClient.PackVersion::document).map(document -> read(document, view));
    }

    private <T> T read(JsonNode document, Class<T> view) {
        try {
            return json.readValueFromTree(document, view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
