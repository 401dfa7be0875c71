package io.taskstream.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types of the API (RFC 9457 {@code type} member). Clients may switch on the URI;
 * the title is its human name.
 */
public enum ProblemType {
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Request validation failed"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request body"),
    UNKNOWN_FIELD("unknown-field", HttpStatus.BAD_REQUEST, "Unknown field in request body"),
    WRONG_TYPE("wrong-type", HttpStatus.BAD_REQUEST, "Wrong JSON type in request body"),
    BAD_PARAMETER("bad-parameter", HttpStatus.BAD_REQUEST, "Invalid request parameter"),
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
    INVALID_CREDENTIALS("invalid-credentials", HttpStatus.UNAUTHORIZED, "Invalid email or password"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    /** The account holds as much of something as it may (taskstream.quotas): remove some before adding more. */
    QUOTA_EXCEEDED("quota-exceeded", HttpStatus.CONFLICT, "Quota exceeded"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

    /** Prefix of every problem type URI. */
    public static final String BASE = "https://taskstream.dev/problems/";

    private final URI uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The generic type for an HTTP status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
