package io.taskstream.live;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.PublishedEvents;
import io.taskstream.events.Topic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of this process, per user. A new stream first replays what the client missed
 * (events after its {@code Last-Event-ID}), then receives live events; positions already sent are
 * skipped, so replay and live delivery never duplicate or reorder.
 */
@Component
class LiveHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final int REPLAY_LIMIT = 1000;

    private final Map<UUID, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final PublishedEvents published;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-heartbeat").daemon(true).factory());

    LiveHub(PublishedEvents published, MeterRegistry meters) {
        this.published = published;
        Gauge.builder("taskstream.live.streams", subscribers, m -> m.values().stream().mapToInt(List::size).sum())
                .description("open live streams on this process").register(meters);
        heartbeat.scheduleAtFixedRate(this::ping, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    SseEmitter open(UUID user, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(user, emitter);
        subscribers.computeIfAbsent(user, u -> new CopyOnWriteArrayList<>()).add(subscriber);
        Runnable remove = () -> close(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        synchronized (subscriber) {
            try {
                emitter.send(SseEmitter.event().comment("connected"));
                if (lastEventId != null) {
                    replay(subscriber, lastEventId);
                }
            } catch (IOException | IllegalStateException e) {
                close(subscriber);
            }
        }
        return emitter;
    }

    /** Pushes an event of the task-updates topic to every open stream of its user on this process. */
    void publish(CloudEvent event) {
        if (event.userid() == null) {
            return;
        }
        List<Subscriber> list = subscribers.get(UUID.fromString(event.userid()));
        if (list == null) {
            return;
        }
        for (Subscriber subscriber : list) {
            synchronized (subscriber) {
                send(subscriber, event);
            }
        }
    }

    private void replay(Subscriber subscriber, long lastEventId) throws IOException {
        if (published.oldestRetainedPosition() > lastEventId + 1) {
            subscriber.emitter.send(SseEmitter.event().name("resync").data("{\"reason\":\"history no longer kept\"}",
                    MediaType.APPLICATION_JSON));
        }
        long position = lastEventId;
        List<CloudEvent> missed;
        do {
            missed = published.after(Topic.TASK_UPDATES, subscriber.user.toString(), position, REPLAY_LIMIT);
            for (CloudEvent event : missed) {
                send(subscriber, event);
                position = Long.parseLong(event.sequence());
            }
        } while (missed.size() == REPLAY_LIMIT);
        subscriber.lastSent = Math.max(subscriber.lastSent, position);
    }

    private void send(Subscriber subscriber, CloudEvent event) {
        long position = event.sequence() == null ? -1 : Long.parseLong(event.sequence());
        if (position >= 0 && position <= subscriber.lastSent) {
            return;
        }
        try {
            SseEmitter.SseEventBuilder sse = SseEmitter.event().name(eventName(event)).data(event, MediaType.APPLICATION_JSON);
            if (position >= 0) {
                sse.id(Long.toString(position));
                subscriber.lastSent = position;
            }
            subscriber.emitter.send(sse);
        } catch (IOException | IllegalStateException e) {
            close(subscriber);
        }
    }

    /** The SSE event name: {@code notification} for notifications, {@code task} for task changes. */
    static String eventName(CloudEvent event) {
        return event.type().startsWith("taskstream.notification.") ? "notification" : "task";
    }

    private void ping() {
        subscribers.values().forEach(list -> list.forEach(subscriber -> {
            synchronized (subscriber) {
                try {
                    subscriber.emitter.send(SseEmitter.event().comment("ping"));
                } catch (IOException | IllegalStateException e) {
                    close(subscriber);
                }
            }
        }));
    }

    private void close(Subscriber subscriber) {
        List<Subscriber> list = subscribers.get(subscriber.user);
        if (list != null && list.remove(subscriber)) {
            subscriber.emitter.complete();
            subscribers.computeIfPresent(subscriber.user, (u, l) -> l.isEmpty() ? null : l);
            log.debug("Live stream of {} closed", subscriber.user);
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        subscribers.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
        subscribers.clear();
    }

    private static final class Subscriber {
        private final UUID user;
        private final SseEmitter emitter;
        private long lastSent = -1;

        Subscriber(UUID user, SseEmitter emitter) {
            this.user = user;
            this.emitter = emitter;
        }
    }
}
