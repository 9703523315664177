package org.sanctuary.assessment.upstream;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** The documents service ({@code sanctuary.documents.url}), as the caller (token propagation). */
@Client(id = "documents")
public interface DocumentsClient {

    /** What the assessment keeps of a document it stored: its id and its SHA-256. */
    @Serdeable
    record Stored(UUID id, String sha256, long sizeBytes) {
    }

    /** Stores a PDF as a document of the claim (checksummed and encrypted by the documents service). */
    @Post(uri = "/api/v1/documents{?claimId,category,filename,description}", produces = "application/pdf")
    Stored upload(@QueryValue UUID claimId, @QueryValue String category, @QueryValue String filename, @QueryValue String description,
                  @Body byte[] content);
}
