package io.taskstream.events;

import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test access to the events module's delivery path from other modules' tests: hands an event to a named
 * consumer through the real dispatcher (idempotency bookkeeping included), as a redelivery would, and
 * reads back what was written to the outbox.
 */
public final class EventDeliveries {

    private final EventDispatcher dispatcher;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EventDeliveries(ApplicationContext context) {
        this.dispatcher = context.getBean(EventDispatcher.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.json = context.getBean(JsonMapper.class);
    }

    /** Delivers the event to the consumer; true when it was applied now, false when it already had been. */
    public boolean deliver(String consumer, CloudEvent event) {
        EventHandler handler = dispatcher.handlers().stream().filter(h -> h.name().equals(consumer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no consumer " + consumer));
        return dispatcher.dispatch(handler, event);
    }

    /** The same event under a new id: what a second, distinct event about the same fact looks like. */
    public static CloudEvent copyWithNewId(CloudEvent event) {
        return new CloudEvent(event.specversion(), UUID.randomUUID().toString(), event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), event.userid(), event.traceparent(), null,
                event.data());
    }

    /** The events of the type about the task written to the topic's outbox, oldest first. */
    public java.util.List<CloudEvent> written(String topic, String type, long taskId) {
        return jdbc.sql("select payload::text from event_outbox where topic = :topic and event_type = :type "
                        + "and payload->>'subject' = :subject order by id")
                .param("topic", topic).param("type", type).param("subject", Long.toString(taskId))
                .query((rs, n) -> json.readValue(rs.getString(1), CloudEvent.class))
                .list();
    }

    /** Whether the consumer has applied the event. */
    public boolean applied(String consumer, CloudEvent event) {
        return jdbc.sql("select count(*) from consumed_event where consumer = :consumer and event_id = :id")
                .param("consumer", consumer).param("id", event.eventId()).query(Long.class).single() > 0;
    }
}
