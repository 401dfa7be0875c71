package io.taskstream.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.ProblemType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks every member of a JSON document against the record it should bind to, where Jackson stops at the
 * first mismatch: a member of the wrong JSON type or unknown to the record each become one violation.
 * Only types whose JSON form is certain are checked (strings, enums, booleans, numbers, lists, maps,
 * nested records); anything else is left for Jackson to judge.
 */
public final class JsonTypeCheck {

    /** One bad member: {@link ProblemType#WRONG_TYPE} or {@link ProblemType#UNKNOWN_FIELD}. */
    public record Violation(ProblemType type, FieldViolation field) {
    }

    private JsonTypeCheck() {
    }

    /** The members of {@code body} that cannot bind to {@code type}, in document order. */
    public static List<Violation> violations(JsonNode body, Class<?> type) {
        List<Violation> violations = new ArrayList<>();
        check(body, type, "body", violations);
        return violations;
    }

    /** How a type is written in JSON, as a violation's message says it ("a string", "an array"...). */
    static String describe(Class<?> type) {
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

    private static void check(JsonNode node, Type type, String field, List<Violation> violations) {
        Class<?> raw = raw(type);
        if (node == null || node.isMissingNode() || raw == null || JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
            return;
        }
        if (node.isNull()) {
            if (raw.isPrimitive()) {
                wrongType(raw, field, violations);
            }
            return;
        }
        if (raw.isRecord()) {
            if (!node.isObject()) {
                wrongType(raw, field, violations);
                return;
            }
            Map<String, Type> members = members(raw);
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String name = member.getKey();
                String path = "body".equals(field) ? name : field + "." + name;
                Type memberType = members.get(name);
                if (memberType == null) {
                    violations.add(new Violation(ProblemType.UNKNOWN_FIELD,
                            new FieldViolation(path, "unknown field; known fields: " + members.keySet())));
                } else {
                    check(member.getValue(), memberType, path, violations);
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!node.isArray()) {
                wrongType(raw, field, violations);
                return;
            }
            Type element = element(type, raw);
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), element, field + "[" + i + "]", violations);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                wrongType(raw, field, violations);
                return;
            }
            Type value = type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            node.properties().forEach(member -> check(member.getValue(), value, field + "." + member.getKey(), violations));
        } else if (!matches(node, raw)) {
            wrongType(raw, field, violations);
        }
    }

    private static boolean matches(JsonNode node, Class<?> raw) {
        if (raw == String.class || raw.isEnum()) {
            return node.isString();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return node.isBoolean();
        }
        if (raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class
                || raw == int.class || raw == long.class || raw == short.class || raw == byte.class) {
            return node.isIntegralNumber();
        }
        if (raw == Double.class || raw == Float.class || raw == BigDecimal.class || raw == double.class || raw == float.class) {
            return node.isNumber();
        }
        return true;
    }

    private static void wrongType(Class<?> raw, String field, List<Violation> violations) {
        violations.add(new Violation(ProblemType.WRONG_TYPE, new FieldViolation(field, "must be " + describe(raw))));
    }

    /** The record's JSON members (component names, or their {@link JsonProperty} names) and their types. */
    private static Map<String, Type> members(Class<?> record) {
        Map<String, Type> members = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            members.put(name, component.getGenericType());
        }
        return members;
    }

    private static Type element(Type type, Class<?> raw) {
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        if (type instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
