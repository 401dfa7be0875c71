package io.taskstream.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code event_retry} table: events a shared handler failed on, and the events of the same user queued behind
 * them, waiting for {@link HandlerRetries}. Handlers are named by a SQL array literal of their names.
 */
@Repository
class EventRetryRepository {

    /** The oldest entry of each user and handler whose attempt is due. */
    private static final String DUE = "select r.id, r.consumer, r.topic, r.payload::text as payload, r.attempts from event_retry r "
            + "where r.consumer = any(:consumers::varchar[]) and r.next_attempt_at <= :now "
            + "and not exists (select 1 from event_retry e where e.consumer = r.consumer and e.ordering_key = r.ordering_key "
            + "and e.id < r.id) order by r.next_attempt_at, r.id limit :limit for update of r skip locked";

    /** An entry: the event's JSON and how many attempts failed so far. */
    record Entry(long id, String consumer, String topic, String payload, int attempts) {
    }

    /** How many entries wait for the handlers, and when the first one whose turn it is becomes due (null: none). */
    record Queue(long depth, Timestamp next) {
    }

    private final JdbcClient jdbc;

    EventRetryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the entry unless the handler has one for the event already. */
    void enqueue(String consumer, String topic, UUID eventId, String key, String payload, int attempts, Instant next,
            Instant now, String error) {
        jdbc.sql("insert into event_retry (consumer, topic, event_id, ordering_key, payload, attempts, next_attempt_at, "
                        + "first_failed_at, last_error) values (:consumer, :topic, :id, :key, :payload::jsonb, :attempts, :next, :now, :error) "
                        + "on conflict (consumer, event_id) do nothing")
                .param("consumer", consumer)
                .param("topic", topic)
                .param("id", eventId)
                .param("key", key)
                .param("payload", payload)
                .param("attempts", attempts)
                .param("next", Timestamp.from(next))
                .param("now", Timestamp.from(now))
                .param("error", error)
                .update();
    }

    /** The ordering keys (users), among these, that have an entry waiting for the handler. */
    List<String> waitingKeys(String consumer, String keys) {
        return jdbc.sql("select distinct ordering_key from event_retry where consumer = :consumer "
                        + "and ordering_key = any(:keys::varchar[])")
                .param("consumer", consumer)
                .param("keys", keys)
                .query(String.class)
                .list();
    }

    /** Up to {@code limit} due entries, locked for this transaction, skipping those another replica holds. */
    List<Entry> claimDue(String consumers, Instant now, int limit) {
        return jdbc.sql(DUE)
                .param("consumers", consumers)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("consumer"), rs.getString("topic"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .list();
    }

    void failedAgain(long id, int attempts, Instant next, String error) {
        jdbc.sql("update event_retry set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
                .param("attempts", attempts)
                .param("next", Timestamp.from(next))
                .param("error", error)
                .param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from event_retry where id = :id").param("id", id).update();
    }

    Queue queue(String consumers) {
        return jdbc.sql("select count(*) as depth, min(r.next_attempt_at) filter (where not exists (select 1 "
                        + "from event_retry e where e.consumer = r.consumer and e.ordering_key = r.ordering_key and e.id < r.id)) as next "
                        + "from event_retry r where r.consumer = any(:consumers::varchar[])")
                .param("consumers", consumers)
                .query((rs, n) -> new Queue(rs.getLong("depth"), rs.getTimestamp("next")))
                .single();
    }
}
