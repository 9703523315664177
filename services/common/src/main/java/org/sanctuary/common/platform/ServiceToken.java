package org.sanctuary.common.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The service's own access token for background work (reading another service's event feed): the
 * OAuth2 client-credentials grant against the identity provider's token endpoint
 * ({@code sanctuary.platform.token-url}, Keycloak's {@code …/protocol/openid-connect/token}), as the
 * {@code sanctuary-platform} client whose service account holds {@code platform-service}. Cached
 * until shortly before it expires; the token itself is validated by whoever receives it.
 */
@Requires(property = "sanctuary.platform.token-url", pattern = ".+")
@Singleton
public class ServiceToken {

    private final HttpClient http;
    private final URI tokenUrl;
    private final String form;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceToken(@Client HttpClient http, Clock clock, @Value("${sanctuary.platform.token-url}") String tokenUrl,
                        @Value("${sanctuary.platform.client-id:sanctuary-platform}") String clientId,
                        @Value("${sanctuary.platform.client-secret:}") String clientSecret) {
        this.http = http;
        this.clock = clock;
        this.tokenUrl = URI.create(tokenUrl);
        this.form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    }

    /** {@code Bearer …}, fetched when missing or within 30 s of expiry. */
    public synchronized String authorization() {
        Instant now = clock.instant();
        if (token == null || now.isAfter(renewAt)) {
            JsonNode answer = http.toBlocking().retrieve(HttpRequest.POST(tokenUrl, form)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), JsonNode.class);
            token = answer.get("access_token").getStringValue();
            long expiresIn = answer.get("expires_in") == null ? 60 : answer.get("expires_in").getLongValue();
            renewAt = now.plusSeconds(Math.max(0, expiresIn - 30));
        }
        return "Bearer " + token;
    }
}
