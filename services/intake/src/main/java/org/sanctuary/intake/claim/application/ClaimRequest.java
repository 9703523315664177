package org.sanctuary.intake.claim.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sanctuary.intake.claim.domain.Credibility;
import org.sanctuary.intake.claim.domain.MilitaryProfile;

import java.util.Map;
import java.util.UUID;

/** Create (a DRAFT) or full update (PUT with If-Match, while the claim is still undecided). */
@Serdeable
public record ClaimRequest(@NotNull UUID applicantId,
                           @NotNull @Valid MilitaryProfile military,
                           @Nullable Map<String, Credibility.Assessment> credibility,
                           @Nullable @Size(max = 200) String assignedCaseworker) {

    public Map<String, Credibility.Assessment> credibilityOrEmpty() {
        return credibility == null ? Map.of() : credibility;
    }
}
