package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.LatencyStats;
import io.taskstream.support.SseStream;
import io.taskstream.support.SseStream.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One user's events that a handler keeps failing on must not delay anyone else's: with the embedded
 * transport (the relay thread delivers every consumer's events), user P's failing events are retried off
 * that path while user A's own updates keep reaching A's live stream at their usual latency. Default retry
 * policy (4 attempts, 200 ms doubling to 2 s).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=embedded"})
@Import(PoisonIsolationIT.Handlers.class)
class PoisonIsolationIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    UserFailingHandler handler;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void aUsersFailingEventsAreRetriedAsideWhileAnotherUsersUpdatesKeepTheirLatencyThenDeadLetter() {
        Session p = api.signup();
        Session a = api.signup();
        handler.failingUsers.add(p.userId());
        long aTask = api.as(a).post(a.tasks(), task("A's task").json()).json().get("id").asLong();
        List<Double> latencies = new ArrayList<>();
        double maxQueue = 0;
        try (SseStream aStream = SseStream.open(api.as(a).request("/api/" + a.userId() + "/stream"))) {
            for (int i = 0; i < 10; i++) {
                api.as(p).post(p.tasks(), task("P's task " + i).json());
                String title = "A's update " + i;
                long started = System.nanoTime();
                api.as(a).patch(a.task(aTask), "{\"title\":\"" + title + "\"}");
                Event seen = nextWith(aStream, title);
                latencies.add((System.nanoTime() - started) / 1e6);
                assertThat(seen).as("A's update %d reached A's stream", i).isNotNull();
                maxQueue = Math.max(maxQueue, meters.get("taskstream.events.retry.queue").gauge().value());
            }
        }
        LatencyStats stats = LatencyStats.of(latencies);
        System.out.printf("A's update → A's stream while P's events fail: %s ms (each: %s)%n", stats.json(), latencies);
        assertThat(latencies).as("each of A's updates reaches A's stream within a second").allSatisfy(ms -> assertThat(ms).isLessThan(1000));

        List<UUID> pEvents = jdbc.sql("select event_id from event_outbox where topic = 'task-events' and message_key = :user")
                .param("user", p.userId()).query(UUID.class).list();
        assertThat(pEvents).hasSize(10);
        Eventually.await(WAIT, () -> deadLettered(pEvents), n -> n == 10);
        assertThat(handler.failures(p.userId())).as("each of P's events was tried max-attempts times (a first delivery in a "
                + "batch with other users' events fails twice: in the batch, then alone)").isBetween(40, 50);
        assertThat(jdbc.sql("select count(*) from event_retry where consumer = 'user-failing'").query(Long.class).single()).isZero();
        assertThat(maxQueue).as("P's events waited in the retry queue").isPositive();
        assertThat(meters.counter("taskstream.events.retries", "consumer", "user-failing", "outcome", "scheduled").count()).isPositive();
        assertThat(meters.counter("taskstream.events.dead_lettered", "consumer", "user-failing", "topic", "task-events").count())
                .isGreaterThanOrEqualTo(10);
        assertThat(handler.applied.stream().filter(id -> pEvents.contains(UUID.fromString(id)))).isEmpty();
    }

    @Test
    void anEventThatFailsOnceIsRetriedAsideAndAppliedExactlyOnce() {
        Session a = api.signup();
        String title = "flaky once " + UUID.randomUUID();
        long id = api.as(a).post(a.tasks(), task(title).json()).json().get("id").asLong();
        api.as(a).patch(a.task(id), "{\"priority\":\"high\"}");

        Eventually.await(WAIT, () -> handler.titles.stream().filter(title::equals).count(), n -> n >= 2);

        assertThat(handler.titles.stream().filter(title::equals)).as("created then updated, each applied once").hasSize(2);
        assertThat(handler.flakyAttempts.get(title).get()).as("one failed delivery, one retry that applied it").isEqualTo(2);
        assertThat(handler.orderOf(title)).as("the update waited behind the retried creation")
                .containsExactly("taskstream.task.created", "taskstream.task.updated");
        assertThat(jdbc.sql("select count(*) from dead_letter where consumer = 'user-failing' and payload->>'subject' = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from consumed_event c join event_outbox o on o.event_id = c.event_id "
                        + "where c.consumer = 'user-failing' and o.payload->>'subject' = :id and o.topic = 'task-events'")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRecurringTaskStoredWithARuleThatMatchesNoDateCompletesWithoutRetriesOrDeadLetters() {
        Session p = api.signup();
        long id = api.as(p).post(p.tasks(), task("Old weekly").due("2026-05-04T09:00:00Z").recurrence("FREQ=WEEKLY;BYDAY=MO").json())
                .json().get("id").asLong();
        jdbc.sql("update task set recurrence_rule = 'FREQ=WEEKLY;BYSETPOS=-366;BYDAY=MO' where id = :id").param("id", id).update();

        api.as(p).send(p.complete(id), "PATCH", "application/json", "{\"completed\":true}");

        UUID completed = Eventually.await(WAIT, () -> jdbc.sql("select event_id from event_outbox where topic = 'task-events' "
                        + "and event_type = 'taskstream.task.completed' and payload->>'subject' = :id")
                .param("id", Long.toString(id)).query(UUID.class).optional(), e -> e.isPresent()).orElseThrow();
        Eventually.await(WAIT, () -> jdbc.sql("select count(*) from consumed_event where consumer = 'recurrence' and event_id = :e")
                .param("e", completed).query(Long.class).single(), n -> n == 1);
        assertThat(jdbc.sql("select count(*) from event_retry where consumer = 'recurrence'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dead_letter where consumer = 'recurrence' and event_id = :e")
                .param("e", completed).query(Long.class).single()).isZero();
        assertThat(api.as(p).get(p.tasks()).json().size()).as("no next occurrence").isEqualTo(1);
    }

    private long deadLettered(List<UUID> events) {
        return events.stream().filter(e -> jdbc.sql("select count(*) from dead_letter where consumer = 'user-failing' and event_id = :id")
                .param("id", e).query(Long.class).single() > 0).count();
    }

    private static Event nextWith(SseStream stream, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Event event = stream.next("task", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event != null && event.data().contains(text)) {
                return event;
            }
        }
        return null;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        UserFailingHandler userFailingHandler() {
            return new UserFailingHandler();
        }
    }

    /**
     * A shared handler that fails every event of the users in {@link #failingUsers} (taking a little time, as
     * a handler that gives up deep in a library would), and fails the first delivery of events about a task
     * whose title starts with "flaky once".
     */
    static class UserFailingHandler implements EventHandler {

        final Set<String> failingUsers = ConcurrentHashMap.newKeySet();
        final List<String> applied = new CopyOnWriteArrayList<>();
        final List<String> titles = new CopyOnWriteArrayList<>();
        final List<String[]> typesByTitle = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> failuresByUser = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "user-failing";
        }

        @Override
        public Topic topic() {
            return Topic.TASK_EVENTS;
        }

        @Override
        public void handle(CloudEvent event) {
            if (failingUsers.contains(event.userid())) {
                failuresByUser.computeIfAbsent(event.userid(), u -> new AtomicInteger()).incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("cannot handle events of user " + event.userid());
            }
            String title = event.data().path("task").path("title").asString("");
            if (title.startsWith("flaky once") && "taskstream.task.created".equals(event.type())
                    && flakyAttempts.computeIfAbsent(title, t -> new AtomicInteger()).getAndIncrement() == 0) {
                throw new IllegalStateException("fails once: " + title);
            }
            applied.add(event.id());
            titles.add(title);
            typesByTitle.add(new String[] {title, event.type()});
        }

        int failures(String user) {
            AtomicInteger n = failuresByUser.get(user);
            return n == null ? 0 : n.get();
        }

        List<String> orderOf(String title) {
            return typesByTitle.stream().filter(t -> t[0].equals(title)).map(t -> t[1]).toList();
        }
    }
}
