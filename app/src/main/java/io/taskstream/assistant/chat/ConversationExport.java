package io.taskstream.assistant.chat;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's conversations with the assistant, with their messages, in the data export. */
@Component
class ConversationExport implements ExportSection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConversationExport(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return "conversations";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(jdbc.sql("""
                        select coalesce(json_agg(c order by c.id), '[]'::json)::text from (
                            select v.id, v.created_at as "createdAt", v.updated_at as "updatedAt",
                                   (select coalesce(json_agg(m order by m.id), '[]'::json) from (
                                       select id, role, content, created_at as "createdAt"
                                       from conversation_message where conversation_id = v.id) m) as messages
                            from conversation v where v.user_id = :user) c""")
                .param("user", user.value())
                .query(String.class)
                .single());
    }
}
