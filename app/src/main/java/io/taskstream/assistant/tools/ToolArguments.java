package io.taskstream.assistant.tools;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Typed, lenient reading of a tool's JSON arguments. Models often send numbers as strings and a
 * single string where a list is expected, so those are accepted; everything else that does not fit
 * is collected and reported at once by {@link #check()}. Unknown arguments (such as a {@code user_id}
 * a client might send) are ignored: the actor comes from authentication.
 */
final class ToolArguments {

    private final JsonNode node;
    private final List<String> problems = new ArrayList<>();

    private ToolArguments(JsonNode node) {
        this.node = node;
    }

    static ToolArguments of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new ToolArguments(JsonNodeFactory.instance.objectNode());
        }
        ToolArguments arguments = new ToolArguments(node.isObject() ? node : JsonNodeFactory.instance.objectNode());
        if (!node.isObject()) {
            arguments.problems.add("the arguments must be a JSON object");
        }
        return arguments;
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** Present and not null. */
    boolean given(String name) {
        return node.hasNonNull(name);
    }

    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(name + " must be a string");
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    String requiredText(String name) {
        String text = text(name);
        if (text == null && !problems.contains(name + " must be a string")) {
            problems.add(name + " is required");
        }
        return text;
    }

    Long id(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) {
            return value.asLong();
        }
        if (value.isString() && value.asString().strip().matches("#?\\d{1,18}")) {
            return Long.parseLong(value.asString().strip().replace("#", ""));
        }
        problems.add(name + " must be a positive integer");
        return null;
    }

    Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString() && value.asString().matches("(?i)true|false")) {
            return Boolean.parseBoolean(value.asString());
        }
        problems.add(name + " must be true or false");
        return null;
    }

    int integer(String name, int fallback, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= min && value.asInt() <= max) {
            return value.asInt();
        }
        problems.add(name + " must be an integer from " + min + " to " + max);
        return fallback;
    }

    /** A list of strings; a single string counts as a list of one. Null when absent. */
    List<String> strings(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (value.isString()) {
            out.add(value.asString().strip().replaceFirst("^[#@]", ""));
            return out;
        }
        if (!value.isArray()) {
            problems.add(name + " must be a list of strings");
            return null;
        }
        for (JsonNode item : value) {
            if (!item.isString()) {
                problems.add(name + " must be a list of strings");
                return null;
            }
            out.add(item.asString().strip().replaceFirst("^[#@]", ""));
        }
        return out;
    }

    /** The value as sent (for structures a tool reads itself, such as a recurrence); null when absent or null. */
    JsonNode json(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    void problem(String problem) {
        problems.add(problem);
    }

    void check() {
        if (!problems.isEmpty()) {
            throw new ToolArgumentException(problems);
        }
    }
}
