package io.taskstream.platform.problem;

/** One invalid field of a request, as listed in a validation problem's {@code errors} member. */
public record FieldViolation(String field, String message) {
}
