package io.taskstream.reminder;

import io.taskstream.support.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the reminder tests read back from the database: fired events and pending executions. */
final class FiredReminders {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    FiredReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The taskstream.reminder.due events of the task in the outbox, oldest first. */
    List<JsonNode> fired(long taskId) {
        return jdbc.sql("select payload::text from event_outbox where topic = 'reminders' "
                        + "and event_type = 'taskstream.reminder.due' and payload->>'subject' = :task order by id")
                .param("task", Long.toString(taskId))
                .query((rs, n) -> JSON.readTree(rs.getString(1)))
                .list();
    }

    List<JsonNode> awaitFired(long taskId, int count, Duration timeout) {
        return Eventually.await(timeout, () -> fired(taskId), events -> events.size() >= count);
    }

    /** When the task's pending reminder executions are due, by execution id. */
    List<String> pending(long taskId) {
        return jdbc.sql("select task_instance || '@' || to_char(execution_time at time zone 'UTC', "
                        + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from scheduled_tasks "
                        + "where task_name = 'reminder' and task_instance like :prefix order by task_instance")
                .param("prefix", taskId + "-%")
                .query(String.class)
                .list();
    }

    static Instant instant(JsonNode event, String field) {
        return Instant.parse(event.get("data").get(field).asString());
    }
}
