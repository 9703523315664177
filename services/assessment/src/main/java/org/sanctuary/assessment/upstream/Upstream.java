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

import org.sanctuary.common.tenancy.Caller;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final String tenants;

    public Upstream(OnBehalf onBehalf, PolicyInForce policy, JsonMapper json, @Value("${sanctuary.intake.url}") String intake,
                    @Value("${sanctuary.tenants.url:}") String tenants) {
        this.onBehalf = onBehalf;
        this.policy = policy;
        this.json = json;
        this.intake = intake.replaceAll("/+$", "");
        this.tenants = tenants.replaceAll("/+$", "");
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

    /** One version of the caller's organization's packs, draft or published, as its policy administrator reads it. */
    public PolicyPack packVersion(int version, String authorization) {
        JsonNode pack = onBehalf.get(tenants + "/api/v1/tenants/" + Caller.require().tenantId() + "/policy-packs/" + version,
                authorization, "Policy pack");
        return read(pack.get("document"), PolicyPack.class, "policy pack");
    }

    /** One open claim's facts, as the engine reads them. */
    public record OpenClaim(UUID claimId, Facts facts) {
    }

    /** A page of open claims' facts and the cursor of the next (null at the end). */
    public record OpenClaims(List<OpenClaim> items, @Nullable String next) {
    }

    /**
     * A page of the organization's open claims' facts (intake's bulk read, as the caller), for {@code purpose}, which
     * intake records in its audit chain against every claim read.
     */
    public OpenClaims openClaims(@Nullable String cursor, String authorization, String purpose) {
        String url = intake + "/internal/v1/claims/open-facts" + (cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode page = onBehalf.get(url, authorization, "Claims", Map.of(ACCESS_REASON, URLEncoder.encode(purpose, StandardCharsets.UTF_8)));
        List<OpenClaim> items = new ArrayList<>();
        for (JsonNode item : page.get("items").values()) {
            items.add(new OpenClaim(UUID.fromString(item.get("claimId").getStringValue()), read(item, Facts.class, "claims' facts")));
        }
        JsonNode next = page.get("next");
        return new OpenClaims(items, next == null || next.isNull() ? null : next.getStringValue());
    }

    private <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            return json.readValueFromTree(node, type);
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "Your organization's " + what + " could not be read.");
        }
    }
}
