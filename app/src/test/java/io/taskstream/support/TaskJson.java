package io.taskstream.support;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Test data builder for task request bodies: only what a test sets is sent. */
public final class TaskJson {

    private final ObjectNode node = HttpApi.JSON.createObjectNode();

    private TaskJson(String title) {
        node.put("title", title);
    }

    public static TaskJson task(String title) {
        return new TaskJson(title);
    }

    public TaskJson description(String description) {
        node.put("description", description);
        return this;
    }

    public TaskJson priority(String priority) {
        node.put("priority", priority);
        return this;
    }

    public TaskJson tags(String... tags) {
        ArrayNode array = node.putArray("tags");
        List.of(tags).forEach(array::add);
        return this;
    }

    public TaskJson due(String dueAt) {
        node.put("dueAt", dueAt);
        return this;
    }

    public TaskJson allDay(boolean allDay) {
        node.put("allDay", allDay);
        return this;
    }

    public String json() {
        return node.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
