package org.sanctuary.common.security;

import io.micronaut.core.annotation.Nullable;
import org.sanctuary.common.problem.Problem;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;
import org.sanctuary.common.tenancy.Caller;
import org.sanctuary.common.tenancy.Roles;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reason a person states to open special-category data outside need to know (break-glass): the
 * {@value #HEADER} header, 10 to 500 printable characters, percent-encoded UTF-8 so any language fits a
 * header. A header rather than a query parameter, so reasons (which may name people) stay out of
 * access logs. Recorded in the audit chain, where supervisors see it (docs/security.md).
 */
public final class AccessReason {

    public static final String HEADER = "X-Access-Reason";
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{P}\\p{Zs}\\p{S}]{10,500}");

    private AccessReason() {
    }

    /** The stated reason, decoded and checked; empty when none was given; 400 naming the header when unusable. */
    public static Optional<String> parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        if (!PRINTABLE.matcher(decoded).matches()) {
            throw new ProblemException(ProblemType.VALIDATION, HEADER + " must state the reason in 10 to 500 characters",
                    List.of(new Problem.Violation(HEADER, "10 to 500 printable characters, percent-encoded UTF-8")));
        }
        return Optional.of(decoded);
    }

    /** Need to know of a claim's special-category data: a supervisor, or the caseworker it is assigned to (a {@code sub}). */
    public static boolean needToKnow(Caller caller, @Nullable String assignedCaseworker) {
        return caller.hasAnyRole(Roles.SUPERVISOR) || caller.subject().equals(assignedCaseworker);
    }

    /** 403 for {@code what} (special-category data) without need to know or a stated reason. */
    public static ProblemException required(String what) {
        return new ProblemException(ProblemType.FORBIDDEN, "The " + what + " hold special-category data, open to supervisors and "
                + "the assigned caseworker; state your reason in " + HEADER + " to open them (it is recorded and shown to supervisors).");
    }
}
