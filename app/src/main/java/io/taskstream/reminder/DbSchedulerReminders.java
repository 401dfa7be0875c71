package io.taskstream.reminder;

import java.util.UUID;

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

    /**
     * Direct SQL too: the user is inside each execution's data (JSON, {@link SchedulerConfiguration}'s serializer),
     * which db-scheduler cannot filter on; its API would read and deserialize every user's executions. A scan of
     * the schedule, for the rare deletion of an account. An execution being fired right now fires nothing: its task
     * is gone with the account.
     */
    @Override
    public void cancelAllOf(UUID user) {
        jdbc.sql("delete from scheduled_tasks where task_name = :name and not picked "
                        + "and convert_from(task_data, 'UTF8')::jsonb ->> 'userId' = :user")
                .param("name", ReminderScheduling.TASK_NAME)
                .param("user", user.toString())
                .update();
    }
}
