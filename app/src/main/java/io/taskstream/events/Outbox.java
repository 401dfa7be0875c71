package io.taskstream.events;

/**
 * Records an event for publication in the caller's transaction: it is published if and only if that
 * transaction commits, after it commits, keyed by the event's user id.
 */
public interface Outbox {

    /** Must be called inside a transaction. */
    void append(Topic topic, CloudEvent event);
}
