package io.taskstream.reminder;

import io.taskstream.task.Reminder;
import io.taskstream.task.TaskSnapshot;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** When a task's reminder fires: before the due (for all-day tasks, before a local time of the due date), or at its moment. */
final class ReminderTimes {

    private ReminderTimes() {
    }

    static Optional<Instant> fireAt(Reminder reminder, TaskSnapshot task, ZoneId zone, LocalTime allDayAt) {
        if (!reminder.relative()) {
            return Optional.of(reminder.at());
        }
        if (task.dueAt() == null) {
            return Optional.empty();
        }
        Instant base = task.allDay()
                ? task.dueAt().atZone(zone).toLocalDate().atTime(allDayAt).atZone(zone).toInstant()
                : task.dueAt();
        return Optional.of(base.minus(reminder.before()));
    }
}
