package io.taskstream.events;

import io.taskstream.platform.db.SqlArrays;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private final Map<String, Timer> delays = new HashMap<>();
    private final Map<String, Timer> processing = new HashMap<>();

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
        for (EventHandler handler : this.handlers) {
            for (String outcome : List.of("applied", "ignored", "duplicate")) {
                consumed(handler, outcome);
            }
            delays.put(handler.name(), Timer.builder("taskstream.events.delay")
                    .description("time from the event (its change's commit) to its application by the consumer")
                    .tag("consumer", handler.name()).serviceLevelObjectives(DELAY_BUCKETS).register(meters));
            processing.put(handler.name(), Timer.builder("taskstream.events.process")
                    .description("time the consumer took to apply events (a batch's time for each of its events)")
                    .tag("consumer", handler.name()).serviceLevelObjectives(DELAY_BUCKETS).register(meters));
        }
    }

    /** Bucket bounds of the delay and processing histograms; 1 s is the event objective's bound. */
    static final Duration[] DELAY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private Counter consumed(EventHandler handler, String outcome) {
        return Counter.builder("taskstream.events.consumed").description("events a consumer received, by outcome")
                .tag("consumer", handler.name()).tag("outcome", outcome).register(meters);
    }

    /** Records the delay of each applied event and the time taken to apply them. */
    private void applied(EventHandler handler, List<CloudEvent> events, long startedNanos) {
        if (events.isEmpty()) {
            return;
        }
        long took = System.nanoTime() - startedNanos;
        Instant now = clock.instant();
        Timer delay = delays.get(handler.name());
        Timer process = processing.get(handler.name());
        for (CloudEvent event : events) {
            process.record(took, TimeUnit.NANOSECONDS);
            if (event.time() != null) {
                Duration late = Duration.between(event.time(), now);
                delay.record(late.isNegative() ? Duration.ZERO : late);
            }
        }
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
            long started = System.nanoTime();
            tracing.consume(handler, event, () -> handler.handle(event));
            applied(handler, List.of(event), started);
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
            consumed(handler, "ignored").increment(received.size() - events.size());
        }
        if (events.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        List<CloudEvent> appliedEvents = new ArrayList<>();
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
            appliedEvents.addAll(toApply);
            return toApply.size();
        });
        applied(handler, appliedEvents, started);
        int result = applied == null ? 0 : applied;
        consumed(handler, "applied").increment(result);
        consumed(handler, "duplicate").increment(events.size() - result);
        return result;
    }

    void deadLettered(EventHandler handler, String topic) {
        meters.counter("taskstream.events.dead_lettered", "consumer", handler.name(), "topic", topic).increment();
    }

    private void count(EventHandler handler, String outcome) {
        consumed(handler, outcome).increment();
    }
}
