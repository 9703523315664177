package org.sanctuary.documents.document;

import jakarta.inject.Singleton;
import org.sanctuary.common.platform.ClaimsClient;
import org.sanctuary.common.platform.OnBehalf;
import org.sanctuary.common.platform.PolicyInForce;
import org.sanctuary.contracts.claim.ClaimRef;
import org.sanctuary.contracts.pack.PackSections;

import java.util.List;
import java.util.UUID;

/**
 * What documents reads from the other services, as the caller (their declarative clients carry the caller's token):
 * the claim (it must exist for the caller: another tenant's is a 404) and the document rules of the pack in force.
 */
@Singleton
public class Upstream {

    /** The pack's {@code documents} block; the defaults apply until the tenant has a pack. */
    public record Rules(long maxBytes, List<String> allowedTypes, int retentionYears) {
        static final Rules DEFAULT = new Rules(50L * 1024 * 1024, List.of("application/pdf", "image/jpeg", "image/png"), 10);
    }

    private final ClaimsClient claims;
    private final PolicyInForce policy;

    Upstream(ClaimsClient claims, PolicyInForce policy) {
        this.claims = claims;
        this.policy = policy;
    }

    public ClaimRef claim(UUID id) {
        return OnBehalf.call("Claim", () -> claims.claim(id));
    }

    public Rules rules() {
        return policy.document(null, PackSections.class).map(PackSections::documents)
                .map(rules -> new Rules(rules.maxBytes(), rules.allowedTypes() == null ? Rules.DEFAULT.allowedTypes() : rules.allowedTypes(),
                        rules.retentionYears()))
                .orElse(Rules.DEFAULT);
    }
}
