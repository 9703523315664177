package org.sanctuary.tenants.registry;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.sanctuary.common.tenancy.Roles;

import java.util.List;

/**
 * {@code /api/v1/tenants/{tenantId}/api-clients}: the tenant's policy administrator manages its own integrator clients
 * ({@link ApiClients}); the secret is in the answer to create and rotate only.
 */
@Controller("/api/v1/tenants/{tenantId}/api-clients")
@Secured(Roles.POLICY_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiClientController {

    /** {@code name}: lower-case letters, digits and dashes, 2–40 (the client id is the organization's id, a dot, and the name). */
    @Serdeable
    record NewClient(@NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,39}$") String name) {
    }

    private final ApiClients clients;

    ApiClientController(ApiClients clients) {
        this.clients = clients;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewClient.class),
            examples = @ExampleObject(name = "caseImport", summary = "A client for the agency's case-import job",
                    value = "{\"name\": \"case-import\"}")))
    @ApiResponse(responseCode = "409", description = "Your organization already has an API client of this name "
            + "(problem type `conflict`)")
    @ApiResponse(responseCode = "422", description = "Your organization is not provisioned in the identity provider yet: the "
            + "platform administrator retries its provisioning (problem type `unprocessable`)")
    HttpResponse<ApiClients.ApiClient> create(@PathVariable String tenantId, @Body @Valid NewClient request) {
        return HttpResponse.status(HttpStatus.CREATED).body(clients.create(tenantId, request.name()));
    }

    @Get
    List<ApiClients.ApiClient> list(@PathVariable String tenantId) {
        return clients.list(tenantId);
    }

    /** What a client id this API made looks like ({@code <tenant>.<name>}); anything else is a 400, never sent on. */
    static final String CLIENT_ID = "^[a-z][a-z0-9-]{1,62}\\.[a-z0-9][a-z0-9-]{1,39}$";

    /** A new secret, shown this once; the old one stops working. */
    @Post("/{clientId}/rotate")
    ApiClients.ApiClient rotate(@PathVariable String tenantId, @PathVariable @Pattern(regexp = CLIENT_ID) String clientId) {
        return clients.rotate(tenantId, clientId);
    }

    @Delete("/{clientId}")
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> revoke(@PathVariable String tenantId, @PathVariable @Pattern(regexp = CLIENT_ID) String clientId) {
        clients.revoke(tenantId, clientId);
        return HttpResponse.noContent();
    }
}
