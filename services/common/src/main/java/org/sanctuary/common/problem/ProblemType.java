package org.sanctuary.common.problem;

import io.micronaut.http.HttpStatus;

/**
 * The catalogue of problem {@code type} URIs (documented in docs/problems.md). Stable: clients
 * switch on them. For each status the generic type comes first; the more specific ones follow it.
 */
public enum ProblemType {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "The request is not valid"),
    MALFORMED(HttpStatus.BAD_REQUEST, "malformed-request", "The request body could not be read"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
    TENANT_UNRESOLVED(HttpStatus.FORBIDDEN, "tenant-unresolved",
            "The token must name exactly one organization"),
    TENANT_INACTIVE(HttpStatus.FORBIDDEN, "tenant-inactive", "Your organization's access is closed"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    GONE(HttpStatus.GONE, "gone", "The resource is gone"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
    INVALID_TRANSITION(HttpStatus.CONFLICT, "invalid-transition", "The action is not possible in the current state"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
            "The resource changed since you read it"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
            "Send If-Match with the ETag you read"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "The request breaks a domain rule"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
            "The Idempotency-Key was used before with a different request"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error"),
    INTEGRITY(HttpStatus.INTERNAL_SERVER_ERROR, "integrity",
            "Stored data failed its integrity check; the event is logged for investigation"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable");

    public static final String BASE = "https://sanctuary.example/problems/";

    private final HttpStatus status;
    private final String uri;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.uri = BASE + slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** The generic type for a status that no handler classified more precisely. */
    public static ProblemType forStatus(int code) {
        for (ProblemType type : values()) {
            if (type.status.getCode() == code) {
                return type; // declaration order puts each status's generic type first
            }
        }
        return code >= 500 ? INTERNAL : VALIDATION;
    }
}
