package io.taskstream.platform.roles;

import java.util.Locale;

/** What a Taskstream process may do; chosen with {@code TASKSTREAM_ROLES} (default: all of them). */
public enum Role {
    /** REST API, auth, chat, MCP, the web app and the live stream. */
    API,
    /** Creates the next occurrence of completed recurring tasks. */
    RECURRENCE,
    /** Schedules reminders and fires them at their minute. */
    REMINDERS,
    /** Delivers fired reminders: in-app, email, webhook. */
    NOTIFIER,
    /** Writes the activity history. */
    AUDIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
