package io.taskstream.assistant.chat;

import io.taskstream.account.UserId;
import io.taskstream.assistant.chat.StoredMessage.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations and messages in PostgreSQL, always scoped by the owning user. */
@Repository
class ConversationRepository {

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A conversation's header and the question it is waiting on (JSON, or null). */
    record Conversation(long id, UUID userId, String pending, Instant createdAt, Instant updatedAt, String preview) {
    }

    Conversation create(UserId user, Instant now) {
        return jdbc.sql("insert into conversation (user_id, created_at, updated_at) values (:user, :now, :now) "
                        + "returning id, user_id, pending::text, created_at, updated_at, null as preview")
                .param("user", user.value())
                .param("now", Timestamp.from(now))
                .query(ConversationRepository::conversation)
                .single();
    }

    /**
     * Deletes the user's conversations beyond the {@code keep} most recently active ones, with their messages: what
     * keeps an account's history bounded. Returns how many went.
     */
    int keepNewest(UserId user, int keep) {
        return jdbc.sql("delete from conversation where id in (select id from conversation where user_id = :user "
                        + "order by updated_at desc, id desc offset :keep)")
                .param("user", user.value())
                .param("keep", keep)
                .update();
    }

    /** Locks the conversation until the transaction ends, so two turns of one conversation serialise. */
    Optional<Conversation> lock(UserId user, long id) {
        return jdbc.sql("select id, user_id, pending::text, created_at, updated_at, null as preview from conversation "
                        + "where id = :id and user_id = :user for update")
                .param("id", id)
                .param("user", user.value())
                .query(ConversationRepository::conversation)
                .optional();
    }

    boolean exists(UserId user, long id) {
        return jdbc.sql("select count(*) from conversation where id = :id and user_id = :user")
                .param("id", id).param("user", user.value()).query(Long.class).single() == 1;
    }

    List<Conversation> list(UserId user, int limit) {
        return jdbc.sql("""
                        select c.id, c.user_id, c.pending::text, c.created_at, c.updated_at,
                               (select left(m.content, 80) from conversation_message m
                                 where m.conversation_id = c.id and m.role = 'user' order by m.id limit 1) as preview
                        from conversation c where c.user_id = :user
                        order by c.updated_at desc, c.id desc limit :limit""")
                .param("user", user.value())
                .param("limit", limit)
                .query(ConversationRepository::conversation)
                .list();
    }

    boolean delete(UserId user, long id) {
        return jdbc.sql("delete from conversation where id = :id and user_id = :user")
                .param("id", id).param("user", user.value()).update() == 1;
    }

    void append(UserId user, long conversationId, Role role, String content, Instant now) {
        jdbc.sql("insert into conversation_message (user_id, conversation_id, role, content, created_at) "
                        + "values (:user, :conversation, :role, :content, :now)")
                .param("user", user.value())
                .param("conversation", conversationId)
                .param("role", role.db())
                .param("content", content)
                .param("now", Timestamp.from(now))
                .update();
    }

    void touch(UserId user, long id, String pending, Instant now) {
        jdbc.sql("update conversation set pending = cast(:pending as jsonb), updated_at = :now "
                        + "where id = :id and user_id = :user")
                .param("pending", pending)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("user", user.value())
                .update();
    }

    /** All messages, oldest first. */
    List<StoredMessage> messages(UserId user, long conversationId) {
        return jdbc.sql("select * from conversation_message where conversation_id = :conversation and user_id = :user "
                        + "order by id")
                .param("conversation", conversationId)
                .param("user", user.value())
                .query(ConversationRepository::message)
                .list();
    }

    /** The latest {@code limit} messages, oldest first: the context a turn is answered in. */
    List<StoredMessage> recent(UserId user, long conversationId, int limit) {
        return jdbc.sql("select * from (select * from conversation_message where conversation_id = :conversation "
                        + "and user_id = :user order by id desc limit :limit) m order by id")
                .param("conversation", conversationId)
                .param("user", user.value())
                .param("limit", limit)
                .query(ConversationRepository::message)
                .list();
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getLong("id"), rs.getObject("user_id", UUID.class), rs.getString("pending"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("preview"));
    }

    private static StoredMessage message(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(rs.getLong("id"), rs.getObject("user_id", UUID.class), rs.getLong("conversation_id"),
                Role.of(rs.getString("role")), rs.getString("content"), rs.getTimestamp("created_at").toInstant());
    }

    /** The user's rows for the data export, as one JSON document. */
    String export(UUID user) {
        return jdbc.sql("""
                select coalesce(json_agg(c order by c.id), '[]'::json)::text from (
                    select v.id, v.created_at as "createdAt", v.updated_at as "updatedAt",
                           (select coalesce(json_agg(m order by m.id), '[]'::json) from (
                               select id, role, content, created_at as "createdAt"
                               from conversation_message where conversation_id = v.id) m) as messages
                    from conversation v where v.user_id = :user) c""")
                .param("user", user)
                .query(String.class)
                .single();
    }
}
