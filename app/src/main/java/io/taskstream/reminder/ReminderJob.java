package io.taskstream.reminder;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of one scheduled reminder execution.
 *
 * @param reminderId {@code <task>-<index>} for the task's n-th reminder, {@code <task>-snooze-<n>} for a snooze
 * @param remindAt the planned moment; a firing is identified by (reminderId, remindAt)
 * @param index the reminder's position on the task, or -1 for a snooze (which no task change reschedules)
 */
record ReminderJob(long taskId, UUID userId, String reminderId, Instant remindAt, int index) {
}
