package io.taskstream.assistant.tools;

import io.taskstream.account.UserId;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import tools.jackson.databind.JsonNode;

/** One task tool: what it advertises and what it does for an actor. */
interface TaskTool {

    ToolSpec spec();

    /** Runs the tool; throws {@link ToolArgumentException} or a client error for unusable input. */
    JsonNode call(ToolContext context, ToolArguments arguments);

    /** The actor and what every tool needs to know about them. */
    record ToolContext(ToolActor actor, ZoneId zone, ZonedDateTime now) {

        UserId user() {
            return actor.user();
        }
    }

    /** Schema shared by the tools that act on one existing task. */
    static Schema target(Schema schema) {
        return schema
                .optional("task_id", Schema.integer("The task's id, when known"))
                .optional("reference", Schema.string("Otherwise the task's title or a distinctive part of it, "
                        + "e.g. 'groceries' for 'Buy groceries'"));
    }
}
