package io.taskstream.platform.web;

import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ObjectNode;

/** Explains why a JSON document could not be read, as the client error it is. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * Like {@link #clientError(JacksonException)}, but when {@code body} (the document that failed to bind to
     * {@code target}) has members of the wrong type or unknown ones, names every one of them, not only the
     * first Jackson met; a {@link SelfValidating} target also adds the invalid fields of its well-typed rest.
     * One kind of mistake keeps its own problem type; several kinds make a {@link ProblemType#VALIDATION}.
     */
    public static ClientErrorException clientError(JacksonException e, JsonNode body, Class<?> target, ObjectMapper json) {
        if (!(e instanceof MismatchedInputException)) {
            return clientError(e);
        }
        List<JsonTypeCheck.Violation> found = JsonTypeCheck.violations(body, target);
        if (found.isEmpty()) {
            return clientError(e);
        }
        List<FieldViolation> violations = new ArrayList<>(found.stream().map(JsonTypeCheck.Violation::field).toList());
        Set<ProblemType> kinds = found.stream().map(JsonTypeCheck.Violation::type).collect(Collectors.toSet());
        if (body.isObject() && SelfValidating.class.isAssignableFrom(target)) {
            violations.addAll(restViolations((ObjectNode) body, target, violations, json));
        }
        if (violations.size() == 1) {
            FieldViolation only = violations.getFirst();
            return kinds.contains(ProblemType.UNKNOWN_FIELD)
                    ? new ClientErrorException(ProblemType.UNKNOWN_FIELD, "Unknown field '" + only.field() + "'", violations)
                    : new ClientErrorException(ProblemType.WRONG_TYPE, wrongTypeDetail(only.field(), only.message()), violations);
        }
        ProblemType type = kinds.size() == 1 && violations.size() == found.size() ? kinds.iterator().next() : ProblemType.VALIDATION;
        return new ClientErrorException(type, violations.size() + " fields are invalid", violations);
    }

    /**
     * The other bad fields of a body some of whose fields are already reported (for text it cannot store): members of
     * the wrong type or unknown to {@code target}, and, for a {@link SelfValidating} target, the invalid fields of the
     * rest. So one problem still names every bad field.
     */
    static List<FieldViolation> otherViolations(JsonNode body, Class<?> target, List<FieldViolation> reported,
            ObjectMapper json) {
        if (target == null || !target.isRecord() || !body.isObject()) {
            return List.of();
        }
        ObjectNode rest = ((ObjectNode) body).deepCopy();
        reported.stream().map(v -> member(v.field())).forEach(rest::remove);
        rest.propertyNames().stream().filter(name -> JsonText.problem(name) != null).toList().forEach(rest::remove);
        List<FieldViolation> others = new ArrayList<>(
                JsonTypeCheck.violations(rest, target).stream().map(JsonTypeCheck.Violation::field).toList());
        if (SelfValidating.class.isAssignableFrom(target)) {
            List<FieldViolation> known = new ArrayList<>(reported);
            known.addAll(others);
            others.addAll(restViolations(rest, target, known, json));
        }
        return others;
    }

    /** The invalid fields of the body without its bad members, except those already reported. */
    private static List<FieldViolation> restViolations(ObjectNode body, Class<?> target, List<FieldViolation> reported,
            ObjectMapper json) {
        Set<String> bad = reported.stream().map(v -> member(v.field())).collect(Collectors.toSet());
        ObjectNode rest = body.deepCopy();
        bad.forEach(rest::remove);
        try {
            SelfValidating valid = (SelfValidating) json.treeToValue(rest, target);
            return valid.violations().stream().filter(v -> !bad.contains(member(v.field()))).toList();
        } catch (JacksonException stillUnreadable) {
            return List.of();
        }
    }

    /** The top-level member a field path starts with: {@code tags} for {@code tags[0]}. */
    private static String member(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '.' || field.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }

    private static String wrongTypeDetail(String field, String message) {
        return "body".equals(field) ? "The request body " + message : "Field '" + field + "' " + message;
    }

    public static ClientErrorException clientError(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new ClientErrorException(ProblemType.UNKNOWN_FIELD, "Unknown field '" + field + "'",
                    List.of(new FieldViolation(field, "unknown field; known fields: " + unknown.getKnownPropertyIds())));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "of another type" : JsonTypeCheck.describe(mismatch.getTargetType());
            return new ClientErrorException(ProblemType.WRONG_TYPE, wrongTypeDetail(field, "must be " + expected),
                    List.of(new FieldViolation(field, "must be " + expected)));
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
}
