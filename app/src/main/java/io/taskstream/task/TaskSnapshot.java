package io.taskstream.task;

import io.taskstream.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a task at one moment: what events carry and what queries return.
 *
 * @param recurrence how the task recurs, or null
 * @param seriesId the series every occurrence of a recurring task shares (kept when the recurrence is
 *     removed, so the history stays linked); null for a task that never recurred
 * @param occurrence the task's 1-based position among its rule's instances (what COUNT counts)
 * @param reminders when to remind the user of the task
 */
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
        Recurrence recurrence,
        UUID seriesId,
        int occurrence,
        List<Reminder> reminders,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    public TaskSnapshot {
        tags = List.copyOf(tags);
        reminders = List.copyOf(reminders);
    }
}
