package io.taskstream.task;

/**
 * Through which door a change came in; kept in the change's event for the activity history and counted by door
 * ({@code taskstream.task.changes}). QUICK_ADD: created from one phrase in the web app's quick-add field.
 */
public enum Door {
    REST, CHAT, MCP, QUICK_ADD, SYSTEM
}
