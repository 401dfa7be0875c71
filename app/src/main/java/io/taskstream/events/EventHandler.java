package io.taskstream.events;

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
     * Applies the event. For {@link Delivery#SHARED} this runs in a transaction that also records the
     * event as applied, so a redelivered event is skipped; throwing rolls both back and the event is retried.
     */
    void handle(CloudEvent event);

    enum Delivery {
        /** Each event is applied once by one replica of the group (exactly-once effect on the database). */
        SHARED,
        /** Every replica sees every event (in-memory effects such as pushing to connected clients). */
        BROADCAST
    }
}
