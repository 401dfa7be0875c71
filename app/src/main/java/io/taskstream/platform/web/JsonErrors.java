package io.taskstream.platform.web;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Explains why a JSON document could not be read, as the client error it is. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static ClientErrorException clientError(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new ClientErrorException(ProblemType.UNKNOWN_FIELD, "Unknown field '" + field + "'",
                    List.of(new FieldViolation(field, "unknown field; known fields: " + unknown.getKnownPropertyIds())));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "of another type" : describe(mismatch.getTargetType());
            String detail = "body".equals(field) ? "The request body must be " + expected : "Field '" + field + "' must be " + expected;
            return new ClientErrorException(ProblemType.WRONG_TYPE, detail, List.of(new FieldViolation(field, "must be " + expected)));
        }
        return new ClientErrorException(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
