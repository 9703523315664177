package org.sanctuary.common.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.sanctuary.common.http.Versions;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;

import java.time.Instant;

/**
 * A service's audit chain as its tenant's people read it: an {@code auditor} lists every entry and
 * verifies the chains; a {@code supervisor} lists the entries opened with a stated reason (break-glass
 * reads outside need-to-know), and only those. Each service declares it under its own path
 * ({@code /api/v1/<service>-audit}), which the gateway routes like any other. Reading the chain is itself audited.
 */
public abstract class AuditApi {

    private static final int MAX = 500;

    private final AuditLog log;

    protected AuditApi(AuditLog log) {
        this.log = log;
    }

    /**
     * Entries newest first, before {@code before} (the previous page's {@code next}) and from {@code from} on;
     * narrowed to one person ({@code actor}, the token subject audit records), one action, and one subject
     * ({@code resourceType}, with {@code resourceId}), each an exact match. {@code breakGlass=true} keeps only
     * reads opened with a stated reason — all a supervisor may see.
     */
    @Get("/entries")
    @Secured({Roles.AUDITOR, Roles.SUPERVISOR})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public AuditLog.Page entries(@Nullable @QueryValue Instant before, @Nullable @QueryValue Instant from,
                        @Nullable @QueryValue String actor, @Nullable @QueryValue String action,
                        @Nullable @QueryValue String resourceType, @Nullable @QueryValue String resourceId,
                        @Nullable @QueryValue Boolean breakGlass, @Nullable @QueryValue Integer limit) {
        Caller caller = Caller.require();
        boolean onlyBreakGlass = Boolean.TRUE.equals(breakGlass) || !caller.hasAnyRole(Roles.AUDITOR);
        int size = Versions.limit(limit, 100, MAX);
        if (resourceId != null && resourceType == null) {
            throw ProblemException.invalid("resourceType", "is required with resourceId");
        }
        return log.entries(new AuditLog.Query(before, from, actor, action, resourceType, resourceId, onlyBreakGlass, size));
    }

    /** Walks every chain of the caller's tenant in this service and reports the first broken link, if any. */
    @Get("/verification")
    @Secured(Roles.AUDITOR)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public AuditChainVerifier.Result verification() {
        return log.verify();
    }
}
