package io.taskstream.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app side of Dapr pub/sub: programmatic subscriptions ({@code GET /dapr/subscribe}) and the routes
 * Dapr delivers CloudEvents to, answering {@code SUCCESS}, {@code RETRY} or {@code DROP}
 * (https://docs.dapr.io/reference/api/pubsub_api/#provide-a-route-for-dapr-to-deliver-topic-events).
 * One route per topic and delivery mode dispatches to every local handler of that topic through the
 * idempotent dispatcher, so a retried event is applied once by each handler. An event a shared handler
 * fails on is queued for retry off the delivery path ({@link HandlerRetries}) and the route answers
 * {@code SUCCESS}, so the sidecar's redeliveries do not hold the users behind it; after its attempts it is
 * dead-lettered ({@code dead_letter} table and the subscription's dead-letter topic). A broadcast handler
 * that fails the same event {@code maxAttempts} times dead-letters it and the route answers {@code DROP}.
 * Only the sidecar reaches these routes: the platform's {@code DaprCallbackFilter} refuses any call without the
 * app API token (ADR 033).
 */
@RestController
@ConditionalOnProperty(name = "taskstream.events.transport", havingValue = "dapr")
class DaprSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(DaprSubscriptions.class);
    private static final int TRACKED_FAILURES = 10_000;

    private final EventDispatcher dispatcher;
    private final EventsProperties properties;
    private final JsonMapper json;
    private final DeadLetterRepository deadLetters;
    private final HandlerRetries retries;
    private final Map<String, Integer> failures = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                    return size() > TRACKED_FAILURES;
                }
            });

    DaprSubscriptions(EventDispatcher dispatcher, EventsProperties properties, JsonMapper json, DeadLetterRepository deadLetters,
            HandlerRetries retries) {
        this.retries = retries;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.json = json;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/dapr/subscribe")
    List<Subscription> subscribe() {
        Set<String> seen = new LinkedHashSet<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (EventHandler handler : dispatcher.handlers()) {
            String topic = properties.topics().name(handler.topic());
            boolean shared = handler.delivery() == EventHandler.Delivery.SHARED;
            String mode = shared ? "shared" : "broadcast";
            if (seen.add(mode + "/" + topic)) {
                subscriptions.add(new Subscription(shared ? properties.dapr().pubsub() : properties.dapr().broadcastPubsub(),
                        topic, "/dapr/events/" + mode + "/" + topic, shared ? topic + ".dlt" : null));
            }
        }
        return subscriptions;
    }

    @PostMapping("/dapr/events/{mode}/{topic}")
    ResponseEntity<Map<String, String>> deliver(@PathVariable String mode, @PathVariable String topic,
            @RequestBody String body) {
        CloudEvent event;
        try {
            event = json.readValue(body, CloudEvent.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.error("Dapr delivered an unreadable event on {}; dropping it: {}", topic, e.getMessage());
            return status("DROP");
        }
        EventHandler.Delivery delivery = "broadcast".equals(mode) ? EventHandler.Delivery.BROADCAST : EventHandler.Delivery.SHARED;
        boolean retry = false;
        for (EventHandler handler : dispatcher.handlers()) {
            if (handler.delivery() != delivery || !properties.topics().name(handler.topic()).equals(topic)) {
                continue;
            }
            if (delivery == EventHandler.Delivery.SHARED) {
                retries.deliver(handler, topic, List.of(new HandlerRetries.Delivery(event, body)));
                continue;
            }
            String key = handler.name() + "/" + event.id();
            try {
                dispatcher.dispatch(handler, event);
                failures.remove(key);
            } catch (RuntimeException e) {
                int attempts = failures.merge(key, 1, Integer::sum);
                if (attempts >= properties.consumer().maxAttempts()) {
                    failures.remove(key);
                    deadLetter(handler, topic, event, body, e);
                    return status("DROP");
                }
                log.warn("Handler {} failed on event {} (attempt {}); asking Dapr to retry", handler.name(), event.id(), attempts);
                retry = true;
            }
        }
        return status(retry ? "RETRY" : "SUCCESS");
    }

    private void deadLetter(EventHandler handler, String topic, CloudEvent event, String body, RuntimeException e) {
        log.error("Handler {} gave up on event {}; dead-lettered", handler.name(), event.id(), e);
        deadLetters.record(handler, topic, event, body, e);
    }

    private static ResponseEntity<Map<String, String>> status(String status) {
        return ResponseEntity.ok(Map.of("status", status));
    }

    /** One programmatic subscription as Dapr expects it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Subscription(String pubsubname, String topic, String route, String deadLetterTopic) {
    }
}
