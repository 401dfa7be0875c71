package io.taskstream.reminder;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reminders that fired for the user, in the data export (the pending ones are on their tasks). */
@Component
class ReminderExport implements ExportSection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReminderExport(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return "reminderFirings";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(jdbc.sql("""
                        select coalesce(json_agg(f order by f."firedAt", f."reminderId"), '[]'::json)::text from (
                            select task_id as "taskId", reminder_id as "reminderId", remind_at as "remindAt",
                                   fired_at as "firedAt", late
                            from reminder_firing where user_id = :user) f""")
                .param("user", user.value())
                .query(String.class)
                .single());
    }
}
