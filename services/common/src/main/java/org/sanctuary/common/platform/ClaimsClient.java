package org.sanctuary.common.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;
import org.sanctuary.contracts.claim.ClaimRef;

import java.util.UUID;

/**
 * Intake's claims as other services read them ({@code sanctuary.intake.url}), as the caller (token propagation): whose
 * claim it is, where it is in its life, who is assigned. Null when it is missing or another tenant's.
 */
@Client(id = "intake")
public interface ClaimsClient {

    @Get("/api/v1/claims/{id}")
    @Nullable ClaimRef claim(UUID id);
}
