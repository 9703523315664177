package org.sanctuary.gateway;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import org.reactivestreams.Publisher;
import org.sanctuary.common.problem.ProblemErrorResponseProcessor;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

/**
 * Limits per client address, before any token is looked at: failed authentications (each 401
 * spends a token of the address's bucket; an empty bucket answers 429 before the token is even
 * checked, so guessing tokens or replaying stolen ones is slow), and the anonymous, costly
 * {@code /api/openapi}. Both answer 429 problem+json with {@code Retry-After}.
 */
@Filter("/**")
final class AddressLimitsFilter implements HttpServerFilter, Ordered {

    static final String OPENAPI = "/api/openapi";

    private final ClientAddress clients;
    private final ProblemErrorResponseProcessor problems;
    private final AddressBuckets authFailures;
    private final AddressBuckets openapi;

    AddressLimitsFilter(ClientAddress clients, ProblemErrorResponseProcessor problems, GatewayConfiguration configuration) {
        this.clients = clients;
        this.problems = problems;
        this.authFailures = new AddressBuckets(configuration.authFailuresPerMinute());
        this.openapi = new AddressBuckets(configuration.openapiRequestsPerMinute());
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String client = clients.of(request);
        long wait = authFailures.waitFor(client);
        if (wait > 0) {
            return Publishers.just(tooMany(request, wait, "Too many failed authentications from your address; retry after "
                    + wait + " s."));
        }
        if (request.getPath().equals(OPENAPI)) {
            long openapiWait = openapi.take(client);
            if (openapiWait > 0) {
                return Publishers.just(tooMany(request, openapiWait, "Too many requests for the API document from your address;"
                        + " retry after " + openapiWait + " s."));
            }
        }
        return Publishers.map(chain.proceed(request), response -> {
            if (response.getStatus() == HttpStatus.UNAUTHORIZED) {
                authFailures.spend(client);
            }
            return response;
        });
    }

    private MutableHttpResponse<?> tooMany(HttpRequest<?> request, long retryAfter, String detail) {
        ProblemException problem = new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail);
        MutableHttpResponse<?> response = problems.processResponse(ErrorContext.builder(request).cause(problem).build(),
                HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS));
        response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return response;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before(); // before the token is verified
    }
}
