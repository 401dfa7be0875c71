package io.taskstream.task;

import java.time.Instant;
import java.util.List;

/** The editable fields of a task, already validated and normalised. */
record TaskFields(String title, String description, Priority priority, List<String> tags, Instant dueAt,
        boolean allDay) {

    TaskFields {
        tags = List.copyOf(tags);
    }
}
