package org.sanctuary.reporting.webhook;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.sanctuary.common.tenancy.Roles;

import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/webhooks}: a tenant's policy administrator subscribes its integrators' URLs to events, rotates a
 * subscription's signing secret, reads its delivery log, sends a delivery again and enables a subscription that was
 * disabled for failing (docs/integrators.md).
 */
@Controller("/api/v1/webhooks")
@Secured(Roles.POLICY_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Subscribes a URL to event types; the signing secret is in this answer only. */
    @Post
    @Status(HttpStatus.CREATED)
    @ApiResponse(responseCode = "422", description = "The URL is not https to a public address (unprocessable)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Webhooks.NewSubscription.class), examples = @ExampleObject(value = """
            {"url": "https://registry.ngo.example/sanctuary/events", "eventTypes": ["claim.lodged", "decision.approved"],
             "description": "Legal-aid case tracker"}""")))
    HttpResponse<Webhooks.Created> subscribe(@Body @Valid Webhooks.NewSubscription request) {
        return HttpResponse.created(webhooks.create(request));
    }

    @Get
    List<Webhooks.Subscription> list() {
        return webhooks.list();
    }

    @Get("/{id}")
    Webhooks.Subscription get(@PathVariable UUID id) {
        return webhooks.get(id);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        webhooks.delete(id);
    }

    /** A new signing secret, in this answer only; the previous one still signs beside it for 24 hours. */
    @Post("/{id}/rotate")
    Webhooks.Rotated rotate(@PathVariable UUID id) {
        return webhooks.rotate(id);
    }

    @Post("/{id}/enable")
    Webhooks.Subscription enable(@PathVariable UUID id) {
        return webhooks.enable(id);
    }

    /** The delivery log, newest first: each event's status, attempts, last answer and its latency. */
    @Get("/{id}/deliveries")
    List<Webhooks.Delivery> deliveries(@PathVariable UUID id, @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return webhooks.deliveries(id, limit);
    }

    /** Sends a delivery again now, with a fresh schedule of attempts. */
    @Post("/{id}/deliveries/{deliveryId}/redeliver")
    @Status(HttpStatus.ACCEPTED)
    Webhooks.Delivery redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return webhooks.redeliver(id, deliveryId);
    }
}
