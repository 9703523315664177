package org.sanctuary.common.http;

import io.micronaut.core.annotation.Nullable;
import org.sanctuary.common.problem.ProblemException;
import org.sanctuary.common.problem.ProblemType;

/** ETag / If-Match over a row's optimistic version: {@code ETag: "3"}. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} names; 428 when absent, 412 when it names no version of ours. */
    public static long required(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Updates need If-Match with the ETag of the version you read.");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match does not name a version of this resource.");
        }
    }

    public static int limit(@Nullable Integer limit, int fallback, int max) {
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > max) {
            throw ProblemException.invalid("limit", "must be between 1 and " + max);
        }
        return limit;
    }
}
