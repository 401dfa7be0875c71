package io.taskstream.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminder executions in db-scheduler's own table, {@code scheduled_tasks}, where db-scheduler's
 * {@code SchedulerClient} cannot do what is needed: remove executions in the transaction of the task change,
 * by id prefix or by the user inside their data, and claim a batch of due ones in the firing's transaction.
 * Why this SQL and not the client: ADR 038. Only the reminder task's executions are touched.
 */
@Repository
class ScheduledExecutionRepository {

    private final JdbcClient jdbc;

    ScheduledExecutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Removes up to {@code limit} due executions no scheduler has picked, skipping the ones another transaction
     * holds, and returns their data (serialized {@link ReminderJob}s).
     */
    List<byte[]> claimDue(Instant now, int limit) {
        return jdbc.sql("delete from scheduled_tasks s using (select task_instance from scheduled_tasks "
                        + "where task_name = :name and not picked and execution_time <= :now "
                        + "order by execution_time limit :limit for update skip locked) d "
                        + "where s.task_name = :name and s.task_instance = d.task_instance returning s.task_data")
                .param("name", ReminderScheduling.TASK_NAME)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> rs.getBytes(1))
                .list();
    }

    /**
     * Removes the task's pending executions (ids {@code <task>-…}), its snoozes ({@code <task>-snooze-…}) only
     * when asked; never one a scheduler has picked.
     */
    void cancel(long taskId, boolean snoozesToo) {
        jdbc.sql("delete from scheduled_tasks where task_name = :name and task_instance like :prefix and not picked"
                        + (snoozesToo ? "" : " and task_instance not like :snoozes"))
                .param("name", ReminderScheduling.TASK_NAME)
                .param("prefix", taskId + "-%")
                .param("snoozes", taskId + "-snooze-%")
                .update();
    }

    /** Removes the pending executions whose data names the user. */
    void cancelAllOf(UUID user) {
        jdbc.sql("delete from scheduled_tasks where task_name = :name and not picked "
                        + "and convert_from(task_data, 'UTF8')::jsonb ->> 'userId' = :user")
                .param("name", ReminderScheduling.TASK_NAME)
                .param("user", user.toString())
                .update();
    }
}
