package org.sanctuary.assessment.upstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.sanctuary.assessment.engine.Facts;
import org.sanctuary.common.security.AccessReason;

import java.util.List;

/**
 * The intake service ({@code sanctuary.intake.url}) as the assessment reads it beyond a claim ({@code ClaimsClient}):
 * facts and names, as the caller (token propagation). A 404 is null.
 */
@Client(id = "intake")
interface IntakeClient {

    /** A page of open claims' facts (each item a claim's facts with its {@code claimId}), and the next page's cursor. */
    @Serdeable
    record OpenFactsPage(List<JsonNode> items, @Nullable String next) {
    }

    /** What the assessment reads of an applicant: the name a notice is addressed to. */
    @Serdeable
    record Applicant(Name name) {
        @Serdeable
        record Name(String given, String family, @Nullable String patronymic) {
        }
    }

    @Get("/api/v1/applicants/{id}")
    @Nullable Applicant applicant(String id);

    /** The claim's facts; {@code reason} is the caller's stated reason where need-to-know does not open them. */
    @Get("/api/v1/claims/{id}/facts")
    @Nullable Facts facts(String id, @Nullable @Header(AccessReason.HEADER) String reason);

    /** Intake's bulk read, which it records in its audit chain against every claim read, for {@code purpose}. */
    @Get("/internal/v1/claims/open-facts{?cursor}")
    @Nullable OpenFactsPage openFacts(@Nullable @QueryValue String cursor, @Header(AccessReason.HEADER) String purpose);
}
