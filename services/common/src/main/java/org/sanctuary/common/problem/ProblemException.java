package org.sanctuary.common.problem;

import io.micronaut.core.annotation.Nullable;
import org.sanctuary.common.tenancy.Caller;

import java.util.List;
import java.util.Optional;

/**
 * Thrown by application code to answer with a problem+json. A refusal the audit chain must hold says so with
 * {@link #audited}: the handler records it after the refused work has rolled back (one way for every service).
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;
    private final @Nullable Refusal refusal;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(type, detail, violations, null);
    }

    private ProblemException(ProblemType type, String detail, List<Problem.Violation> violations, @Nullable Refusal refusal) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.refusal = refusal;
    }

    /**
     * This refusal of {@code action} on the resource, recorded in the caller's audit chain once the request's work has
     * rolled back: as NOT_FOUND when it is a 404, as DENIED otherwise.
     */
    public ProblemException audited(String action, String resourceType, String resourceId) {
        return audited(action, resourceType, resourceId, null);
    }

    /** The same, with the reason the caller stated for a read outside need to know (break-glass), recorded with it. */
    public ProblemException audited(String action, String resourceType, String resourceId, @Nullable String statedReason) {
        return new ProblemException(type, getMessage(), violations, new Refusal(Caller.require(), action, resourceType, resourceId,
                type == ProblemType.NOT_FOUND, statedReason));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }
}
