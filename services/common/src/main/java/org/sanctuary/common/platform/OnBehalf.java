package org.sanctuary.common.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.net.URI;

/**
 * Calls another Sanctuary service as the caller, with the caller's own token, so that service applies
 * its own tenant scoping and roles. Its answers become this service's problems: 404 (missing or another
 * tenant's) stays 404, 403 stays 403, 409 is an impossible transition, anything else — or no answer —
 * is a 503 to retry.
 */
@Singleton
public class OnBehalf {

    private final HttpClient http;

    public OnBehalf(@Client HttpClient http) {
        this.http = http;
    }

    /** {@code what} names the resource in the problems ("Claim", "Policy pack"). */
    public JsonNode get(String url, String authorization, String what) {
        return get(url, authorization, what, java.util.Map.of());
    }

    /** With further request headers, e.g. the caller's stated reason for a break-glass read. */
    public JsonNode get(String url, String authorization, String what, java.util.Map<String, String> headers) {
        MutableHttpRequest<?> request = HttpRequest.GET(URI.create(url));
        headers.forEach(request::header);
        return send(request, authorization, what);
    }

    public JsonNode post(String url, String authorization, String what) {
        return send(HttpRequest.POST(URI.create(url), ""), authorization, what);
    }

    private JsonNode send(MutableHttpRequest<?> request, String authorization, String what) {
        try {
            return http.toBlocking().retrieve(request.header("Authorization", authorization).accept(MediaType.APPLICATION_JSON_TYPE),
                    JsonNode.class);
        } catch (HttpClientResponseException e) {
            HttpStatus status = e.getStatus();
            if (status == HttpStatus.NOT_FOUND) {
                throw ProblemException.notFound(what);
            }
            if (status == HttpStatus.FORBIDDEN) {
                throw new ProblemException(ProblemType.FORBIDDEN, detail(e, "Not allowed."));
            }
            if (status == HttpStatus.CONFLICT) {
                throw new ProblemException(ProblemType.INVALID_TRANSITION, detail(e, "Not possible now."));
            }
            throw unavailable();
        } catch (HttpClientException e) {
            throw unavailable();
        }
    }

    /** The neighbour's own words (its problem's {@code detail}), passed on to the caller. */
    private static String detail(HttpClientResponseException e, String fallback) {
        try {
            return e.getResponse().getBody(JsonNode.class).map(body -> body.get("detail"))
                    .filter(detail -> detail != null && detail.isString()).map(JsonNode::getStringValue).orElse(fallback);
        } catch (RuntimeException unreadable) {
            return fallback;
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE, "A service this needs is not answering; retry shortly.");
    }
}
