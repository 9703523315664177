package org.sanctuary.documents.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sanctuary.common.security.AccessReason;
import org.sanctuary.common.tenancy.Roles;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * {@code /api/v1/documents}: evidence for a claim. Upload is the raw file as the request body, its
 * metadata in the query ({@code claimId}, {@code category}, {@code filename}, {@code description});
 * download streams it back after verifying it.
 */
@Controller("/api/v1/documents")
@Secured({Roles.CASEWORKER, Roles.SUPERVISOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentController {

    @Serdeable
    record Deletion(@NotBlank @Size(max = 500) String reason) {
    }

    @Serdeable
    record Hold(@NotNull Boolean hold, @Nullable @Size(max = 500) String reason) {
    }

    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @Post
    @Consumes(MediaType.ALL)
    @Secured({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.INTEGRATOR})
    HttpResponse<Document> upload(@QueryValue UUID claimId, @QueryValue Category category, @QueryValue String filename,
                                  @Nullable @QueryValue String description,
                                  @Nullable @Header(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                                  @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Body InputStream body) {
        Document document = documents.upload(claimId, category, filename, description,
                contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength), body, authorization);
        return HttpResponse.created(document, URI.create("/api/v1/documents/" + document.id()))
                .header(HttpHeaders.ETAG, etag(document));
    }

    @Get("/{id}")
    HttpResponse<Document> get(@PathVariable UUID id) {
        Document document = documents.get(id);
        return HttpResponse.ok(document).header(HttpHeaders.ETAG, etag(document));
    }

    @Get
    List<Document> ofClaim(@QueryValue UUID claimId) {
        return documents.ofClaim(claimId);
    }

    /** The content, verified against its SHA-256 first; ETag = the hash. */
    @Get("/{id}/content")
    HttpResponse<StreamedFile> content(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                       @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                       @Nullable @Header(AccessReason.HEADER) String accessReason) {
        DocumentService.Download download = documents.download(id, authorization, accessReason);
        Document document = download.document();
        if (etag(document).equals(ifNoneMatch)) {
            closeQuietly(download.content());
            return HttpResponse.notModified();
        }
        return HttpResponse.ok(new StreamedFile(download.content(), MediaType.of(document.contentType())))
                .header(HttpHeaders.ETAG, etag(document))
                .header(HttpHeaders.CONTENT_DISPOSITION, Filenames.disposition(document.filename()))
                .header(HttpHeaders.CONTENT_LENGTH, Long.toString(document.sizeBytes()))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Delete("/{id}")
    @Secured(Roles.SUPERVISOR)
    Document delete(@PathVariable UUID id, @Body @Valid Deletion deletion) {
        return documents.delete(id, deletion.reason());
    }

    @Put("/{id}/legal-hold")
    @Secured(Roles.SUPERVISOR)
    Document hold(@PathVariable UUID id, @Body @Valid Hold hold) {
        return documents.hold(id, hold.hold(), hold.reason());
    }

    private static String etag(Document document) {
        return "\"" + document.sha256() + "\"";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // nothing was sent from it
        }
    }
}
