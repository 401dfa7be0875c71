package io.taskstream.task;

import java.time.Instant;
import java.util.List;

/** The editable fields of a task, already validated and normalised; {@code recurrence} may be null. */
record TaskFields(String title, String description, Priority priority, List<String> tags, Instant dueAt,
        boolean allDay, Recurrence recurrence, List<Reminder> reminders) {

    TaskFields {
        tags = List.copyOf(tags);
        reminders = List.copyOf(reminders);
    }
}
