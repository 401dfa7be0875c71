package io.taskstream.notification;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's notifications and notification settings in the data export; never the webhook's secret. */
@Component
class NotificationExport implements ExportSection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NotificationExport(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(jdbc.sql("""
                        select json_build_object(
                            'settings', (select row_to_json(s) from (
                                select in_app as "inApp", email_enabled as "emailEnabled", email_address as "emailAddress",
                                       webhook_enabled as "webhookEnabled", webhook_url as "webhookUrl",
                                       webhook_disabled_at as "webhookDisabledAt", updated_at as "updatedAt"
                                from notification_settings where user_id = :user) s),
                            'items', (select coalesce(json_agg(n order by n.id), '[]'::json) from (
                                select id, task_id as "taskId", reminder_id as "reminderId", title, due_at as "dueAt",
                                       remind_at as "remindAt", fired_at as "firedAt", late, read_at as "readAt",
                                       created_at as "createdAt"
                                from notification where user_id = :user) n))::text""")
                .param("user", user.value())
                .query(String.class)
                .single());
    }
}
