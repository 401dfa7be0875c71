package io.taskstream.events;

import java.sql.Timestamp;
import java.time.Clock;
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
}
