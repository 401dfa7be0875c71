package io.taskstream.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * W3C trace context on events when tracing is on ({@code management.tracing.export.enabled}): the
 * outbox records the current span's {@code traceparent} in the event, the relay publishes it in a child span
 * ({@code outbox publish <topic>}) whose context the published event carries instead, and a consumer applies the
 * event in a child span of that ({@code <consumer> process}), so one trace runs from the HTTP request through the
 * broker to every effect, and on to the events those effects write.
 * Without a tracer (tracing off) both are no-ops.
 */
@Component
class EventTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;
    private final EventsProperties.Topics topics;

    EventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, EventsProperties properties) {
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
        this.topics = properties.topics();
    }

    /** The event with the current span's trace context, unless it has one or there is no current span. */
    CloudEvent withCurrentContext(CloudEvent event) {
        if (event.traceparent() != null || !enabled()) {
            return event;
        }
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return event;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null ? event : event.withTraceparent(traceparent);
    }

    /** The spans of one relay round, one per traced event it publishes. */
    Publications publications() {
        return new Publications();
    }

    /**
     * A relay round's {@code PRODUCER} spans: each traced event is published in a span continuing its trace, and
     * carries that span's context from there (Kafka header and CloudEvent attribute alike). Not thread-safe: one round.
     */
    final class Publications {

        private final List<Span> spans = new ArrayList<>();

        private Publications() {
        }

        /** The event as it is published: with the context of its publication span, if it continues a trace. */
        CloudEvent start(CloudEvent event, String topicName) {
            if (event.traceparent() == null || !enabled()) {
                return event;
            }
            Span span = propagator.extract(Map.of(TRACEPARENT, event.traceparent()), Map::get)
                    .name("outbox publish " + topicName)
                    .kind(Span.Kind.PRODUCER)
                    .tag("messaging.operation.type", "send")
                    .tag("messaging.destination.name", topicName)
                    .tag("messaging.message.id", event.id())
                    .tag("cloudevents.event_type", event.type())
                    .start();
            spans.add(span);
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(span.context(), carrier, Map::put);
            String traceparent = carrier.get(TRACEPARENT);
            return traceparent == null ? event : event.withTraceparent(traceparent);
        }

        /** Ends the round's spans, once the transport holds the events or failed to ({@code failure}). */
        void end(Throwable failure) {
            for (Span span : spans) {
                if (failure != null) {
                    span.error(failure);
                }
                span.end();
            }
            spans.clear();
        }
    }

    /** Whether any of the events continues a trace here (else they can be applied as one batch). */
    boolean traced(List<CloudEvent> events) {
        return enabled() && events.stream().anyMatch(e -> e.traceparent() != null);
    }

    /** Runs a consumer's work on the event in a span continuing the event's trace (or as is, without one). */
    void consume(EventHandler handler, CloudEvent event, Runnable work) {
        if (event.traceparent() == null || !enabled()) {
            work.run();
            return;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, event.traceparent()), Map::get)
                .name(handler.name() + " process")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.operation.type", "process")
                .tag("messaging.destination.name", topics.name(handler.topic()))
                .tag("messaging.message.id", event.id())
                .tag("cloudevents.event_type", event.type())
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private boolean enabled() {
        return tracer != null && propagator != null && tracer != Tracer.NOOP;
    }
}
