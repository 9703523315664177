package org.sanctuary.documents.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;
import org.sanctuary.contracts.claim.ClaimRef;

/** The intake service ({@code sanctuary.intake.url}), as the caller (token propagation). A 404 is null. */
@Client(id = "intake")
interface IntakeClient {

    @Get("/api/v1/claims/{id}")
    @Nullable ClaimRef claim(String id);
}
