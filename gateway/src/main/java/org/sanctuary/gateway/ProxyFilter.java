package org.sanctuary.gateway;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import org.sanctuary.common.problem.ProblemErrorResponseProcessor;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Routes {@code /api/v1/{segment}/**} to the service that owns {@code segment}, rewriting no path,
 * streaming both bodies. It runs after the security filter (token verified: 401 otherwise) and the
 * caller filter (exactly one organization: 403 otherwise), so no backend sees a request the gateway
 * could refuse; then the tenant's rate limit (429). Paths outside {@code /api/v1} with a route —
 * {@code /internal/**} above all — are never forwarded.
 */
@Filter("/api/v1/**")
final class ProxyFilter implements HttpServerFilter, Ordered {

    /** Connection-level headers that must not cross a proxy (RFC 9110 §7.6.1). */
    static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Authenticate",
            "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Proxy-Connection");

    private final ProxyHttpClient client;
    private final GatewayConfiguration configuration;
    private final TenantRateLimiter limiter;
    private final ProblemErrorResponseProcessor problems;
    private final ClientAddress clients;

    ProxyFilter(ProxyHttpClient client, GatewayConfiguration configuration, TenantRateLimiter limiter,
                ProblemErrorResponseProcessor problems, ClientAddress clients) {
        this.client = client;
        this.configuration = configuration;
        this.limiter = limiter;
        this.problems = problems;
        this.clients = clients;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String[] segments = request.getPath().split("/");
        // "", "api", "v1", segment, ...
        Optional<URI> target = segments.length > 3 ? configuration.route(segments[3]) : Optional.empty();
        if (target.isEmpty()) {
            return chain.proceed(request); // not ours: the router answers (404 problem+json)
        }
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return chain.proceed(request); // unauthenticated requests were already refused; defensive
        }
        // a tenant's bucket, or — for a platform administrator, who acts for no tenant — one of its own
        String bucket = Caller.current().map(Caller::tenantId).orElse("platform:" + authentication.get().getName());
        long limit = configuration.maxBodyBytes(segments[3]);
        if (request.getContentLength() > limit) {
            return Publishers.just(problem(request, new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body exceeds " + limit + " bytes.")));
        }
        TenantRateLimiter.Decision decision = limiter.tryAcquire(bucket);
        if (!decision.allowed()) {
            MutableHttpResponse<?> tooMany = problem(request, new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                    "Your organization's request rate is over its limit; retry after " + decision.resetSeconds() + " s."));
            tooMany.header(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()));
            rateHeaders(tooMany, decision);
            return Publishers.just(tooMany);
        }
        URI base = target.get();
        MutableHttpRequest<?> forwarded = request.mutate()
                .uri(b -> b.scheme(base.getScheme()).host(base.getHost()).port(base.getPort()));
        HOP_BY_HOP.forEach(forwarded.getHeaders()::remove);
        // what a client says about who it is or how it came is never passed on: set from the connection
        String host = request.getHeaders().get(HttpHeaders.HOST);
        ClientAddress.FORWARDING_HEADERS.forEach(forwarded.getHeaders()::remove);
        forwarded.getHeaders().set("X-Forwarded-For", clients.of(request));
        forwarded.getHeaders().set("X-Forwarded-Proto", clients.scheme(request));
        if (host != null) {
            forwarded.getHeaders().set("X-Forwarded-Host", host);
        }
        forwarded.getHeaders().remove(HttpHeaders.HOST);
        return Publishers.map(client.proxy(forwarded), response -> {
            MutableHttpHeaders headers = response.getHeaders();
            HOP_BY_HOP.stream().filter(h -> !h.equals("Transfer-Encoding")).forEach(headers::remove);
            rateHeaders(response, decision);
            return response;
        });
    }

    private static void rateHeaders(MutableHttpResponse<?> response, TenantRateLimiter.Decision decision) {
        response.header("RateLimit-Limit", Long.toString(decision.limit()));
        response.header("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.header("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }

    private MutableHttpResponse<?> problem(HttpRequest<?> request, ProblemException problem) {
        return problems.processResponse(ErrorContext.builder(request).cause(problem).build(),
                HttpResponse.status(problem.type().status()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 10; // after the caller filter
    }
}
