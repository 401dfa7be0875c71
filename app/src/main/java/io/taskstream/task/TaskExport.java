package io.taskstream.task;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's tasks in the data export, with their recurrence and reminders. */
@Component
class TaskExport implements ExportSection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TaskExport(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(jdbc.sql("""
                        select coalesce(json_agg(t order by t.id), '[]'::json)::text from (
                            select id, title, description, completed, priority, tags, due_at as "dueAt",
                                   all_day as "allDay", created_at as "createdAt", updated_at as "updatedAt",
                                   completed_at as "completedAt", recurrence_rule as "recurrenceRule",
                                   recurrence_from as "recurrenceFrom", series_id as "seriesId",
                                   occurrence_index as "occurrenceIndex", spawned_from as "spawnedFrom", reminders
                            from task where user_id = :user) t""")
                .param("user", user.value())
                .query(String.class)
                .single());
    }
}
