package io.taskstream.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one event to one handler, the same way whatever the transport. For a shared handler the
 * effect and the record "this consumer applied this event" commit together, so a redelivered event
 * changes nothing.
 */
@Component
class EventDispatcher {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final List<EventHandler> handlers;
    private final Clock clock;
    private final MeterRegistry meters;

    EventDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, List<EventHandler> handlers, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        // Its own transaction even when called from inside the relay's (embedded transport).
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.handlers = List.copyOf(handlers);
        this.clock = clock;
        this.meters = meters;
    }

    List<EventHandler> handlers() {
        return handlers;
    }

    /** Applies the event unless this handler already did; returns whether it was applied now. */
    boolean dispatch(EventHandler handler, CloudEvent event) {
        if (handler.delivery() == EventHandler.Delivery.BROADCAST) {
            handler.handle(event);
            count(handler, "applied");
            return true;
        }
        Boolean applied = tx.execute(status -> {
            int fresh = jdbc.sql("insert into consumed_event (consumer, event_id, consumed_at) values (:consumer, :id, :now) "
                            + "on conflict do nothing")
                    .param("consumer", handler.name())
                    .param("id", event.eventId())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (fresh == 0) {
                return false;
            }
            handler.handle(event);
            return true;
        });
        boolean result = Boolean.TRUE.equals(applied);
        count(handler, result ? "applied" : "duplicate");
        return result;
    }

    void deadLettered(EventHandler handler, String topic) {
        meters.counter("taskstream.events.dead_lettered", "consumer", handler.name(), "topic", topic).increment();
    }

    private void count(EventHandler handler, String outcome) {
        meters.counter("taskstream.events.consumed", "consumer", handler.name(), "outcome", outcome).increment();
    }
}
