package io.taskstream.assistant.tools;

import tools.jackson.databind.JsonNode;

/**
 * One executed tool call: its name, the arguments it was given and the JSON result it returned. The
 * result's {@code status} tells what happened: created, completed, deleted, updated, listed,
 * ambiguous, not_found or error.
 */
public record ToolCall(String name, JsonNode arguments, JsonNode result) {

    public String status() {
        JsonNode status = result.get("status");
        return status == null ? "listed" : status.asString();
    }

    /** True when the tool did not do what was asked (bad arguments, no such task, ambiguous reference). */
    public boolean failed() {
        return switch (status()) {
            case "error", "not_found", "ambiguous" -> true;
            default -> false;
        };
    }
}
