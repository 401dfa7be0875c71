package io.taskstream.events;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of a single process: the relay hands each batch straight to the in-process handlers
 * of its topics, with the same idempotent dispatch as Kafka consumers. A shared handler that fails on an
 * event does not hold the relay: the event is queued for retry off this path ({@link HandlerRetries}, in
 * the relay's transaction) and dead-lettered after its attempts. Broadcast handlers (in-memory effects)
 * still retry in place with the bounded backoff; a failing one goes to the {@code dead_letter} table.
 */
class EmbeddedTransport implements EventTransport {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTransport.class);

    private final EventDispatcher dispatcher;
    private final EventsProperties.Consumer retry;
    private final DeadLetterRepository deadLetters;
    private final HandlerRetries retries;

    EmbeddedTransport(EventDispatcher dispatcher, EventsProperties properties, DeadLetterRepository deadLetters, HandlerRetries retries) {
        this.dispatcher = dispatcher;
        this.retry = properties.consumer();
        this.deadLetters = deadLetters;
        this.retries = retries;
    }

    /**
     * Hands the batch to each handler in order: a shared handler gets all of its topic's events in one
     * transaction (one commit per relay round rather than per event, without which a single relay thread
     * falls behind a busy API); if that fails, the events go one by one and only those at fault (with their
     * users' later events) are queued for retry. Broadcast handlers get them one by one.
     */
    @Override
    public void publish(List<OutboundMessage> batch) {
        for (EventHandler handler : dispatcher.handlers()) {
            List<OutboundMessage> mine = batch.stream().filter(message -> message.topic() == handler.topic()).toList();
            if (mine.isEmpty()) {
                continue;
            }
            if (handler.delivery() == EventHandler.Delivery.SHARED) {
                retries.deliver(handler, mine.getFirst().topicName(),
                        mine.stream().map(m -> new HandlerRetries.Delivery(m.event(), m.json())).toList());
            } else {
                mine.forEach(message -> deliver(handler, message));
            }
        }
    }

    private void deliver(EventHandler handler, OutboundMessage message) {
        Duration backoff = retry.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                dispatcher.dispatch(handler, message.event());
                return;
            } catch (RuntimeException e) {
                if (attempt >= retry.maxAttempts()) {
                    deadLetter(handler, message, e);
                    return;
                }
                log.debug("Handler {} failed on event {} (attempt {}), retrying", handler.name(), message.event().id(), attempt, e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private void deadLetter(EventHandler handler, OutboundMessage message, RuntimeException e) {
        log.error("Handler {} gave up on event {} after {} attempts; dead-lettered", handler.name(), message.event().id(),
                retry.maxAttempts(), e);
        deadLetters.record(handler, message.topicName(), message.event(), message.json(), e);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
