package io.taskstream.events;

import io.taskstream.platform.db.SqlArrays;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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
class OutboxRepository implements Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventsProperties properties;
    private final RelaySignal signal;
    private final Clock clock;
    private final EventTracing tracing;

    OutboxRepository(JdbcClient jdbc, JsonMapper json, EventsProperties properties, RelaySignal signal, Clock clock,
            EventTracing tracing) {
        this.tracing = tracing;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.signal = signal;
        this.clock = clock;
    }

    /** Declared here for its transaction check: the proxy does not see the interface's default method's call. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Topic topic, CloudEvent event) {
        appendAll(List.of(new Entry(topic, event)));
    }

    /**
     * One statement for the lot: a task change appends its event to two topics, a burst of reminders hundreds
     * of events in one transaction.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<CloudEvent> events = entries.stream().map(entry -> tracing.withCurrentContext(entry.event())).toList();
        jdbc.sql("insert into event_outbox (event_id, topic, message_key, event_type, payload, created_at) "
                        + "select e.id, e.topic, e.key, e.type, e.payload::json, :now "
                        + "from unnest(:topics::text[], :ids::uuid[], :keys::text[], :types::text[], :payloads::text[]) "
                        + "with ordinality as e(topic, id, key, type, payload, n) order by e.n")
                .param("topics", SqlArrays.literal(entries.stream().map(entry -> properties.topics().name(entry.topic())).toList()))
                .param("ids", SqlArrays.literal(events.stream().map(CloudEvent::eventId).toList()))
                .param("keys", SqlArrays.literal(events.stream().map(e -> e.userid() == null ? "" : e.userid()).toList()))
                .param("types", SqlArrays.literal(events.stream().map(CloudEvent::type).toList()))
                .param("payloads", SqlArrays.literal(events.stream().map(json::writeValueAsString).toList()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
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
