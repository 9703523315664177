package org.sanctuary.common.platform;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

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
    private final String policy;

    public PolicyInForce(OnBehalf onBehalf, @Value("${sanctuary.tenants.url:}") String tenants) {
        this.onBehalf = onBehalf;
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
}
