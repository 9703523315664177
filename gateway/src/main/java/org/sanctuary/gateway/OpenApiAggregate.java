package org.sanctuary.gateway;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/openapi}: every service's build-time OpenAPI document, merged into one (paths and
 * component schemas side by side; each service serves distinct paths). A service that does not
 * answer is left out and named under {@code x-unavailable}, so the page still loads.
 * <p>
 * The merged document is kept for {@code sanctuary.gateway.openapi-cache-ttl} (a partial one, with
 * a service missing, for at most 5 s), built by one request at a time: an anonymous flood never
 * turns into a flood of calls to the services (it is also limited per address, see
 * {@link AddressLimitsFilter}). Each build counts in {@code sanctuary.gateway.openapi.aggregations}.
 */
@Controller("/api/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class OpenApiAggregate {

    private static final java.time.Duration PARTIAL_TTL = java.time.Duration.ofSeconds(5);

    private record Cached(Map<String, Object> document, long expiresAtNanos) {
    }

    private final HttpClient http;
    private final List<URI> documents;
    private final java.time.Duration ttl;
    private final io.micrometer.core.instrument.Counter aggregations;
    private volatile Cached cached;

    OpenApiAggregate(@Client HttpClient http, GatewayConfiguration configuration, io.micrometer.core.instrument.MeterRegistry meters) {
        this.http = http;
        this.documents = configuration.openapiDocuments();
        this.ttl = configuration.openapiCacheTtl();
        this.aggregations = io.micrometer.core.instrument.Counter.builder("sanctuary.gateway.openapi.aggregations")
                .description("How often the services' OpenAPI documents were fetched and merged").register(meters);
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> merged() {
        Cached current = cached;
        if (current != null && System.nanoTime() - current.expiresAtNanos() < 0) {
            return current.document();
        }
        synchronized (this) {
            current = cached;
            if (current != null && System.nanoTime() - current.expiresAtNanos() < 0) {
                return current.document(); // built by the request we waited for
            }
            Map<String, Object> document = aggregate();
            java.time.Duration lifetime = document.containsKey("x-unavailable") && PARTIAL_TTL.compareTo(ttl) < 0 ? PARTIAL_TTL : ttl;
            cached = new Cached(document, System.nanoTime() + lifetime.toNanos());
            return document;
        }
    }

    private Map<String, Object> aggregate() {
        aggregations.increment();
        List<String> specs = new java.util.ArrayList<>();
        List<String> unavailable = new java.util.ArrayList<>();
        for (URI document : documents) {
            try {
                specs.add(http.toBlocking().retrieve(HttpRequest.GET(document)));
            } catch (RuntimeException e) {
                unavailable.add(document.toString());
            }
        }
        return OpenApiMerge.merge(specs, unavailable);
    }
}
