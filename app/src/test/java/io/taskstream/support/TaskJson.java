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

    /** Recurs by the RFC 5545 rule, counting from the due date. */
    public TaskJson recurrence(String rule) {
        return recurrence(rule, "due");
    }

    /** Recurs by the RFC 5545 rule, counting from {@code from} ("due" or "completion"). */
    public TaskJson recurrence(String rule, String from) {
        node.putObject("recurrence").put("rule", rule).put("from", from);
        return this;
    }

    /** Adds a reminder relative to the due, e.g. "PT15M" (PT0S: at the due). */
    public TaskJson remindBefore(String duration) {
        reminders().addObject().put("before", duration);
        return this;
    }

    /** Adds a reminder at a moment (RFC 3339). */
    public TaskJson remindAt(String dateTime) {
        reminders().addObject().put("at", dateTime);
        return this;
    }

    private ArrayNode reminders() {
        return node.has("reminders") ? (ArrayNode) node.get("reminders") : node.putArray("reminders");
    }

    /** Sets a raw JSON member, for sending what the builder's typed methods would not. */
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
