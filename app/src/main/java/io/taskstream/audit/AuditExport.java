package io.taskstream.audit;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's activity history in the data export. */
@Component
class AuditExport implements ExportSection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditExport(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(jdbc.sql("""
                        select coalesce(json_agg(h order by h."occurredAt", h.id), '[]'::json)::text from (
                            select id, task_id as "taskId", event_type as "eventType", door,
                                   changed_fields as "changedFields", task, occurred_at as "occurredAt"
                            from audit_entry where user_id = :user) h""")
                .param("user", user.value())
                .query(String.class)
                .single());
    }
}
