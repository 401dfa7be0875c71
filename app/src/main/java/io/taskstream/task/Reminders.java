package io.taskstream.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The stored (jsonb) and event form of a task's reminders: {@code [{"before":"PT15M"},{"at":"...Z"}]}. */
final class Reminders {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** No reminders, as stored: most tasks have none, so neither writing nor reading it builds a tree. */
    private static final String EMPTY = "[]";

    private Reminders() {
    }

    static ArrayNode toNode(List<Reminder> reminders) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Reminder r : reminders) {
            if (r.relative()) {
                array.addObject().put("before", r.before().toString());
            } else {
                array.addObject().put("at", r.at().toString());
            }
        }
        return array;
    }

    static String toJson(List<Reminder> reminders) {
        return reminders.isEmpty() ? EMPTY : toNode(reminders).toString();
    }

    static List<Reminder> fromJson(String json) {
        if (json == null || json.isBlank() || EMPTY.equals(json)) {
            return List.of();
        }
        List<Reminder> reminders = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            reminders.add(node.hasNonNull("before")
                    ? Reminder.before(Duration.parse(node.get("before").asString()))
                    : Reminder.at(Instant.parse(node.get("at").asString())));
        }
        return reminders;
    }
}
