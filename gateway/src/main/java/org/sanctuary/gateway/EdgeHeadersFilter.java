package org.sanctuary.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First and last at the edge: every request carries an {@code X-Request-Id} (a valid incoming one
 * is kept, anything else replaced) which is forwarded and returned; every response gets the
 * security headers an API should send.
 */
@ServerFilter("/**")
final class EdgeHeadersFilter implements Ordered {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern VALID_ID = Pattern.compile("^[A-Za-z0-9._-]{8,128}$");

    /**
     * The console's policy: its own scripts, styles and API only; Keycloak for signing in (token endpoint,
     * silent renewal in a frame, the login form's redirects); never framed; no inline script.
     */
    private final String consolePolicy;

    EdgeHeadersFilter(ConsoleConfiguration console) {
        String idp = console.authorityOrigin();
        this.consolePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self' " + idp + "; frame-src " + idp + "; form-action 'self' " + idp + "; base-uri 'self'; "
                + "object-src 'none'; frame-ancestors 'none'";
    }

    @RequestFilter
    void requestId(MutableHttpRequest<?> request) {
        String incoming = request.getHeaders().get(REQUEST_ID);
        String id = incoming != null && VALID_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        request.getHeaders().set(REQUEST_ID, id);
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        @Nullable String id = request.getHeaders().get(REQUEST_ID);
        if (id != null) {
            response.getHeaders().set(REQUEST_ID, id);
        }
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        response.getHeaders().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        if (!response.getHeaders().contains("Cache-Control")) {
            response.getHeaders().set("Cache-Control", "no-store");
        }
        String path = request.getPath();
        if (path.startsWith("/api/docs")) {
            return; // Swagger UI sets its own
        }
        response.getHeaders().set("Content-Security-Policy", path.startsWith("/api/") || path.startsWith("/internal/")
                ? "default-src 'none'; frame-ancestors 'none'" : consolePolicy);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
