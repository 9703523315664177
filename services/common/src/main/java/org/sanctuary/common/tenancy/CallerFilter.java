package org.sanctuary.common.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.security.authentication.Authentication;
import org.sanctuary.common.problem.ProblemErrorResponseProcessor;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.util.HashSet;
import java.util.Optional;

/**
 * After the security filter has verified the token: every {@code /api/**} request made with a token
 * must name exactly one organization, which becomes the request's {@link Caller}. Anything else is a
 * 403 here, before a controller or repository runs — except a {@code platform-admin} token with no
 * organization at all, which passes without a Caller (the control plane's registry routes).
 */
@ServerFilter("/api/**")
public final class CallerFilter implements Ordered {

    private final ProblemErrorResponseProcessor problems;

    CallerFilter(ProblemErrorResponseProcessor problems) {
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> resolveCaller(HttpRequest<?> request, MutablePropagatedContext context) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return null; // anonymous: the security rules answer 401 for every secured route
        }
        Authentication auth = authentication.get();
        Optional<Caller> caller = callerOf(auth);
        if (caller.isEmpty() && auth.getAttributes().get(OrganizationClaim.NAME) == null
                && auth.getRoles().contains(Roles.PLATFORM_ADMIN)) {
            // a platform administrator acts on the control plane, for no tenant: no Caller, so every
            // tenant-scoped operation fails closed (403 from its role rules or from Caller.require)
            return null;
        }
        if (caller.isEmpty()) {
            ProblemException problem = new ProblemException(ProblemType.TENANT_UNRESOLVED,
                    "The token's organization claim must hold exactly one organization; "
                            + "a member of several asks for scope organization:<alias>.");
            return problems.processResponse(ErrorContext.builder(request).cause(problem).build(),
                    HttpResponse.status(problem.type().status()));
        }
        context.add(caller.get());
        return null;
    }

    /** Who a verified token names: its single organization, its {@code sub}, its roles; empty without exactly one organization. */
    public static Optional<Caller> callerOf(Authentication auth) {
        return OrganizationClaim.singleTenant(auth.getAttributes().get(OrganizationClaim.NAME))
                .map(tenant -> new Caller(tenant, subject(auth), new HashSet<>(auth.getRoles())));
    }

    /** The token's {@code sub}: stable, never reused (usernames can be renamed); the username only when a token lacks it. */
    public static String subject(Authentication auth) {
        Object sub = auth.getAttributes().get("sub");
        return sub instanceof String s && !s.isBlank() ? s : auth.getName();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
