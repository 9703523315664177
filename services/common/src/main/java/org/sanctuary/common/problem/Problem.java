package org.sanctuary.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** RFC 9457 problem details, with the validation violations as an extension member. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    public record Violation(String field, String message) {
    }
}
