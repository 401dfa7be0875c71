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
import tools.jackson.databind.json.JsonMapper;

/** The append-only history table. */
@Repository
class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends an entry; an entry for the same event id already there is left alone. */
    void append(AuditEntry entry, Instant recordedAt) {
        jdbc.sql("insert into audit_entry (event_id, user_id, task_id, event_type, door, changed_fields, task, occurred_at, recorded_at) "
                        + "values (:eventId, :userId, :taskId, :type, :door, :changed::text[], :task::jsonb, :occurredAt, :now) "
                        + "on conflict (event_id) do nothing")
                .param("eventId", UUID.fromString(entry.eventId()))
                .param("userId", entry.userId())
                .param("taskId", entry.taskId())
                .param("type", entry.type())
                .param("door", entry.door())
                .param("changed", entry.changedFields() == null ? null : SqlArrays.literal(entry.changedFields()))
                .param("task", entry.task().toString())
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
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
}
