package org.sanctuary.gateway;

import io.micronaut.context.annotation.Value;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.net.URI;
import java.util.LinkedHashMap;
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

    OpenApiAggregate(@Client HttpClient http, @Value("${sanctuary.gateway.openapi-documents}") List<URI> documents,
                     GatewayConfiguration configuration, io.micrometer.core.instrument.MeterRegistry meters) {
        this.http = http;
        this.documents = documents;
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

    @SuppressWarnings("unchecked")
    private Map<String, Object> aggregate() {
        aggregations.increment();
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> securitySchemes = new LinkedHashMap<>();
        List<String> unavailable = new java.util.ArrayList<>();
        for (URI document : documents) {
            try {
                String yaml = http.toBlocking().retrieve(HttpRequest.GET(document));
                Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
                // the public contract only: /internal and management paths are never routed, so never described
                ((Map<String, Object>) spec.getOrDefault("paths", Map.of())).forEach((path, item) -> {
                    if (path.startsWith("/api/")) {
                        ((Map<String, Object>) item).values().forEach(AggregateRoles::moveToExtension);
                        paths.put(path, item);
                    }
                });
                Map<String, Object> components = (Map<String, Object>) spec.getOrDefault("components", Map.of());
                schemas.putAll((Map<String, Object>) components.getOrDefault("schemas", Map.of()));
                securitySchemes.putAll((Map<String, Object>) components.getOrDefault("securitySchemes", Map.of()));
            } catch (RuntimeException e) {
                unavailable.add(document.toString());
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("openapi", "3.0.1");
        merged.put("info", Map.of("title", "Sanctuary API", "version", "v1",
                "description", "All services behind the gateway. Errors are RFC 9457 problem+json."));
        merged.put("servers", List.of(Map.of("url", "/")));
        merged.put("security", List.of(Map.of("bearer", List.of())));
        merged.put("paths", paths);
        merged.put("components", Map.of("schemas", schemas, "securitySchemes", securitySchemes));
        if (!unavailable.isEmpty()) {
            merged.put("x-unavailable", unavailable);
        }
        return java.util.Collections.unmodifiableMap(merged);
    }

    /**
     * The roles an operation allows: the services' documents carry them as the scopes of the bearer requirement (as
     * micronaut-openapi writes them from {@code @Secured}, and as OpenAPI 3.1 reads a requirement); OpenAPI 3.0, which
     * this document declares, wants that list empty for an HTTP scheme. The published document keeps the requirement
     * empty and names the roles in {@code x-sanctuary-roles} (the isolation matrix derives its expectations from it).
     */
    static final class AggregateRoles {

        static final String EXTENSION = "x-sanctuary-roles";

        private AggregateRoles() {
        }

        @SuppressWarnings("unchecked")
        static void moveToExtension(Object operation) {
            if (!(operation instanceof Map<?, ?> map) || !(map.get("security") instanceof List<?> requirements)) {
                return; // a path item's parameters or summary, not an operation
            }
            List<String> roles = new java.util.ArrayList<>();
            List<Object> emptied = new java.util.ArrayList<>();
            for (Object requirement : requirements) {
                Map<String, Object> schemes = new LinkedHashMap<>();
                ((Map<String, Object>) requirement).forEach((scheme, scopes) -> {
                    ((List<?>) scopes).forEach(role -> roles.add(role.toString()));
                    schemes.put(scheme, List.of());
                });
                emptied.add(schemes);
            }
            Map<String, Object> op = (Map<String, Object>) map;
            op.put("security", emptied);
            if (!roles.isEmpty()) {
                op.put(EXTENSION, roles);
            }
        }
    }
}
