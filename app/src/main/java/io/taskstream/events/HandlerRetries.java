package io.taskstream.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.platform.db.AfterCommit;
import io.taskstream.platform.db.SqlArrays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retries of shared handlers, off the path that delivers everyone's events (ADR 034).
 *
 * <p>{@link #deliver} is what every transport calls for a shared handler: it applies the events once and,
 * for an event the handler fails on, records an {@code event_retry} entry and returns at once, so the relay
 * round, the Kafka partition or the Dapr delivery goes on with the next users' events. The entry is written
 * with the caller's database work (in the relay's transaction with the embedded transport; before the
 * offset commit or the answer to Dapr with the brokers), so a crash loses nothing. Only a failure to write
 * the entry itself (database down) propagates, and the transport retries as it does for any infrastructure
 * failure.
 *
 * <p>Ordering: one user's events reach one handler in publication order. While an entry of a user waits
 * for a handler, that user's later events for the handler are queued behind it (attempts 0) rather than
 * applied, and only the oldest entry of each user and handler is retried. A dead-lettered event is skipped
 * and the next one of that user goes on, as before.
 *
 * <p>The loop retries due entries with exponential backoff ({@code taskstream.events.consumer.*}) and
 * dead-letters an event after {@code max-attempts} deliveries in all ({@link DeadLetterRepository}). Replicas share
 * the table: each takes the due entries of the handlers it runs ({@code for update skip locked}).
 */
