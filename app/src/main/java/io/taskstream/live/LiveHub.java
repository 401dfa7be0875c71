package io.taskstream.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.events.CloudEvent;
import io.taskstream.events.PublishedEvents;
import io.taskstream.events.Topic;
import io.taskstream.platform.QuotaProperties;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.ProblemType;
import io.taskstream.platform.security.SessionRef;
import io.taskstream.platform.security.SessionVerifier;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of this process, per user. A new stream first replays what the client missed
 * (events after its {@code Last-Event-ID}), then receives live events; positions already sent are
 * skipped, so replay and live delivery never duplicate or reorder.
 *
 * <p>Replay reads published events from the database and from a short in-memory record of the events
 * this process pushed recently: an event reaches the consumers a moment before the relay commits its
 * position, and a client reconnecting in that moment would otherwise find it in neither place.
 *
 * <p>Each stream belongs to the session that opened it (directly, or through the session that asked for its ticket)
 * and ends when that session ends (ADR 035): at once on this process when the account module says sessions of the
 * user ended ({@link #sessionsEnded}), and on every process at the next heartbeat, which asks
 * {@link SessionVerifier} about all of the process's open streams in one query. So a logout, a password change, a
 * revoked API token or a deleted account ends the streams on other replicas within one {@link #HEARTBEAT}.
 *
 * <p>On shutdown the streams are ended before the web server's graceful shutdown, which would otherwise
 * wait its whole timeout for them (they never finish by themselves); clients reconnect to another replica
 * and resume from their {@code Last-Event-ID}.
 */
@Component
class LiveHub implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /** Between pings, and between checks that the streams' sessions still stand: the bound on ending them elsewhere. */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final int REPLAY_LIMIT = 1000;
    private static final int RECENT_PER_USER = 200;
    private static final Duration RECENT_WINDOW = Duration.ofSeconds(30);

    private final Counter delivered;
    private final Counter dropped;
    private final Map<UUID, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<UUID, RecentEvents> recent = new ConcurrentHashMap<>();
    private final PublishedEvents published;
    private volatile boolean running;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-heartbeat").daemon(true).factory());

    private final int streamsPerUser;
    /** Absent only where no module keeps sessions; then streams end with their page or their timeout alone. */
    private final SessionVerifier sessions;

    LiveHub(PublishedEvents published, MeterRegistry meters, QuotaProperties quotas,
            ObjectProvider<SessionVerifier> sessions) {
        this.published = published;
        this.sessions = sessions.getIfAvailable();
        this.streamsPerUser = quotas.liveStreams();
        Gauge.builder("taskstream.live.streams", subscribers, m -> m.values().stream().mapToInt(List::size).sum())
                .description("open live streams on this process").register(meters);
        this.delivered = Counter.builder("taskstream.live.events").description("events sent to open live streams, by outcome")
                .tag("outcome", "delivered").register(meters);
        this.dropped = Counter.builder("taskstream.live.events").description("events sent to open live streams, by outcome")
                .tag("outcome", "dropped").register(meters);
        heartbeat.scheduleAtFixedRate(this::ping, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Opens a stream of the user's updates for the given session (empty: one we cannot end, the external issuer's),
     * refused when the user already has as many open on this process as the quota allows (each holds a connection
     * and a share of every event's fan-out until it ends).
     */
    SseEmitter open(UUID user, Optional<SessionRef> session, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(user, session.orElse(null), emitter);
        boolean[] refused = {false};
        subscribers.compute(user, (u, list) -> {
            List<Subscriber> streams = list == null ? new CopyOnWriteArrayList<>() : list;
            if (streams.size() >= streamsPerUser) {
                refused[0] = true;
            } else {
                streams.add(subscriber);
            }
            return streams.isEmpty() ? null : streams;
        });
        if (refused[0]) {
            throw new ClientErrorException(ProblemType.QUOTA_EXCEEDED, "You have " + streamsPerUser + " live streams "
                    + "open, as many as an account may: close one (a tab, a device) before opening another");
        }
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
        UUID user = UUID.fromString(event.userid());
        if (event.sequence() != null) {
            Recent kept = new Recent(System.nanoTime(), event);
            recent.compute(user, (u, events) -> (events == null ? new RecentEvents() : events).add(kept));
        }
        List<Subscriber> list = subscribers.get(user);
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
        TreeMap<Long, CloudEvent> pending = new TreeMap<>();
        RecentEvents kept = recent.get(subscriber.user);
        for (CloudEvent event : kept == null ? List.<CloudEvent>of() : kept.snapshot()) {
            long p = Long.parseLong(event.sequence());
            if (p > lastEventId) {
                pending.put(p, event);
            }
        }
        do {
            missed = published.after(Topic.TASK_UPDATES, subscriber.user.toString(), position, REPLAY_LIMIT);
            for (CloudEvent event : missed) {
                pending.put(Long.parseLong(event.sequence()), event);
                position = Long.parseLong(event.sequence());
            }
        } while (missed.size() == REPLAY_LIMIT);
        subscriber.lastSent = Math.max(subscriber.lastSent, lastEventId);
        pending.values().forEach(event -> send(subscriber, event));
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
            delivered.increment();
        } catch (IOException | IllegalStateException e) {
            // The stream is gone (the client left): the event is dropped; a client that comes back resumes from its last id.
            dropped.increment();
            close(subscriber);
        }
    }

    private void forgetOldEvents() {
        long cutoff = System.nanoTime() - RECENT_WINDOW.toNanos();
        recent.keySet().forEach(user -> recent.computeIfPresent(user, (u, events) -> events.forgetBefore(cutoff) ? null : events));
    }

    /** The SSE event name: {@code notification} for notifications, {@code task} for task changes. */
    static String eventName(CloudEvent event) {
        return event.type().startsWith("taskstream.notification.") ? "notification" : "task";
    }

    /** Whether the session has ended; a ticket may be redeemed after the session that asked for it ended. */
    boolean hasEnded(SessionRef session) {
        return sessions != null && !sessions.ended(Set.of(session)).isEmpty();
    }

    /**
     * Ends this process's streams of the user whose sessions have ended; the others go on. Called when the account
     * module says sessions of the user ended, so that they end here at once rather than at the next heartbeat. On
     * the heartbeat's thread: the caller (a logout) waits neither for the query nor for a slow stream.
     */
    void sessionsEnded(UUID user) {
        inBackground(() -> {
            List<Subscriber> list = subscribers.get(user);
            if (list != null) {
                endStreamsOfEndedSessions(list);
            }
        });
    }

    /** Ends every stream of the user on this process, whatever its session: the account is gone. */
    void accountDeleted(UUID user) {
        inBackground(() -> {
            List<Subscriber> list = subscribers.get(user);
            if (list != null) {
                list.forEach(this::end);
            }
        });
    }

    private void inBackground(Runnable task) {
        try {
            heartbeat.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("Could not end the live streams of ended sessions ({}); the next heartbeat tries again",
                            e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: every stream ends anyway
        }
    }

    private void endStreamsOfEndedSessions(Collection<Subscriber> streams) {
        if (sessions == null) {
            return;
        }
        List<Subscriber> checked = streams.stream().filter(s -> s.session != null).toList();
        if (checked.isEmpty()) {
            return;
        }
        Set<SessionRef> ended = sessions.ended(checked.stream().map(s -> s.session).distinct().toList());
        checked.stream().filter(s -> ended.contains(s.session)).forEach(this::end);
    }

    private void end(Subscriber subscriber) {
        synchronized (subscriber) {
            close(subscriber);
        }
    }

    private void ping() {
        forgetOldEvents();
        try {
            List<Subscriber> all = new ArrayList<>();
            subscribers.values().forEach(all::addAll);
            endStreamsOfEndedSessions(all);
        } catch (RuntimeException e) {
            log.warn("Could not check the sessions of the open live streams ({}); trying again in {}", e.toString(),
                    HEARTBEAT);
        }
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
    public void start() {
        running = true;
    }

    /** Ends every open stream, before the web server starts waiting for active requests to finish. */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(list -> list.forEach(subscriber -> {
            synchronized (subscriber) {
                close(subscriber);
            }
        }));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        subscribers.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
        subscribers.clear();
        recent.clear();
    }

    /**
     * The events last pushed to one user's streams, oldest first: at most {@link #RECENT_PER_USER}, none older
     * than {@link #RECENT_WINDOW} once the heartbeat has passed. Every operation is O(1) per event kept or dropped.
     */
    private static final class RecentEvents {

        private final ArrayDeque<Recent> events = new ArrayDeque<>();

        synchronized RecentEvents add(Recent event) {
            events.addLast(event);
            if (events.size() > RECENT_PER_USER) {
                events.pollFirst();
            }
            return this;
        }

        /** Drops the events pushed before {@code cutoff}; returns whether none is left. */
        synchronized boolean forgetBefore(long cutoff) {
            while (!events.isEmpty() && events.peekFirst().insertedNanos() < cutoff) {
                events.pollFirst();
            }
            return events.isEmpty();
        }

        synchronized List<CloudEvent> snapshot() {
            return events.stream().map(Recent::event).toList();
        }
    }

    private record Recent(long insertedNanos, CloudEvent event) {
    }

    private static final class Subscriber {
        private final UUID user;
        /** The session the stream belongs to; null for one we cannot end (the external issuer's). */
        private final SessionRef session;
        private final SseEmitter emitter;
        private long lastSent = -1;

        Subscriber(UUID user, SessionRef session, SseEmitter emitter) {
            this.user = user;
            this.session = session;
            this.emitter = emitter;
        }
    }
}
