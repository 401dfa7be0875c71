package io.taskstream.reminder;

import java.util.UUID;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders as Dapr jobs ({@code taskstream.reminders.scheduler=dapr}, ADR 023), scheduling side: runs in
 * the transaction of the task change and only writes requests to {@code reminder_dapr_job}; the
 * {@link DaprJobSender} of a reminders process sends them to the sidecar after commit. One job per
 * reminder and moment, named {@code reminder-<reminderId>-<epochSecond>}.
 */
class DaprJobReminders implements ReminderScheduler {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DaprJobReminders(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The deterministic job name: the same reminder and moment always make the same job. */
    static String jobName(ReminderJob job) {
        return "reminder-" + job.reminderId() + "-" + job.remindAt().getEpochSecond();
    }

    @Override
    public void schedule(ReminderJob job) {
        jdbc.sql("insert into reminder_dapr_job (name, task_id, reminder_id, job, due_at, state, next_attempt_at) "
                        + "values (:name, :task, :reminder, :job::jsonb, :due, 'pending', :now) "
                        + "on conflict (name) do update set job = excluded.job, state = 'pending', attempts = 0, "
                        + "next_attempt_at = excluded.next_attempt_at, last_error = null")
                .param("name", jobName(job))
                .param("task", job.taskId())
                .param("reminder", job.reminderId())
                .param("job", json.writeValueAsString(job))
                .param("due", Timestamp.from(job.remindAt()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
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
        String snoozes = snoozesToo ? "" : " and reminder_id not like :snoozes";
        jdbc.sql("delete from reminder_dapr_job where task_id = :task and state = 'pending'" + snoozes)
                .param("task", taskId)
                .param("snoozes", taskId + "-snooze-%")
                .update();
        jdbc.sql("update reminder_dapr_job set state = 'cancelling', attempts = 0, next_attempt_at = :now, "
                        + "last_error = null where task_id = :task and state = 'scheduled'" + snoozes)
                .param("task", taskId)
                .param("snoozes", taskId + "-snooze-%")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Like {@link #cancel}, for every job whose data names the user (the account is being deleted). */
    @Override
    public void cancelAllOf(UUID user) {
        jdbc.sql("delete from reminder_dapr_job where state = 'pending' and job ->> 'userId' = :user")
                .param("user", user.toString())
                .update();
        jdbc.sql("update reminder_dapr_job set state = 'cancelling', attempts = 0, next_attempt_at = :now, "
                        + "last_error = null where state = 'scheduled' and job ->> 'userId' = :user")
                .param("user", user.toString())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
