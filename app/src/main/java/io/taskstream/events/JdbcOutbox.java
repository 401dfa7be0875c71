package io.taskstream.events;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table; after the writing transaction commits, the local relay is woken at once (other
 * processes' relays by the table's NOTIFY trigger). With tracing on, events carry the current trace context.
 */
@Component
class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventsProperties properties;
    private final RelaySignal signal;
    private final Clock clock;
    private final EventTracing tracing;

    JdbcOutbox(JdbcClient jdbc, JsonMapper json, EventsProperties properties, RelaySignal signal, Clock clock,
            EventTracing tracing) {
        this.tracing = tracing;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.signal = signal;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Topic topic, CloudEvent change) {
        CloudEvent event = tracing.withCurrentContext(change);
        jdbc.sql("insert into event_outbox (event_id, topic, message_key, event_type, payload, created_at) "
                        + "values (:id, :topic, :key, :type, :payload::jsonb, :now)")
                .param("id", event.eventId())
                .param("topic", properties.topics().name(topic))
                .param("key", event.userid() == null ? "" : event.userid())
                .param("type", event.type())
                .param("payload", json.writeValueAsString(event))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        }
    }
}
