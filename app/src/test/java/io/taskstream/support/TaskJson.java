package io.taskstream.support;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data builder for task request bodies (create, replace) and merge patches: only what a test sets
 * is sent, and a {@code null} argument sends an explicit JSON {@code null}.
 */
public final class TaskJson {

    private final ObjectNode node = HttpApi.JSON.createObjectNode();

    private TaskJson() {
    }

    public static TaskJson task(String title) {
        return new TaskJson().title(title);
    }

    /** An empty document, the start of a merge patch. */
    public static TaskJson patch() {
        return new TaskJson();
    }

    public TaskJson title(String title) {
        node.put("title", title);
        return this;
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

    /** Sets a member to raw JSON, for values of a type the API does not expect. */
    public TaskJson raw(String field, String json) {
        node.set(field, HttpApi.JSON.readTree(json));
        return this;
    }

    /** Sets a member to JSON {@code null}. */
    public TaskJson nullValue(String field) {
        node.putNull(field);
        return this;
    }

    public JsonNode node() {
        return node.deepCopy();
    }

    public String json() {
        return node.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
