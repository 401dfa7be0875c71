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
 * @param scheduler what keeps pending reminders ({@code TASKSTREAM_REMINDERS_SCHEDULER}): {@code db-scheduler}
 *     (default: PostgreSQL, cluster-safe) or {@code dapr} (Dapr Jobs API through the sidecar)
 * @param dapr settings of the Dapr Jobs scheduler (the sidecar itself: {@code taskstream.dapr.*})
 * @param overdue settings of the missed-reminders gauge {@code taskstream_reminders_overdue}
 */
@ConfigurationProperties("taskstream.reminders")
public record ReminderProperties(
        @DefaultValue("09:00") LocalTime allDayAt,
        @DefaultValue("PT5S") Duration lateAfter,
        @DefaultValue("500") int fireBatchSize,
        @DefaultValue("db-scheduler") Scheduler scheduler,
        @DefaultValue Dapr dapr,
        @DefaultValue Overdue overdue) {

    /** The bean of these settings, for expressions such as a {@code @Scheduled} interval. */
    public static final String BEAN = "taskstream.reminders-io.taskstream.reminder.ReminderProperties";

    /** The implementations of {@link ReminderScheduler}. */
    public enum Scheduler { DB_SCHEDULER, DAPR }

    /**
     * @param pollInterval how often pending schedule and cancel requests are sent to the sidecar
     * @param batchSize how many requests one poll sends
     * @param maxBackoff the longest wait between attempts while the sidecar does not answer
     * @param lostAfter a job Dapr has not called back this long after its due moment is fired by the app itself
     */
    public record Dapr(
            @DefaultValue("PT0.5S") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("PT1M") Duration maxBackoff,
            @DefaultValue("PT1M") Duration lostAfter) {
    }

    /**
     * @param after a reminder not fired this long past its moment counts as missed in the gauge
     * @param refresh how often the reminders process counts missed reminders (a query, kept off the scrape)
     */
    public record Overdue(
            @DefaultValue("PT1M") Duration after,
            @DefaultValue("PT15S") Duration refresh) {
    }
}
