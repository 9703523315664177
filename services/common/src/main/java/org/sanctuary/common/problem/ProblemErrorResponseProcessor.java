package org.sanctuary.common.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place where every error response of every service becomes RFC 9457 problem+json:
 * Micronaut's own handlers (malformed JSON, conversion, constraint violations, 404, 405, 413, 415,
 * security's 401/403) all end here, as do {@link ProblemException}s.
 */
@Singleton
@Primary
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        Throwable cause = context.getRootCause().orElse(null);
        if (status == 500 && databaseUnreachable(cause)) {
            // the database is away (stopped, restarting, failing over, or the pool timed out waiting for it):
            // a condition to retry, not a bug — 503 with a hint when to try again, never a 500 (operations.md)
            response.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5");
            return response.body(of(ProblemType.UNAVAILABLE, "The database is not reachable at the moment; try again shortly.",
                    context, List.of())).contentType(MediaType.of(Problem.MEDIA_TYPE));
        }
        if (status == 500 && valueTheDatabaseCannotHold(cause)) {
            // text with U+0000 came from the caller: its request is wrong, nothing was written (the transaction rolled
            // back), and it is told so — never a 500
            response.status(HttpStatus.BAD_REQUEST);
            return response.body(of(ProblemType.VALIDATION, "The request holds a character that cannot be stored or compared: "
                    + "U+0000.", context, List.of())).contentType(MediaType.of(Problem.MEDIA_TYPE));
        }
        Problem problem;
        if (cause instanceof ProblemException p) {
            problem = of(p.type(), p.getMessage(), context, p.violations());
        } else {
            ProblemType type = status == 400 ? BadRequests.classify(cause) : ProblemType.forStatus(status);
            List<Problem.Violation> violations = new ArrayList<>();
            String detail = null;
            if (status < 500) {
                Optional<String> jsonPath = BadRequests.jsonPath(cause);
                for (Error error : context.getErrors()) {
                    String message = BadRequests.clean(error.getMessage());
                    if (detail == null) {
                        detail = message;
                    }
                    jsonPath.or(() -> error.getPath().filter(p -> !p.startsWith("/")).map(BadRequests::fieldOf))
                            .or(() -> BadRequests.argumentOf(cause))
                            .ifPresent(field -> violations.add(new Problem.Violation(field, message)));
                }
            }
            problem = new Problem(type.uri(), type.title(), status, detail, path(context), violations);
        }
        if (status == 401 && response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem).contentType(MediaType.of(Problem.MEDIA_TYPE));
    }

    /**
     * True when {@code failure} comes from not reaching the database: the pool timed out waiting for a connection, a
     * connection could not be prepared (Micronaut Data's ConnectionException: one the pool evicted as broken), or
     * PostgreSQL refused or dropped it (SQLSTATE class 08, connection exception; 57P01-57P03, shutting down, crashed
     * or not yet accepting connections).
     */
    static boolean databaseUnreachable(Throwable failure) {
        return anyCause(failure, t -> t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof io.micronaut.data.connection.exceptions.ConnectionException
                && !(t instanceof io.micronaut.data.connection.exceptions.NoConnectionException) // no connection bound: a bug
                || sqlState(t).matches("0800[0-7]|57P0[1-3]")); // not 08P01, a protocol error
    }

    /**
     * True when PostgreSQL refused text the request carried: SQLSTATE 22021 (a character not in UTF-8's repertoire as
     * PostgreSQL stores it: U+0000 in text) or 22P05 (U+0000 in jsonb). Other data exceptions (a date out of range, a
     * division by zero) stay 500s: they are the service's own, and bounds on what callers send keep them so.
     */
    static boolean valueTheDatabaseCannotHold(Throwable failure) {
        return anyCause(failure, t -> sqlState(t).matches("22021|22P05"));
    }

    private static boolean anyCause(Throwable failure, java.util.function.Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE of a JDBC failure; empty for anything else. */
    private static String sqlState(Throwable t) {
        return t instanceof java.sql.SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }

    private static Problem of(ProblemType type, String detail, ErrorContext context, List<Problem.Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail, path(context), violations);
    }

    private static String path(ErrorContext context) {
        return context.getRequest() == null ? null : context.getRequest().getPath();
    }
}
