package io.taskstream.events;

import java.util.List;

/** Where the relay publishes. One small interface so another transport (Dapr) is one more class. */
interface EventTransport {

    /**
     * Publishes the batch in order and returns once the transport holds it durably; throws when it
     * could not, and then the relay retries the whole batch later (consumers are idempotent).
     */
    void publish(List<OutboundMessage> batch) throws Exception;

    /**
     * The same, running {@code meanwhile} (the relay marks the batch published in its still open
     * transaction) once the batch is handed over, while the transport waits for its acknowledgements, so
     * the two overlap. The relay commits only after this returns, so a failure still rolls the mark back.
     * Transports that deliver synchronously publish, then run it.
     */
    default void publish(List<OutboundMessage> batch, Runnable meanwhile) throws Exception {
        publish(batch);
        meanwhile.run();
    }
}
