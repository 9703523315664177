package org.sanctuary.common.platform;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A call to another Sanctuary service as the caller: through that service's declarative client, which carries the
 * caller's own token (Micronaut's token propagation, {@code micronaut.security.token.propagation}), so that service
 * applies its own tenant scoping and roles. Its answers become this service's problems: 404 (missing or another
 * tenant's) stays 404, 403 stays 403, 409 is an impossible transition, anything else — or no answer — is a 503 to retry.
 */
public final class OnBehalf {

    private static final Logger LOG = LoggerFactory.getLogger(OnBehalf.class);

    private OnBehalf() {
    }

    /** {@code what} names the resource in the problems ("Claim", "Policy pack"); a declarative client's 404 is null. */
    public static <T> T call(String what, Supplier<T> call) {
        return find(what, call).orElseThrow(() -> ProblemException.notFound(what));
    }

    /** As {@link #call}, where a 404 (or another tenant's resource) is an answer: empty. */
    public static <T> Optional<T> find(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (HttpClientResponseException e) {
            HttpStatus status = e.getStatus();
            if (status == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            if (status == HttpStatus.FORBIDDEN) {
                throw new ProblemException(ProblemType.FORBIDDEN, detail(e, "Not allowed."));
            }
            if (status == HttpStatus.CONFLICT) {
                throw new ProblemException(ProblemType.INVALID_TRANSITION, detail(e, "Not possible now."));
            }
            LOG.warn("{}: the neighbour answered {}: {}", what, status.getCode(), detail(e, e.getMessage()));
            throw unavailable();
        } catch (HttpClientException e) {
            LOG.warn("{}: the neighbour did not answer: {}", what, e.getMessage());
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
