package io.taskstream.reminder;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders as db-scheduler executions on the application's PostgreSQL, written through the caller's
 * transaction. Execution ids are deterministic ({@code <task>-<index>}, {@code <task>-snooze-<key>}):
 * scheduling again replaces.
 */
class DbSchedulerReminders implements ReminderScheduler {

    private final SchedulerClient scheduler;
    private final JdbcClient jdbc;

    DbSchedulerReminders(SchedulerClient scheduler, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    @Override
    public void schedule(ReminderJob job) {
        scheduler.schedule(ReminderFiring.DESCRIPTOR.instance(job.reminderId()).data(job).scheduledTo(job.remindAt()),
                ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    /**
     * Removes the task's pending reminder executions (not one a scheduler is running right now: that one
     * notices at firing time that its task moved on). Direct SQL on db-scheduler's table, which our
     * migration owns: db-scheduler has no "cancel by prefix", and this stays in the change's transaction.
     */
    @Override
    public void cancel(long taskId, boolean snoozesToo) {
        jdbc.sql("delete from scheduled_tasks where task_name = :name and task_instance like :prefix and not picked"
                        + (snoozesToo ? "" : " and task_instance not like :snoozes"))
                .param("name", ReminderScheduling.TASK_NAME)
                .param("prefix", taskId + "-%")
                .param("snoozes", taskId + "-snooze-%")
                .update();
    }
}
