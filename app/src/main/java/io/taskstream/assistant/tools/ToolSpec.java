package io.taskstream.assistant.tools;

import tools.jackson.databind.node.ObjectNode;

/** What a door advertises about a tool: its name, what it does and the JSON Schema of its arguments. */
public record ToolSpec(String name, String description, ObjectNode inputSchema) {
}
