package org.sanctuary.common.platform;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The caller's organization's policy pack in force ({@code GET /api/v1/policy[?at=]} of the tenants
 * service at {@code sanctuary.tenants.url}, with the caller's token): the version with its
 * {@code document}, or empty when no pack is in force then.
 */
@Singleton
public class PolicyInForce {

    private final OnBehalf onBehalf;
    private final JsonMapper json;
    private final String policy;

    public PolicyInForce(OnBehalf onBehalf, JsonMapper json, @Value("${sanctuary.tenants.url:}") String tenants) {
        this.onBehalf = onBehalf;
        this.json = json;
        this.policy = tenants.isBlank() ? null : tenants.replaceAll("/+$", "") + "/api/v1/policy";
    }

    /** False only where no tenants service is configured (a service's own tests). */
    public boolean configured() {
        return policy != null;
    }

    public Optional<JsonNode> pack(String authorization, @Nullable LocalDate at) {
        if (policy == null) {
            throw new IllegalStateException("sanctuary.tenants.url is not configured");
        }
        try {
            return Optional.of(onBehalf.get(at == null ? policy : policy + "?at=" + at, authorization, "Policy pack in force"));
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The pack's document in force, or empty. */
    public Optional<JsonNode> document(String authorization, @Nullable LocalDate at) {
        return pack(authorization, at).map(p -> p.get("document"));
    }

    /**
     * The pack's document in force read as {@code view} (a record of the sections a service reads, from the contracts
     * module), or empty. The tenants service validated the document against the pack's schema when it was published.
     */
    public <T> Optional<T> document(String authorization, @Nullable LocalDate at, Class<T> view) {
        return document(authorization, at).map(document -> {
            try {
                return json.readValueFromTree(document, view);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
