package io.taskstream.reminder;

import java.util.UUID;

import java.time.Clock;

/**
 * Reminders as Dapr jobs ({@code taskstream.reminders.scheduler=dapr}, ADR 023), scheduling side: runs in
 * the transaction of the task change and only writes requests to {@code reminder_dapr_job}; the
 * {@link DaprJobSender} of a reminders process sends them to the sidecar after commit. One job per
 * reminder and moment, named {@code reminder-<reminderId>-<epochSecond>}.
 */
class DaprJobReminders implements ReminderScheduler {

    private final DaprJobRepository jobs;
    private final Clock clock;

    DaprJobReminders(DaprJobRepository jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The deterministic job name: the same reminder and moment always make the same job. */
    static String jobName(ReminderJob job) {
        return "reminder-" + job.reminderId() + "-" + job.remindAt().getEpochSecond();
    }

    @Override
    public void schedule(ReminderJob job) {
        jobs.schedule(jobName(job), job, clock.instant());
    }

    /**
     * Cancels the task's jobs. A request the sidecar has not accepted yet is simply dropped; a job it has is
     * marked for deletion there. From now on their callbacks fire nothing, whether or not the deletion
     * reaches Dapr; scheduling the same job again (same name) revives it. The order matters: a request
     * being sent right now is locked by the sender, so the delete waits, sees it {@code scheduled} once the
     * sender commits, and the update (a new snapshot) marks it.
     */
    @Override
    public void cancel(long taskId, boolean snoozesToo) {
        jobs.cancel(taskId, snoozesToo, clock.instant());
    }

    /** Like {@link #cancel}, for every job whose data names the user (the account is being deleted). */
    @Override
    public void cancelAllOf(UUID user) {
        jobs.cancelAllOf(user, clock.instant());
    }
}
