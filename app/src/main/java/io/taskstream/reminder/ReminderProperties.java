package io.taskstream.reminder;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder settings ({@code taskstream.reminders.*}).
 *
 * @param allDayAt the local time of the due date that relative reminders of all-day tasks count from
 * @param lateAfter a firing this long or more after its planned moment is marked late (the scheduler was down)
 * @param fireBatchSize at most this many due reminders fire in one transaction (the executed one plus the
 *     due ones it claims); 1 fires each reminder in its own execution and transaction
 */
@ConfigurationProperties("taskstream.reminders")
public record ReminderProperties(
        @DefaultValue("09:00") LocalTime allDayAt,
        @DefaultValue("PT5S") Duration lateAfter,
        @DefaultValue("500") int fireBatchSize) {
}
