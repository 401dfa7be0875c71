package io.taskstream.events;

/** The logical topics; their actual names come from configuration ({@code taskstream.events.topics.*}). */
public enum Topic {
    /** Every task lifecycle event. */
    TASK_EVENTS,
    /** What live clients need to refresh. */
    TASK_UPDATES,
    /** Reminder events (scheduled, due). */
    REMINDERS
}
