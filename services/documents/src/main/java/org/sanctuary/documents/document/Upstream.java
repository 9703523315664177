package org.sanctuary.documents.document;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.sanctuary.common.platform.OnBehalf;
import org.sanctuary.common.platform.PolicyInForce;
import org.sanctuary.contracts.pack.PackSections;

import java.util.List;
import java.util.UUID;

/**
 * What documents reads from the other services, with the caller's own token: the claim (it must
 * exist for the caller: another tenant's is a 404) and the document rules of the pack in force.
 */
@Singleton
public class Upstream {

    /** The pack's {@code documents} block; the defaults apply until the tenant has a pack. */
    public record Rules(long maxBytes, List<String> allowedTypes, int retentionYears) {
        static final Rules DEFAULT = new Rules(50L * 1024 * 1024, List.of("application/pdf", "image/jpeg", "image/png"), 10);
    }

    public record ClaimRef(UUID id, UUID applicantId, String status, @Nullable String assignedCaseworker) {
    }

    private final OnBehalf onBehalf;
    private final PolicyInForce policy;
    private final String intake;

    public Upstream(OnBehalf onBehalf, PolicyInForce policy, @Value("${sanctuary.intake.url}") String intake) {
        this.onBehalf = onBehalf;
        this.policy = policy;
        this.intake = intake.replaceAll("/+$", "");
    }

    public ClaimRef claim(UUID id, String authorization) {
        JsonNode claim = onBehalf.get(intake + "/api/v1/claims/" + id, authorization, "Claim");
        JsonNode assignee = claim.get("assignedCaseworker");
        return new ClaimRef(id, UUID.fromString(claim.get("applicantId").getStringValue()), claim.get("status").getStringValue(),
                assignee == null || assignee.isNull() ? null : assignee.getStringValue());
    }

    public Rules rules(String authorization) {
        return policy.document(authorization, null, PackSections.class).map(PackSections::documents)
                .map(rules -> new Rules(rules.maxBytes(), rules.allowedTypes() == null ? Rules.DEFAULT.allowedTypes() : rules.allowedTypes(),
                        rules.retentionYears()))
                .orElse(Rules.DEFAULT);
    }
}
