package io.taskstream.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of fired reminders ({@code reminder_firing}): each reminder and moment fires once; and the count of
 * pending reminders past their moment, across the tables of both schedulers.
 */
@Repository
class ReminderRepository {

    private final JdbcClient jdbc;

    ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the firings in one statement; the ones recorded already (fired before) are left alone. The
     * arguments are SQL array literals, one element per firing, in the same order. Returns the ids recorded now.
     */
    List<UUID> recordFirings(String ids, String users, String tasks, String reminders, String remindAts, String lates,
            Instant firedAt) {
        return jdbc.sql("insert into reminder_firing "
                        + "(id, user_id, task_id, reminder_id, remind_at, fired_at, late) "
                        + "select f.id, f.user_id, f.task_id, f.reminder_id, f.remind_at, :firedAt, f.late "
                        + "from unnest(:ids::uuid[], :users::uuid[], :tasks::bigint[], :reminders::text[], "
                        + ":remindAts::timestamptz[], :lates::boolean[]) as f(id, user_id, task_id, reminder_id, remind_at, late) "
                        + "on conflict do nothing returning id")
                .param("ids", ids)
                .param("users", users)
                .param("tasks", tasks)
                .param("reminders", reminders)
                .param("remindAts", remindAts)
                .param("lates", lates)
                .param("firedAt", Timestamp.from(firedAt))
                .query(UUID.class)
                .list();
    }

    /** The user's rows for the data export, as one JSON document. */
    String export(UUID user) {
        return jdbc.sql("""
                select coalesce(json_agg(f order by f."firedAt", f."reminderId"), '[]'::json)::text from (
                    select task_id as "taskId", reminder_id as "reminderId", remind_at as "remindAt",
                           fired_at as "firedAt", late
                    from reminder_firing where user_id = :user) f""")
                .param("user", user)
                .query(String.class)
                .single();
    }

    /**
     * Reminders planned before {@code before} that have not fired: db-scheduler executions still in
     * {@code scheduled_tasks} and Dapr job requests still in {@code reminder_dapr_job} (a fired one leaves its table;
     * one being cancelled will not fire). One scheduler is configured at a time; the other's table is empty, unless
     * reminders were left there when the scheduler was switched, and those are missed too.
     */
    long countNotFiredBefore(Instant before) {
        return jdbc.sql("""
                select (select count(*) from scheduled_tasks where task_name = :task and execution_time < :before)
                     + (select count(*) from reminder_dapr_job where state <> 'cancelling' and due_at < :before)""")
                .param("task", ReminderScheduling.TASK_NAME)
                .param("before", Timestamp.from(before))
                .query(Long.class)
                .single();
    }
}
