package io.taskstream.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code dead_letter} table: events a consumer gave up on, kept with the error for replay
 * ({@link DeadLetterReplayer}); counted in {@code taskstream.events.dead_lettered}.
 */
@Component
class DeadLetterRepository {

    private final JdbcClient jdbc;
    private final EventDispatcher dispatcher;
    private final Clock clock;

    DeadLetterRepository(JdbcClient jdbc, EventDispatcher dispatcher, Clock clock) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    void record(EventHandler handler, String topic, CloudEvent event, String payload, Exception error) {
        jdbc.sql("insert into dead_letter (consumer, topic, event_id, payload, error, failed_at) "
                        + "values (:consumer, :topic, :id, :payload::jsonb, :error, :now)")
                .param("consumer", handler.name())
                .param("topic", topic)
                .param("id", event.eventId())
                .param("payload", payload)
                .param("error", String.valueOf(error))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        dispatcher.deadLettered(handler, topic);
    }

    /** A dead letter to replay: the consumer that gave up on it and the event's JSON. */
    record Letter(long id, String consumer, String payload) {
    }

    /** Up to 100 letters whose replay was requested, locked for this transaction, skipping those another replica holds. */
    List<Letter> claimReplayRequests() {
        return jdbc.sql("select id, consumer, payload::text as payload from dead_letter "
                        + "where replay_requested_at is not null and replayed_at is null "
                        + "order by id limit 100 for update skip locked")
                .query((rs, n) -> new Letter(rs.getLong("id"), rs.getString("consumer"), rs.getString("payload")))
                .list();
    }

    void replayed(long id, Instant now) {
        jdbc.sql("update dead_letter set replayed_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** The replay failed: the letter stays dead with the new error, and the request is cleared. */
    void replayFailed(long id, String error, Instant now) {
        jdbc.sql("update dead_letter set replay_requested_at = null, error = :error, failed_at = :now where id = :id")
                .param("error", error).param("now", Timestamp.from(now))
                .param("id", id).update();
    }
}
