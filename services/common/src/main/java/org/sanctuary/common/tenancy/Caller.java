package org.sanctuary.common.tenancy;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Who is acting, and for which tenant. Set once per request from the verified token by
 * {@link CallerFilter}, or explicitly by a background job through {@link #callAs}; it travels with
 * Micronaut's {@link PropagatedContext} (across {@code @ExecuteOn} executors), never through a
 * static ThreadLocal of ours.
 */
public record Caller(String tenantId, String subject, Set<String> roles) implements PropagatedContextElement {

    /** Keycloak organization alias = tenant id. */
    public static final String TENANT_PATTERN = "^[a-z][a-z0-9-]{1,62}$";
    public static final Pattern TENANT_ID = Pattern.compile(TENANT_PATTERN);

    public Caller {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("invalid tenant id");
        }
        subject = subject == null ? "unknown" : subject;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Optional<Caller> current() {
        return PropagatedContext.find().flatMap(ctx -> ctx.find(Caller.class));
    }

    /** The current caller; fails closed when there is none (no tenant ⇒ no data, and a 403). */
    public static Caller require() {
        return current().orElseThrow(() -> new ProblemException(ProblemType.TENANT_UNRESOLVED,
                "This operation acts for an organization; the token names none."));
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Runs work for a tenant outside a request, e.g. a scheduled job looping over tenants. */
    public static <T> T callAs(Caller caller, Supplier<T> work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(caller).propagate()) {
            return work.get();
        }
    }

    public static Caller system(String tenantId, String job) {
        return new Caller(tenantId, "system:" + job, Set.of());
    }
}
