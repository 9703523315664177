package org.sanctuary.assessment.upstream;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.assessment.engine.PolicyPack;
import org.sanctuary.common.platform.OnBehalf;
import org.sanctuary.common.platform.PolicyInForce;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the assessment reads from and moves in the other services, always as the caller: intake (claim,
 * facts, lifecycle actions) and tenants (the pack in force).
 */
@Singleton
public class Upstream {

    /** What the assessment needs of a claim. */
    public record ClaimRef(UUID id, UUID applicantId, String status, @Nullable String assignedCaseworker) {
        static ClaimRef of(JsonNode claim) {
            JsonNode assignee = claim.get("assignedCaseworker");
            return new ClaimRef(UUID.fromString(claim.get("id").getStringValue()), UUID.fromString(claim.get("applicantId").getStringValue()),
                    claim.get("status").getStringValue(), assignee == null || assignee.isNull() ? null : assignee.getStringValue());
        }
    }

    /** The organization's pack in force: its version number and the engine's reading of its document. */
    public record EffectivePack(int version, PolicyPack pack) {
    }

    public static final String ACCESS_REASON = org.sanctuary.common.security.AccessReason.HEADER;

    private final OnBehalf onBehalf;
    private final PolicyInForce policy;
    private final JsonMapper json;
    private final String intake;

    public Upstream(OnBehalf onBehalf, PolicyInForce policy, JsonMapper json, @Value("${sanctuary.intake.url}") String intake) {
        this.onBehalf = onBehalf;
        this.policy = policy;
        this.json = json;
        this.intake = intake.replaceAll("/+$", "");
    }

    public ClaimRef claim(UUID id, String authorization) {
        return ClaimRef.of(onBehalf.get(intake + "/api/v1/claims/" + id, authorization, "Claim"));
    }

    /**
     * The claim's facts, as the caller: intake opens them to supervisors and the assigned caseworker, or to
     * another caseworker who states a reason ({@code accessReason}, passed on as {@code X-Access-Reason}).
     */
    public Facts facts(UUID claimId, String authorization, @Nullable String accessReason) {
        return read(onBehalf.get(intake + "/api/v1/claims/" + claimId + "/facts", authorization, "Claim",
                accessReason == null ? java.util.Map.of() : java.util.Map.of(ACCESS_REASON, accessReason)), Facts.class, "claim's facts");
    }

    /** The pack in force on {@code at}; none then is a 422, since nothing can be assessed without one. */
    public EffectivePack policy(LocalDate at, String authorization) {
        JsonNode pack = policy.pack(authorization, at).orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE,
                "No policy pack of your organization is in force on " + at + "; publish one first, or give a pack to simulate with."));
        return new EffectivePack(pack.get("version").getIntValue(), read(pack.get("document"), PolicyPack.class, "policy pack"));
    }

    private <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            return json.readValueFromTree(node, type);
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "Your organization's " + what + " could not be read.");
        }
    }
}
