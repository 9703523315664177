package org.sanctuary.common.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.sanctuary.common.problem.ProblemErrorResponseProcessor;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A suspended, offboarded or unregistered tenant's tokens are refused (403) by every service, at
 * most {@code sanctuary.tenants.status-ttl} (15 s) after the registry changed: each service caches
 * a tenant's status that long. When the registry cannot be asked, the last known status serves for
 * up to {@code sanctuary.tenants.status-stale-limit} (five minutes); after that the service answers 503 rather
 * than guess, and serves again as soon as the registry answers.
 */
@ServerFilter("/api/**")
@Requires(beans = TenantStatusSource.class)
final class TenantStatusFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(TenantStatusFilter.class);

    private record Known(Optional<String> status, Instant at) {
    }

    private final TenantStatusSource source;
    private final ProblemErrorResponseProcessor problems;
    private final Duration ttl;
    private final Duration staleLimit;
    private final Clock clock;
    private final Map<String, Known> cache = new ConcurrentHashMap<>();

    TenantStatusFilter(TenantStatusSource source, ProblemErrorResponseProcessor problems, Clock clock, TenantStatusSettings settings) {
        this.staleLimit = settings.statusStaleLimit();
        this.source = source;
        this.problems = problems;
        this.ttl = settings.statusTtl();
        this.clock = clock;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        Optional<Caller> caller = Caller.current();
        if (caller.isEmpty() || request.getPath().equals("/api/v1/tenancy")) {
            // no tenant (anonymous or platform administrator): other rules decide; the status
            // question itself must stay answerable for a suspended tenant
            return null;
        }
        String tenant = caller.get().tenantId();
        Known known = cache.get(tenant);
        Instant now = clock.instant();
        if (known == null || known.at().plus(ttl).isBefore(now)) {
            try {
                String token = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class).orElse("")
                        .replaceFirst("(?i)^Bearer ", "");
                known = new Known(source.status(tenant, token), now);
                cache.put(tenant, known);
            } catch (RuntimeException e) {
                if (known == null || known.at().plus(staleLimit).isBefore(now)) {
                    LOG.warn("tenant status of {} unknown: {}", tenant, e.getMessage());
                    return refuse(request, new ProblemException(ProblemType.UNAVAILABLE,
                            "Your organization's status cannot be checked right now; retry shortly."));
                }
            }
        }
        if (known.status().isEmpty()) {
            return refuse(request, new ProblemException(ProblemType.TENANT_INACTIVE,
                    "Your organization is not a registered tenant of this platform."));
        }
        if (!TenantStatusSource.ACTIVE.equals(known.status().get())) {
            return refuse(request, new ProblemException(ProblemType.TENANT_INACTIVE,
                    "Your organization is " + known.status().get().toLowerCase() + "; its access is closed."));
        }
        return null;
    }

    private HttpResponse<?> refuse(HttpRequest<?> request, ProblemException problem) {
        return problems.processResponse(ErrorContext.builder(request).cause(problem).build(),
                HttpResponse.status(problem.type().status()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 5; // after the caller filter, before the gateway's proxy
    }
}
