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
 */
@Controller("/api/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class OpenApiAggregate {

    private final HttpClient http;
    private final List<URI> documents;

    OpenApiAggregate(@Client HttpClient http, @Value("${sanctuary.gateway.openapi-documents}") List<URI> documents) {
        this.http = http;
        this.documents = documents;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    Map<String, Object> merged() {
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> securitySchemes = new LinkedHashMap<>();
        List<String> unavailable = new java.util.ArrayList<>();
        for (URI document : documents) {
            try {
                String yaml = http.toBlocking().retrieve(HttpRequest.GET(document));
                Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
                paths.putAll((Map<String, Object>) spec.getOrDefault("paths", Map.of()));
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
        return merged;
    }
}
