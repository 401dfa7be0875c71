package io.taskstream.events;

/**
 * Where a broker transport also puts an event a shared handler gave up on: {@code <topic>.dlt}, keyed by
 * user id, so the runbook's replay onto the topic works as before retries moved off the delivery path.
 * The embedded transport has none (the {@code dead_letter} table is the place).
 */
@FunctionalInterface
interface DeadLetterTopic {

    void publish(EventHandler handler, String topic, CloudEvent event, String payload) throws Exception;
}
