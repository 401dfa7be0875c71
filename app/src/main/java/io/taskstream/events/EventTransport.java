package io.taskstream.events;

import java.util.List;

/** Where the relay publishes. One small interface so another transport (Dapr) is one more class. */
interface EventTransport {

    /**
     * Publishes the batch in order and returns once the transport holds it durably; throws when it
     * could not, and then the relay retries the whole batch later (consumers are idempotent).
     */
    void publish(List<OutboundMessage> batch) throws Exception;
}
