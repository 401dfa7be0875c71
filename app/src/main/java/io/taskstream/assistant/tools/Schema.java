package io.taskstream.assistant.tools;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A small builder for the JSON Schemas (draft 2020-12 subset) of the tools' arguments. */
final class Schema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root = NODES.objectNode().put("type", "object");
    private final ObjectNode properties = root.putObject("properties");
    private final ArrayNode required = NODES.arrayNode();

    static Schema object() {
        return new Schema();
    }

    Schema required(String name, ObjectNode property) {
        properties.set(name, property);
        required.add(name);
        return this;
    }

    Schema optional(String name, ObjectNode property) {
        properties.set(name, property);
        return this;
    }

    ObjectNode build() {
        ObjectNode schema = root.deepCopy();
        if (!required.isEmpty()) {
            schema.set("required", required.deepCopy());
        }
        return schema;
    }

    static ObjectNode string(String description) {
        return NODES.objectNode().put("type", "string").put("description", description);
    }

    static ObjectNode oneOf(String description, List<String> values) {
        ObjectNode node = string(description);
        ArrayNode values1 = node.putArray("enum");
        values.forEach(values1::add);
        return node;
    }

    static ObjectNode integer(String description) {
        return NODES.objectNode().put("type", "integer").put("description", description).put("minimum", 1);
    }

    static ObjectNode bool(String description) {
        return NODES.objectNode().put("type", "boolean").put("description", description);
    }

    static ObjectNode strings(String description) {
        ObjectNode node = NODES.objectNode().put("type", "array").put("description", description);
        node.putObject("items").put("type", "string");
        return node;
    }

    /** {@code {"rule": RRULE, "from": "due"|"completion"}}, or null to clear. */
    static ObjectNode recurrence() {
        ObjectNode node = NODES.objectNode().put("description",
                "Repetition: an RFC 5545 RRULE without the 'RRULE:' prefix (the due date is the first occurrence) "
                        + "and whether the next due counts from the due date or from completion; null removes it");
        node.putArray("type").add("object").add("null");
        ObjectNode props = node.putObject("properties");
        props.set("rule", string("e.g. FREQ=WEEKLY;BYDAY=MO,WE"));
        props.set("from", oneOf("default: due", List.of("due", "completion")));
        node.putArray("required").add("rule");
        return node;
    }

    /** {@code [{"before": "PT15M"} | {"at": RFC 3339}]}. */
    static ObjectNode reminders() {
        ObjectNode node = NODES.objectNode().put("type", "array").put("description",
                "Reminders: each either {\"before\": ISO-8601 duration before the due, e.g. PT15M or P1D} "
                        + "or {\"at\": RFC 3339 date-time}");
        ObjectNode item = node.putObject("items").put("type", "object");
        ObjectNode props = item.putObject("properties");
        props.set("before", string("ISO-8601 duration before the due moment"));
        props.set("at", string("RFC 3339 date-time"));
        return node;
    }
}
