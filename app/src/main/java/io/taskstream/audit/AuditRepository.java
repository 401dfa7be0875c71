package io.taskstream.audit;

import io.taskstream.platform.db.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/** The append-only history table. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Appends the entries in order, in one statement (a consumer's poll is one round trip, not one per
     * event); an entry for an event id already there is left alone, and so is one about an account deleted meanwhile
     * (its history went with it; should the deletion commit while this statement runs, the foreign key fails it and
     * the retry leaves the entry out).
     */
    void append(List<AuditEntry> entries, Instant recordedAt) {
        if (entries.isEmpty()) {
            return;
        }
        ArrayNode rows = json.createArrayNode();
        for (AuditEntry entry : entries) {
            ObjectNode row = rows.addObject()
                    .put("eventId", entry.eventId())
                    .put("userId", entry.userId().toString())
                    .put("taskId", entry.taskId())
                    .put("type", entry.type())
                    .put("door", entry.door())
                    .put("occurredAt", entry.occurredAt().toString());
            row.set("task", entry.task());
            if (entry.changedFields() != null) {
                entry.changedFields().forEach(row.putArray("changedFields")::add);
            }
        }
        jdbc.sql("insert into audit_entry (event_id, user_id, task_id, event_type, door, changed_fields, task, occurred_at, recorded_at) "
                        + "select (e->>'eventId')::uuid, (e->>'userId')::uuid, (e->>'taskId')::bigint, e->>'type', e->>'door', "
                        + "case when jsonb_typeof(e->'changedFields') = 'array' then array(select jsonb_array_elements_text(e->'changedFields')) end, "
                        + "e->'task', (e->>'occurredAt')::timestamptz, :now "
                        + "from jsonb_array_elements(:rows::jsonb) with ordinality as x(e, n) "
                        + "where exists (select 1 from app_user u where u.id = (e->>'userId')::uuid) order by n "
                        + "on conflict (event_id) do nothing")
                .param("rows", rows.toString())
                .param("now", Timestamp.from(recordedAt))
                .update();
    }

    List<AuditEntry> history(UUID user, long taskId) {
        return jdbc.sql("select * from audit_entry where user_id = :user and task_id = :task order by occurred_at, id")
                .param("user", user)
                .param("task", taskId)
                .query(this::map)
                .list();
    }

    List<AuditEntry> activity(UUID user, Instant since, int limit) {
        return jdbc.sql("select * from audit_entry where user_id = :user and occurred_at >= :since "
                        + "order by occurred_at, id limit :limit")
                .param("user", user)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    List<AuditEntry> between(UUID user, Instant from, Instant to, int limit) {
        return jdbc.sql("select * from audit_entry where user_id = :user and occurred_at >= :from and occurred_at < :to "
                        + "order by occurred_at, id limit :limit")
                .param("user", user)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** The ids of the user's tasks, deleted ones included, whose title at some point contained the words. */
    List<Long> tasksTitled(UUID user, String words, int limit) {
        String pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select task_id from audit_entry where user_id = :user and task->>'title' ilike :pattern "
                        + "group by task_id order by max(occurred_at) desc limit :limit")
                .param("user", user)
                .param("pattern", pattern)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        java.sql.Array changed = rs.getArray("changed_fields");
        return new AuditEntry(rs.getObject("event_id", UUID.class).toString(), rs.getObject("user_id", UUID.class),
                rs.getLong("task_id"), rs.getString("event_type"), rs.getString("door"),
                changed == null ? null : Arrays.asList((String[]) changed.getArray()),
                json.readTree(rs.getString("task")), rs.getTimestamp("occurred_at").toInstant());
    }

    /**
     * One history entry; {@code task} is the task as it was after the change (before it, for a deletion),
     * with instants in UTC.
     */
    record AuditEntry(String eventId, @com.fasterxml.jackson.annotation.JsonIgnore UUID userId, long taskId, String type,
            String door, List<String> changedFields, JsonNode task, Instant occurredAt) {
    }

    /** The user's rows for the data export, as one JSON document. */
    String export(UUID user) {
        return jdbc.sql("""
                select coalesce(json_agg(h order by h."occurredAt", h.id), '[]'::json)::text from (
                    select id, task_id as "taskId", event_type as "eventType", door,
                           changed_fields as "changedFields", task, occurred_at as "occurredAt"
                    from audit_entry where user_id = :user) h""")
                .param("user", user)
                .query(String.class)
                .single();
    }
}
