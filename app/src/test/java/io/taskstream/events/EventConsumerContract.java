package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.events.EventTestConfiguration.CrashAfterPublish;
import io.taskstream.events.EventTestConfiguration.PoisonSensitiveHandler;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.LogLines;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every transport must guarantee to consumers; each transport's test runs these same scenarios
 * against the whole application, with the real audit consumer.
 */
@Import(EventTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class EventConsumerContract {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    PoisonSensitiveHandler poison;
    @Autowired
    CrashAfterPublish crash;
    @Autowired
    MeterRegistry meters;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** Delivers the event to the consumers once more, as a redelivery after a crash would. */
    abstract void deliverAgain(CloudEvent event);

    /** Whether the event was dead-lettered by the given consumer. */
    abstract boolean deadLettered(String consumer, CloudEvent event);

    @Test
    void everyTaskChangeIsWrittenToTheHistoryOnceInOrder() {
        Session ann = api.signup();
        long id = api.as(ann).post(ann.tasks(), task("Plan trip").json()).json().get("id").asLong();
        api.as(ann).patch(ann.task(id), "{\"priority\":\"high\"}");
        api.as(ann).send(ann.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":true}");
        api.as(ann).delete(ann.task(id));

        List<String> types = Eventually.await(WAIT, () -> historyTypes(ann, id), t -> t.size() >= 4);

        assertThat(types).containsExactly("created", "updated", "completed", "deleted");
    }

    @Test
    void theSameEventDeliveredTwiceAddsOneHistoryEntry() {
        Session ann = api.signup();
        long id = api.as(ann).post(ann.tasks(), task("Once only").json()).json().get("id").asLong();
        Eventually.await(WAIT, () -> historyTypes(ann, id), t -> t.size() == 1);

        deliverAgain(createdEvent(id));

        Eventually.await(WAIT, () -> poison.handledTitles.stream().filter("Once only"::equals).count(), n -> n >= 1);
        assertThat(historyTypes(ann, id)).containsExactly("created");
        assertThat(poison.handledTitles.stream().filter("Once only"::equals)).hasSize(1);
    }

    @Test
    void anEventPublishedTwiceByACrashedRelayIsAppliedOnce() {
        Session ann = api.signup();
        crash.arm();
        long id = api.as(ann).post(ann.tasks(), task("Crash survivor").json()).json().get("id").asLong();

        Eventually.await(WAIT, () -> published(createdEvent(id)), p -> p);
        Eventually.await(WAIT, () -> historyTypes(ann, id), t -> !t.isEmpty());

        assertThat(historyTypes(ann, id)).containsExactly("created");
        assertThat(poison.handledTitles.stream().filter("Crash survivor"::equals)).hasSize(1);
    }

    @Test
    void anEventAHandlerKeepsFailingOnIsDeadLetteredAndLaterEventsStillFlow(CapturedOutput output) {
        Session ann = api.signup();
        String poisonTitle = "poison " + UUID.randomUUID();
        long poisoned = api.as(ann).post(ann.tasks(), task(poisonTitle).json()).json().get("id").asLong();
        String laterTitle = "healthy " + UUID.randomUUID();
        api.as(ann).post(ann.tasks(), task(laterTitle).json());

        Eventually.await(WAIT, () -> poison.handledTitles.contains(laterTitle), ok -> ok);
        CloudEvent event = createdEvent(poisoned);
        Eventually.await(WAIT, () -> deadLettered("poison-test", event), dead -> dead);

        assertThat(poison.handledTitles).doesNotContain(poisonTitle);
        assertThat(meters.counter("taskstream.events.dead_lettered", "consumer", "poison-test", "topic", "task-events").count())
                .isGreaterThanOrEqualTo(1);
        assertThat(historyTypes(ann, poisoned)).as("other consumers are not held back").containsExactly("created");
        assertThat(LogLines.errors(output))
                .as("one error for the operator, saying which event was given up on; no framework echo of it")
                .singleElement().asString().contains("poison-test gave up");
    }

    /**
     * One user's events that a handler keeps failing on are retried aside: another user's event is applied
     * while they are still being retried (not after all of them are dead-lettered), and they all end
     * dead-lettered. The other user shares the first one's lane where the transport has lanes.
     */
    @Test
    void oneUsersFailingEventsDoNotHoldUpAnotherUsersEvents() {
        Session ann = api.signup();
        Session bob = neighbourOf(ann);
        poison.failingUsers.add(ann.userId());
        try {
            List<Long> held = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                held.add(api.as(ann).post(ann.tasks(), task("held " + i).json()).json().get("id").asLong());
            }
            String bobTitle = "not held " + UUID.randomUUID();
            api.as(bob).post(bob.tasks(), task(bobTitle).json());

            Eventually.await(WAIT, () -> poison.handledTitles.contains(bobTitle), ok -> ok);
            List<String> annEvents = held.stream().map(id -> createdEvent(id).id()).toList();
            long deadWhenBobWasApplied = deadLetters("poison-test", annEvents);

            assertThat(deadWhenBobWasApplied).as("bob's event did not wait for ann's retries").isLessThan(held.size());
            Eventually.await(WAIT, () -> deadLetters("poison-test", annEvents), n -> n == held.size());
        } finally {
            poison.failingUsers.remove(ann.userId());
        }
    }

    /** Another user for a test of isolation between users; transports with lanes pick one sharing the user's. */
    Session neighbourOf(Session user) {
        return api.signup();
    }

    long deadLetters(String consumer, List<String> eventIds) {
        return jdbc.sql("select count(distinct event_id) from dead_letter where consumer = :consumer "
                        + "and event_id::text = any(:ids::text[])")
                .param("consumer", consumer).param("ids", io.taskstream.platform.db.SqlArrays.literal(eventIds))
                .query(Long.class).single();
    }

    List<String> historyTypes(Session user, long taskId) {
        var response = api.as(user).get(user.task(taskId) + "/history");
        if (response.status() == 404) {
            return List.of();
        }
        return response.json().valueStream().map(e -> e.get("type").asString()).toList();
    }

    CloudEvent createdEvent(long taskId) {
        return jdbc.sql("select payload::text from event_outbox where topic = 'task-events' and event_type = 'taskstream.task.created' "
                        + "and payload->>'subject' = :subject")
                .param("subject", Long.toString(taskId))
                .query((rs, n) -> json.readValue(rs.getString(1), CloudEvent.class))
                .single();
    }

    boolean published(CloudEvent event) {
        return jdbc.sql("select published_at is not null from event_outbox where event_id = :id and topic = 'task-events'")
                .param("id", event.eventId()).query(Boolean.class).single();
    }
}
