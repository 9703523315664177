package org.sanctuary.documents.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Status(HttpStatus.CREATED)
    @RequestBody(description = "The file itself, as the raw request body (not multipart); its type is judged from its bytes, "
            + "never from its name or Content-Type", content = @Content(mediaType = MediaType.ALL,
            schema = @Schema(type = "string", format = "binary"),
            examples = @ExampleObject(name = "summons", summary = "A scan of a call-up summons",
                    description = "The bytes of a PDF scan of the summons (повестка) of 23 September 2022: for example "
                            + "POST /api/v1/documents?claimId=…&category=SUMMONS&filename=povestka-2022-09-23.pdf with the "
                            + "file as the body (curl --data-binary @povestka-2022-09-23.pdf)",
                    value = "%PDF-1.7 … (the file's bytes)")))
    @ApiResponse(responseCode = "404", description = "claimId names no claim of your organization (problem type `not-found`)")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so "
            + "nothing can be sealed under it (problem type `gone`)")
    @ApiResponse(responseCode = "413", description = "The file is larger than your organization's pack allows (documents.maxBytes): "
            + "refused before reading when Content-Length says so, else while streaming; nothing is kept (problem type `payload-too-large`)")
    HttpResponse<Document> upload(@QueryValue UUID claimId, @QueryValue Category category, @QueryValue String filename,
                                  @Nullable @QueryValue String description,
                                  @Nullable @Header(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                                  @Body InputStream body) {
        Document document = documents.upload(claimId, category, filename, description,
                contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength), body);
        return HttpResponse.created(document, URI.create("/api/v1/documents/" + document.id()))
                .header(HttpHeaders.ETAG, etag(document));
    }

    @Get("/{id}")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed file name and description can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The sealed file name or description failed its integrity check "
            + "(problem type `integrity`)")
    HttpResponse<Document> get(@PathVariable UUID id) {
        Document document = documents.get(id);
        return HttpResponse.ok(document).header(HttpHeaders.ETAG, etag(document));
    }

    @Get
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed file name and description can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "A document's sealed file name or description failed its integrity check "
            + "(problem type `integrity`)")
    List<Document> ofClaim(@QueryValue UUID claimId) {
        return documents.ofClaim(claimId);
    }

    /** The content, verified against its SHA-256 first; ETag = the hash. */
    @Get("/{id}/content")
    @ApiResponse(responseCode = "200", description = "The document's content, verified against its SHA-256, in the media type "
            + "its bytes were judged to be at upload (one of the pack's documents.allowedTypes), with its ETag",
            content = @Content(mediaType = MediaType.ALL, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the document's ETag (its SHA-256): you hold this content already")
    @ApiResponse(responseCode = "410", description = "The document's content was deleted (by retention or a supervisor; its "
            + "tombstone and hash remain), or your organization's data key was destroyed when it was offboarded (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The stored content no longer matches its SHA-256 or does not authenticate, "
            + "or the sealed file name fails its check; the content is withheld and the event audited (problem type `integrity`)")
    HttpResponse<StreamedFile> content(@PathVariable UUID id, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                       @Nullable @Header(AccessReason.HEADER) String accessReason) {
        DocumentService.Download download = documents.download(id, accessReason);
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
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deletion.class),
            examples = @ExampleObject(name = "wrongClaim", summary = "Why the content is deleted (the tombstone keeps it)",
                    value = "{\"reason\": \"Uploaded to the wrong claim: it is his brother's military ID.\"}")))
    @ApiResponse(responseCode = "409", description = "The document is on legal hold, its content is already deleted, or it changed "
            + "meanwhile (problem type `conflict`)")
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed file name and description can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The sealed file name or description failed its integrity check "
            + "(problem type `integrity`)")
    Document delete(@PathVariable UUID id, @Body @Valid Deletion deletion) {
        return documents.delete(id, deletion.reason());
    }

    @Put("/{id}/legal-hold")
    @Secured(Roles.SUPERVISOR)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Hold.class),
            examples = {@ExampleObject(name = "hold", summary = "Place a legal hold: retention and deletion wait",
                    value = "{\"hold\": true, \"reason\": \"Appeal pending before the administrative court of Leipzig\"}"),
                    @ExampleObject(name = "release", summary = "Lift the hold", value = "{\"hold\": false}")}))
    @ApiResponse(responseCode = "410", description = "Your organization's data key was destroyed when it was offboarded, so the "
            + "sealed file name and description can no longer be read (problem type `gone`)")
    @ApiResponse(responseCode = "500", description = "The sealed file name or description failed its integrity check "
            + "(problem type `integrity`)")
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
