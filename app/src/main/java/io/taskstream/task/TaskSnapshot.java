package io.taskstream.task;

import io.taskstream.account.UserId;
import java.time.Instant;
import java.util.List;

/** The full state of a task at one moment: what events carry and what queries return. */
public record TaskSnapshot(
        TaskId id,
        UserId userId,
        String title,
        String description,
        boolean completed,
        Priority priority,
        List<String> tags,
        Instant dueAt,
        boolean allDay,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    public TaskSnapshot {
        tags = List.copyOf(tags);
    }
}
