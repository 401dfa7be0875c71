package io.taskstream.reminder;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;

/**
 * Reminders as db-scheduler executions on the application's PostgreSQL, written through the caller's
 * transaction. Execution ids are deterministic ({@code <task>-<index>}, {@code <task>-snooze-<key>}):
 * scheduling again replaces.
 */
class DbSchedulerReminders implements ReminderScheduler {

    private final SchedulerClient scheduler;
    private final ScheduledExecutionRepository executions;

    DbSchedulerReminders(SchedulerClient scheduler, ScheduledExecutionRepository executions) {
        this.scheduler = scheduler;
        this.executions = executions;
    }

    @Override
    public void schedule(ReminderJob job) {
        scheduler.schedule(ReminderFiring.DESCRIPTOR.instance(job.reminderId()).data(job).scheduledTo(job.remindAt()),
                ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    /**
     * Removes the task's pending reminder executions (not one a scheduler is running right now: that one
     * notices at firing time that its task moved on). Direct SQL on db-scheduler's table ({@link ScheduledExecutionRepository}, ADR 038), which our
     * migration owns: db-scheduler has no "cancel by prefix", and this stays in the change's transaction.
     */
    @Override
    public void cancel(long taskId, boolean snoozesToo) {
        executions.cancel(taskId, snoozesToo);
    }

    /**
     * Direct SQL too: the user is inside each execution's data (JSON, {@link SchedulerConfiguration}'s serializer),
     * which db-scheduler cannot filter on; its API would read and deserialize every user's executions. A scan of
     * the schedule, for the rare deletion of an account. An execution being fired right now fires nothing: its task
     * is gone with the account.
     */
    @Override
    public void cancelAllOf(UUID user) {
        executions.cancelAllOf(user);
    }
}