@Component
class HandlerRetries extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(HandlerRetries.class);
    private static final int BATCH = 100;

    /** One event as the transport received it: the event and its JSON (kept for the retry and the dead letter). */
    record Delivery(CloudEvent event, String json) {
    }

    private final EventRetryRepository queue;
    private final TransactionTemplate tx;
    private final EventDispatcher dispatcher;
    private final DeadLetterRepository deadLetters;
    private final DeadLetterTopic deadLetterTopic;
    private final EventsProperties.Consumer policy;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, EventHandler> handlers;
    private final String consumers;
    private final AtomicLong depth = new AtomicLong();
    private final Object wakeUp = new Object();

    HandlerRetries(EventRetryRepository queue, PlatformTransactionManager transactions, EventDispatcher dispatcher,
            DeadLetterRepository deadLetters, ObjectProvider<DeadLetterTopic> deadLetterTopic, EventsProperties properties, JsonMapper json,
            Clock clock, MeterRegistry meters) {
        // Starts after the consumers and the relay and stops before them (and before what handlers use): a retry
        // cut short by the shutdown would only count as a failed attempt.
        super("handler-retries", Duration.ofSeconds(10), Integer.MAX_VALUE - 900);
        this.queue = queue;
        this.tx = new TransactionTemplate(transactions);
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic.getIfAvailable();
        this.policy = properties.consumer();
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.handlers = dispatcher.handlers().stream().filter(h -> h.delivery() == EventHandler.Delivery.SHARED)
                .collect(Collectors.toMap(EventHandler::name, Function.identity()));
        this.consumers = SqlArrays.literal(List.copyOf(handlers.keySet()));
        // Every series an alert watches exists from the start, so that increase() sees the first retry or dead letter.
        for (EventHandler handler : handlers.values()) {
            for (String outcome : List.of("scheduled", "applied", "failed", "queued_behind")) {
                meters.counter("taskstream.events.retries", "consumer", handler.name(), "outcome", outcome);
            }
            meters.counter("taskstream.events.dead_lettered", "consumer", handler.name(), "topic",
                    properties.topics().name(handler.topic()));
        }
        Gauge.builder("taskstream.events.retry.queue", depth, AtomicLong::get)
                .description("events waiting in event_retry for a handler of this process (retries and the events queued behind them)")
                .register(meters);
    }

    /**
     * Applies a shared handler's events (in one transaction when it can); an event it fails on is queued for
     * retry, as are the later events of the same user, and this returns normally.
     */
    void deliver(EventHandler handler, String topic, List<Delivery> deliveries) {
        List<Delivery> mine = deliveries.stream().filter(d -> handler.accepts(d.event())).toList();
        if (mine.size() < deliveries.size()) {
            meters.counter("taskstream.events.consumed", "consumer", handler.name(), "outcome", "ignored")
                    .increment(deliveries.size() - mine.size());
        }
        if (mine.isEmpty()) {
            return;
        }
        Set<String> blocked = waitingUsers(handler, mine);
        List<Delivery> free = new ArrayList<>(mine.size());
        for (Delivery delivery : mine) {
            if (blocked.contains(key(delivery.event()))) {
                enqueue(handler, topic, delivery, 0, clock.instant(), null);
                count(handler, "queued_behind");
            } else {
                free.add(delivery);
            }
        }
        if (free.isEmpty()) {
            return;
        }
        RuntimeException batchFailure;
        try {
            dispatcher.dispatchAll(handler, free.stream().map(Delivery::event).toList());
            return;
        } catch (RuntimeException e) {
            batchFailure = e;
        }
        if (free.size() == 1) {
            failed(handler, topic, free.getFirst(), batchFailure);
            return;
        }
        log.debug("Handler {} failed on a batch of {} events; applying them one by one", handler.name(), free.size(), batchFailure);
        for (Delivery delivery : free) {
            String user = key(delivery.event());
            if (blocked.contains(user)) {
                enqueue(handler, topic, delivery, 0, clock.instant(), null);
                count(handler, "queued_behind");
                continue;
            }
            try {
                dispatcher.dispatch(handler, delivery.event());
            } catch (RuntimeException e) {
                failed(handler, topic, delivery, e);
                blocked.add(user);
            }
        }
    }

    /** The first delivery failed: queue the event for its next attempt (or dead-letter it if it has no more). */
    private void failed(EventHandler handler, String topic, Delivery delivery, RuntimeException error) {
        if (policy.maxAttempts() <= 1) {
            giveUp(handler, topic, delivery.event(), delivery.json(), 1, error);
            return;
        }
        log.warn("Handler {} failed on event {}; retrying it in {} off the delivery path: {}", handler.name(),
                delivery.event().id(), policy.initialBackoff(), error.toString());
        enqueue(handler, topic, delivery, 1, clock.instant().plus(backoff(1)), error);
        count(handler, "scheduled");
        wakeOnceVisible();
    }

    /** Wakes the loop to plan the new entry's attempt: after the caller's transaction commits, if it has one. */
    private void wakeOnceVisible() {
        AfterCommit.run(this::wake);
    }

    private void enqueue(EventHandler handler, String topic, Delivery delivery, int attempts, Instant next, RuntimeException error) {
        queue.enqueue(handler.name(), topic, delivery.event().eventId(), key(delivery.event()), delivery.json(), attempts,
                next, clock.instant(), error == null ? null : String.valueOf(error));
    }

    /** The users among these events that have an entry waiting for this handler. */
    private Set<String> waitingUsers(EventHandler handler, List<Delivery> deliveries) {
        List<String> users = deliveries.stream().map(d -> key(d.event())).distinct().toList();
        return new HashSet<>(queue.waitingKeys(handler.name(), SqlArrays.literal(users)));
    }

    @Override
    void loop() {
        while (running()) {
            try {
                int retried = handlers.isEmpty() ? 0 : retryDue();
                Duration pause = handlers.isEmpty() ? policy.retryPollInterval() : untilNextDue();
                if (retried == 0) {
                    // due entries another replica holds: look again shortly
                    pause(pause.isZero() ? Duration.ofMillis(50) : pause);
                } else {
                    pause(pause);
                }
            } catch (RuntimeException e) {
                log.warn("Handler retries could not run, trying again in {}: {}", policy.retryPollInterval(), e.toString());
                pause(policy.retryPollInterval());
            }
        }
    }

    /** One pass over the due entries; returns how many were attempted. Package-visible for tests. */
    int retryDue() {
        Integer attempted = tx.execute(status -> {
            List<EventRetryRepository.Entry> due = queue.claimDue(consumers, clock.instant(), BATCH);
            due.forEach(this::retry);
            return due.size();
        });
        return attempted == null ? 0 : attempted;
    }

    private void retry(EventRetryRepository.Entry entry) {
        EventHandler handler = handlers.get(entry.consumer());
        CloudEvent event = null;
        try {
            event = json.readValue(entry.payload(), CloudEvent.class);
            dispatcher.dispatch(handler, event);
            delete(entry);
            count(handler, "applied");
            if (entry.attempts() > 0) {
                log.info("Handler {} applied event {} on attempt {}", handler.name(), event.id(), entry.attempts() + 1);
            }
        } catch (RuntimeException e) {
            int attempts = entry.attempts() + 1;
            if (attempts >= policy.maxAttempts() || event == null) {
                if (event == null) {
                    log.error("Handler {} gave up on unreadable retry entry {}: {}", handler.name(), entry.id(), e.toString());
                    delete(entry);
                    return;
                }
                giveUp(handler, entry.topic(), event, entry.payload(), attempts, e);
                delete(entry);
                return;
            }
            Duration backoff = backoff(attempts);
            log.warn("Handler {} failed on event {} (attempt {}), retrying in {}: {}", handler.name(), event.id(), attempts,
                    backoff, e.toString());
            queue.failedAgain(entry.id(), attempts, clock.instant().plus(backoff), String.valueOf(e));
            count(handler, "failed");
        }
    }

    private void giveUp(EventHandler handler, String topic, CloudEvent event, String payload, int attempts, RuntimeException e) {
        log.error("Handler {} gave up on event {} after {} attempts; dead-lettered", handler.name(), event.id(), attempts, e);
        deadLetters.record(handler, topic, event, payload, e);
        if (deadLetterTopic != null) {
            try {
                deadLetterTopic.publish(handler, topic, event, payload);
            } catch (Exception failed) {
                // Rolls the dead letter back with the entry's update: the next pass tries again.
                throw new IllegalStateException("could not publish to " + topic + ".dlt: " + failed.getMessage(), failed);
            }
        }
    }

    private void delete(EventRetryRepository.Entry entry) {
        queue.delete(entry.id());
    }

    /** Refreshes the queue depth and returns how long until the next entry is due (at most the poll interval). */
    private Duration untilNextDue() {
        EventRetryRepository.Queue waiting = queue.queue(consumers);
        depth.set(waiting.depth());
        if (waiting.next() == null) {
            return policy.retryPollInterval();
        }
        Duration until = Duration.between(clock.instant(), waiting.next().toInstant());
        if (until.isNegative()) {
            return Duration.ZERO;
        }
        return until.compareTo(policy.retryPollInterval()) > 0 ? policy.retryPollInterval() : until;
    }

    /** The pause after the given number of failed deliveries: initial, doubled each time, at most the maximum. */
    private Duration backoff(int failures) {
        Duration backoff = policy.initialBackoff();
        for (int i = 1; i < failures && backoff.compareTo(policy.maxBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : backoff;
    }

    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        synchronized (wakeUp) {
            try {
                wakeUp.wait(Math.max(1, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void count(EventHandler handler, String outcome) {
        meters.counter("taskstream.events.retries", "consumer", handler.name(), "outcome", outcome).increment();
    }

    private static String key(CloudEvent event) {
        return event.userid() == null ? "" : event.userid();
    }

}
