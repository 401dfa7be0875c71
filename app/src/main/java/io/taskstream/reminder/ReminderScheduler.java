package io.taskstream.reminder;

import java.util.UUID;

/**
 * Where pending reminders are kept until their moment: db-scheduler executions (the default) or Dapr
 * jobs ({@code taskstream.reminders.scheduler=dapr}). Both calls run in the caller's transaction, so a
 * rolled-back task change schedules and cancels nothing; both end in {@link ReminderFiring}, which fires
 * each (reminder, moment) once whatever the scheduler delivers.
 */
interface ReminderScheduler {

    /** Schedules the job at its {@code remindAt}, replacing a pending one of the same reminder and moment. */
    void schedule(ReminderJob job);

    /** Cancels the task's pending reminders; its snoozes too when {@code snoozesToo}. */
    void cancel(long taskId, boolean snoozesToo);

    /** Cancels every pending reminder of the user's tasks, snoozes included (the account is being deleted). */
    void cancelAllOf(UUID user);
}
