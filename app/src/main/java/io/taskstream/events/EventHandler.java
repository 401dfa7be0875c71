package io.taskstream.events;

import java.util.List;

/** Reacts to the events of one topic. Implementations are beans; the events module subscribes them. */
public interface EventHandler {

    /** Stable name: the consumer group and the key of applied-event bookkeeping. */
    String name();

    Topic topic();

    /** How the events reach the replicas running this handler. */
    default Delivery delivery() {
        return Delivery.SHARED;
    }

    /**
     * Whether the event concerns this handler at all. Events it does not accept are passed over without a
     * transaction or an applied-event record (with no effect there is nothing to make idempotent); a
     * handler that reacts to a few event types of a busy topic saves a database round trip per event.
     */
    default boolean accepts(CloudEvent event) {
        return true;
    }

    /**
     * Applies the event. For {@link Delivery#SHARED} this runs in a transaction that also records the
     * event as applied, so a redelivered event is skipped; throwing rolls both back and the event is retried
     * later, off the path that delivers other users' events, before this user's later events reach this
     * handler, and dead-lettered after its attempts (ADR 034).
     */
    void handle(CloudEvent event);

    /**
     * Applies several events in order, in one such transaction (a Kafka poll's worth). Handlers that can
     * write them in one statement override this; throwing rolls back all of them.
     */
    default void handleAll(List<CloudEvent> events) {
        events.forEach(this::handle);
    }

    enum Delivery {
        /** Each event is applied once by one replica of the group (exactly-once effect on the database). */
        SHARED,
        /** Every replica sees every event (in-memory effects such as pushing to connected clients). */
        BROADCAST
    }
}
