package io.taskstream.events;

import io.taskstream.platform.db.SqlArrays;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private final ConsumedEventRepository consumed;
    private final TransactionTemplate tx;
    private final List<EventHandler> handlers;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EventTracing tracing;

    EventDispatcher(ConsumedEventRepository consumed, PlatformTransactionManager transactions, List<EventHandler> handlers, Clock clock,
            MeterRegistry meters, EventTracing tracing) {
        this.tracing = tracing;
        this.consumed = consumed;
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
        if (!handler.accepts(event)) {
            count(handler, "ignored");
            return false;
        }
        if (handler.delivery() == EventHandler.Delivery.BROADCAST) {
            tracing.consume(handler, event, () -> handler.handle(event));
            count(handler, "applied");
            return true;
        }
        return dispatchAll(handler, List.of(event)) == 1;
    }

    /**
     * Applies a shared handler's events in one transaction, skipping those it does not accept, those it
     * already applied and those that repeat within the batch; returns how many were applied. If the handler fails on any of them,
     * nothing of the batch is applied and the exception propagates.
     */
    int dispatchAll(EventHandler handler, List<CloudEvent> received) {
        if (handler.delivery() != EventHandler.Delivery.SHARED) {
            throw new IllegalArgumentException("batches are for shared handlers");
        }
        List<CloudEvent> events = received.stream().filter(handler::accepts).toList();
        if (events.size() < received.size()) {
            meters.counter("taskstream.events.consumed", "consumer", handler.name(), "outcome", "ignored")
                    .increment(received.size() - events.size());
        }
        if (events.isEmpty()) {
            return 0;
        }
        Integer applied = tx.execute(status -> {
            String ids = SqlArrays.literal(events.stream().map(CloudEvent::id).distinct().toList());
            Set<String> fresh = new HashSet<>(consumed.recordNew(handler.name(), ids, clock.instant()));
            List<CloudEvent> toApply = new ArrayList<>(fresh.size());
            for (CloudEvent event : events) {
                if (fresh.remove(event.id())) {
                    toApply.add(event);
                }
            }
            if (tracing.traced(toApply)) {
                // One consumer span per event, continuing that event's trace.
                toApply.forEach(event -> tracing.consume(handler, event, () -> handler.handle(event)));
            } else {
                handler.handleAll(toApply);
            }
            return toApply.size();
        });
        int result = applied == null ? 0 : applied;
        meters.counter("taskstream.events.consumed", "consumer", handler.name(), "outcome", "applied").increment(result);
        meters.counter("taskstream.events.consumed", "consumer", handler.name(), "outcome", "duplicate")
                .increment(events.size() - result);
        return result;
    }

    void deadLettered(EventHandler handler, String topic) {
        meters.counter("taskstream.events.dead_lettered", "consumer", handler.name(), "topic", topic).increment();
    }

    private void count(EventHandler handler, String outcome) {
        meters.counter("taskstream.events.consumed", "consumer", handler.name(), "outcome", outcome).increment();
    }
}
