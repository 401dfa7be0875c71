package io.taskstream.task;

/** Through which door a change came in; kept in the change's event for the activity history. */
public enum Door {
    REST, CHAT, MCP, SYSTEM
}
