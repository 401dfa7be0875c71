package io.taskstream.assistant.tools;

import io.taskstream.account.UserId;
import io.taskstream.task.Door;
import java.util.Objects;

/**
 * Who a tool acts for and through which door. Built by the door from the authenticated user, never
 * from a tool argument.
 */
public record ToolActor(UserId user, Door door) {

    public ToolActor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(door, "door");
    }
}
