package io.taskstream.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Dapr job requests ({@code reminder_dapr_job}, ADR 023): written in the task change's transaction, sent to
 * the sidecar by {@link DaprJobSender}, read back when the sidecar calls {@link DaprJobCallback}.
 */
@Repository
class DaprJobRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DaprJobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A job the sender may work on: its request, when it is due, its state and how often sending it failed. */
    record Row(String name, ReminderJob job, Instant dueAt, String state, int attempts) {
    }

    /** Writes the request to schedule the job, or revives it (same name) with a clean slate. */
    void schedule(String name, ReminderJob job, Instant now) {
        jdbc.sql("insert into reminder_dapr_job (name, task_id, reminder_id, job, due_at, state, next_attempt_at) "
                        + "values (:name, :task, :reminder, :job::jsonb, :due, 'pending', :now) "
                        + "on conflict (name) do update set job = excluded.job, state = 'pending', attempts = 0, "
                        + "next_attempt_at = excluded.next_attempt_at, last_error = null")
                .param("name", name)
                .param("task", job.taskId())
                .param("reminder", job.reminderId())
                .param("job", json.writeValueAsString(job))
                .param("due", Timestamp.from(job.remindAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Drops the task's requests the sidecar has not accepted yet, then marks the accepted ones for deletion there.
     * The order matters (see {@link DaprJobReminders#cancel}).
     */
    void cancel(long taskId, boolean snoozesToo, Instant now) {
        String snoozes = snoozesToo ? "" : " and reminder_id not like :snoozes";
        jdbc.sql("delete from reminder_dapr_job where task_id = :task and state = 'pending'" + snoozes)
                .param("task", taskId)
                .param("snoozes", taskId + "-snooze-%")
                .update();
        jdbc.sql("update reminder_dapr_job set state = 'cancelling', attempts = 0, next_attempt_at = :now, "
                        + "last_error = null where task_id = :task and state = 'scheduled'" + snoozes)
                .param("task", taskId)
                .param("snoozes", taskId + "-snooze-%")
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Like {@link #cancel}, for every job whose data names the user. */
    void cancelAllOf(UUID user, Instant now) {
        jdbc.sql("delete from reminder_dapr_job where state = 'pending' and job ->> 'userId' = :user")
                .param("user", user.toString())
                .update();
        jdbc.sql("update reminder_dapr_job set state = 'cancelling', attempts = 0, next_attempt_at = :now, "
                        + "last_error = null where state = 'scheduled' and job ->> 'userId' = :user")
                .param("user", user.toString())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The job named, locked for this transaction, unless it is being cancelled or is gone. */
    Optional<ReminderJob> lockToFire(String name) {
        return jdbc.sql("select job::text from reminder_dapr_job where name = :name "
                        + "and state <> 'cancelling' for update")
                .param("name", name)
                .query((rs, n) -> json.readValue(rs.getString(1), ReminderJob.class))
                .optional();
    }

    /**
     * Up to {@code limit} requests to work on, locked and skipping those another replica holds: the ones whose
     * next attempt is due, and the scheduled ones Dapr has not called back for by {@code lost}.
     */
    List<Row> claimDue(Instant now, Instant lost, int limit) {
        return jdbc.sql("select name, job::text, due_at, state, attempts from reminder_dapr_job "
                        + "where (state <> 'scheduled' and next_attempt_at <= :now) or (state = 'scheduled' and due_at <= :lost) "
                        + "order by next_attempt_at limit :limit for update skip locked")
                .param("now", Timestamp.from(now))
                .param("lost", Timestamp.from(lost))
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getString(1), json.readValue(rs.getString(2), ReminderJob.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getInt(5)))
                .list();
    }

    void markScheduled(String name) {
        jdbc.sql("update reminder_dapr_job set state = 'scheduled', attempts = 0, last_error = null where name = :name")
                .param("name", name)
                .update();
    }

    void retryAt(String name, Instant next, String error) {
        jdbc.sql("update reminder_dapr_job set attempts = attempts + 1, next_attempt_at = :next, last_error = :error "
                        + "where name = :name")
                .param("next", Timestamp.from(next))
                .param("error", error)
                .param("name", name)
                .update();
    }

    void delete(String name) {
        jdbc.sql("delete from reminder_dapr_job where name = :name").param("name", name).update();
    }
}
