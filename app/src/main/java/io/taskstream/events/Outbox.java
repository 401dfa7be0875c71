package io.taskstream.events;

import java.util.List;

/**
 * Records an event for publication in the caller's transaction: it is published if and only if that
 * transaction commits, after it commits, keyed by the event's user id.
 */
public interface Outbox {

    /** Must be called inside a transaction. */
    default void append(Topic topic, CloudEvent event) {
        appendAll(List.of(new Entry(topic, event)));
    }

    /** Records several events, in order; one statement where the implementation can. */
    void appendAll(List<Entry> entries);

    /** Records several events of one topic, in order. */
    default void appendAll(Topic topic, List<CloudEvent> events) {
        appendAll(events.stream().map(event -> new Entry(topic, event)).toList());
    }

    /** An event and the topic it goes to. */
    record Entry(Topic topic, CloudEvent event) {
    }
}
