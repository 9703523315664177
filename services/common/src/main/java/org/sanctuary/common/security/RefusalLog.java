package org.sanctuary.common.security;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import org.sanctuary.common.problem.Refusal;
import org.sanctuary.common.problem.RefusalRecorder;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.CallerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Every refused request is written down (issue 11, item 12): a 401 (no valid token, so no tenant to
 * audit it under) is logged with the client's address; a 403 is logged and, where the token names a
 * tenant and the service keeps an audit chain, appended to that tenant's chain as {@code http.forbidden}
 * (outcome DENIED) in its own transaction on the blocking executor, just after the answer — the refused
 * request's own work, if any, rolled back.
 */
@ServerFilter("/api/**")
final class RefusalLog implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("sanctuary.security");

    private final BeanProvider<RefusalRecorder> audit; // none in the gateway, which has no database
    private final ExecutorService blocking;

    RefusalLog(BeanProvider<RefusalRecorder> audit, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.audit = audit;
        this.blocking = blocking;
    }

    /** On the event loop: every other response passes at no cost; a 403's chain entry is written off the loop. */
    @ResponseFilter
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status != HttpStatus.UNAUTHORIZED.getCode() && status != HttpStatus.FORBIDDEN.getCode()) {
            return;
        }
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        String what = request.getMethodName() + " " + request.getPath();
        Optional<Authentication> auth = request.getUserPrincipal(Authentication.class);
        if (status == HttpStatus.UNAUTHORIZED.getCode() || auth.isEmpty()) {
            LOG.warn("refused {}: {} from {}", status, what, address);
            return;
        }
        Optional<Caller> caller = CallerFilter.callerOf(auth.get());
        LOG.warn("refused 403: {} from {} for {} of {}", what, address, CallerFilter.subject(auth.get()),
                caller.map(Caller::tenantId).orElse("no organization"));
        if (caller.isEmpty() || !audit.isPresent()) {
            return;
        }
        blocking.execute(() -> {
            try {
                audit.get().record(new Refusal(caller.get(), "http.forbidden", "request", what, false, null));
            } catch (RuntimeException e) {
                LOG.warn("refused 403 not audited: {}", e.getMessage());
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before(); // sees the security filter's own 401 and 403 answers
    }
}
