package org.sanctuary.assessment.upstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.assessment.engine.PolicyPack;
import org.sanctuary.common.platform.ClaimsClient;
import org.sanctuary.common.platform.OnBehalf;
import org.sanctuary.common.platform.PolicyInForce;
import org.sanctuary.common.platform.TenantsClient;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.contracts.claim.ClaimRef;
import org.sanctuary.contracts.pack.PackSections;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the assessment reads from the other services, always as the caller (their declarative clients carry the
 * caller's token): intake (claim, facts) and tenants (the pack in force).
 */
@Singleton
public class Upstream {

    /** The organization's pack in force: its version number and the engine's reading of its document. */
    public record EffectivePack(int version, PolicyPack pack) {
    }

    private final IntakeClient intake;
    private final ClaimsClient claims;
    private final TenantsClient tenants;
    private final PolicyInForce policy;
    private final JsonMapper json;

    Upstream(IntakeClient intake, ClaimsClient claims, TenantsClient tenants, PolicyInForce policy, JsonMapper json) {
        this.intake = intake;
        this.claims = claims;
        this.tenants = tenants;
        this.policy = policy;
        this.json = json;
    }

    public ClaimRef claim(UUID id) {
        return OnBehalf.call("Claim", () -> claims.claim(id));
    }

    /** The caller's organization's name as the tenants service holds it (its id where it has none). */
    public String organizationName() {
        TenantsClient.Tenancy tenancy = OnBehalf.call("Tenant", tenants::tenancy);
        return tenancy.name() == null ? tenancy.tenantId() : tenancy.name();
    }

    /** The applicant's name as intake holds it (given, patronymic, family), as the caller: intake audits the read. */
    public String applicantName(UUID id) {
        IntakeClient.Applicant.Name name = OnBehalf.call("Applicant", () -> intake.applicant(id.toString())).name();
        return name.patronymic() == null ? name.given() + " " + name.family() : name.given() + " " + name.patronymic() + " " + name.family();
    }

    /**
     * The claim's facts, as the caller: intake opens them to supervisors and the assigned caseworker, or to
     * another caseworker who states a reason ({@code accessReason}, passed on as {@code X-Access-Reason}).
     */
    public Facts facts(UUID claimId, @Nullable String accessReason) {
        return OnBehalf.call("Claim", () -> intake.facts(claimId.toString(), accessReason));
    }

    /** The pack in force on {@code at}; none then is a 422, since nothing can be assessed without one. */
    public EffectivePack policy(LocalDate at) {
        TenantsClient.PackVersion pack = policy.pack(at).orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE,
                "No policy pack of your organization is in force on " + at + "; publish one first, or give a pack to simulate with."));
        return new EffectivePack(pack.version(), read(pack.document(), PolicyPack.class, "policy pack"));
    }

    /** The pack in force's wording of the decision notice in {@code language}, message by message; empty without one. */
    public Map<String, String> noticeWording(String language) {
        return policy.document(null, PackSections.class).map(sections -> sections.noticeWording(language)).orElse(Map.of());
    }

    /** One version of the caller's organization's packs, draft or published, as its policy administrator reads it. */
    public PolicyPack packVersion(int version) {
        TenantsClient.PackVersion pack = OnBehalf.call("Policy pack", () -> tenants.packVersion(Caller.require().tenantId(), version));
        return read(pack.document(), PolicyPack.class, "policy pack");
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
    public OpenClaims openClaims(@Nullable String cursor, String purpose) {
        IntakeClient.OpenFactsPage page = OnBehalf.call("Claims",
                () -> intake.openFacts(cursor, URLEncoder.encode(purpose, StandardCharsets.UTF_8)));
        List<OpenClaim> items = new ArrayList<>();
        for (JsonNode item : page.items()) {
            items.add(new OpenClaim(UUID.fromString(item.get("claimId").getStringValue()), read(item, Facts.class, "claims' facts")));
        }
        return new OpenClaims(items, page.next());
    }

    private <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            return json.readValueFromTree(node, type);
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "Your organization's " + what + " could not be read.");
        }
    }
}
