package io.taskstream.assistant.tools;

import io.taskstream.task.TaskSnapshot;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON results of the tools, in the snake_case shapes MCP clients and models are given
 * ({@code {"task_id", "status", "title"}}).
 */
final class ToolResults {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ToolResults() {
    }

    static ObjectNode changed(String status, TaskSnapshot task, ZoneId zone) {
        ObjectNode result = NODES.objectNode()
                .put("task_id", task.id().value())
                .put("status", status)
                .put("title", task.title());
        if (task.dueAt() != null) {
            result.put("due_at", due(task, zone));
        }
        if (task.recurrence() != null) {
            // the calendar's words for the rule, as the task dialog shows them
            result.put("repeats", task.recurrence().description());
        }
        return result;
    }

    static ObjectNode listed(TaskSnapshot task, ZoneId zone) {
        ObjectNode item = NODES.objectNode()
                .put("id", task.id().value())
                .put("title", task.title())
                .put("completed", task.completed())
                .put("priority", task.priority().json());
        ArrayNode tags = item.putArray("tags");
        task.tags().forEach(tags::add);
        item.put("due_at", task.dueAt() == null ? null : due(task, zone));
        item.put("all_day", task.allDay());
        return item;
    }

    static ObjectNode ambiguous(String reference, List<TaskSnapshot> candidates, ZoneId zone) {
        ObjectNode result = NODES.objectNode()
                .put("status", "ambiguous")
                .put("reference", reference)
                .put("message", candidates.size() + " tasks match '" + reference
                        + "'; ask which one is meant, then call again with its task_id");
        ArrayNode list = result.putArray("candidates");
        for (TaskSnapshot task : candidates) {
            ObjectNode candidate = list.addObject()
                    .put("task_id", task.id().value())
                    .put("title", task.title())
                    .put("completed", task.completed());
            if (task.dueAt() != null) {
                candidate.put("due_at", due(task, zone));
            }
        }
        return result;
    }

    static ObjectNode notFound(String reference) {
        return NODES.objectNode()
                .put("status", "not_found")
                .put("reference", reference)
                .put("message", "No task matches '" + reference + "'");
    }

    static ObjectNode error(String message, List<String> details) {
        ObjectNode result = NODES.objectNode().put("status", "error").put("error", message);
        if (!details.isEmpty()) {
            ArrayNode list = result.putArray("details");
            details.forEach(list::add);
        }
        return result;
    }

    /** An all-day due as its date, a timed one as an RFC 3339 date-time in the user's zone. */
    static String due(TaskSnapshot task, ZoneId zone) {
        return task.allDay()
                ? task.dueAt().atZone(zone).toLocalDate().toString()
                : OffsetDateTime.ofInstant(task.dueAt(), zone).toString();
    }
}
