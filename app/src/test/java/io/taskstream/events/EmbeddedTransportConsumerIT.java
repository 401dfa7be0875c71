package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Session;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The consumer guarantees with the embedded transport (one process, no broker). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=embedded",
        "taskstream.events.consumer.initial-backoff=PT0.1S",
        "taskstream.events.consumer.max-backoff=PT0.2S",
        "taskstream.events.dead-letter-replay-interval=PT0.2S"})
class EmbeddedTransportConsumerIT extends EventConsumerContract {

    @Autowired
    EventDispatcher dispatcher;
    @Autowired
    List<EventHandler> handlers;

    @Test
    void aDeadLetterReplayedOnRequestReachesItsConsumerOnce() {
        Session ann = api.signup();
        String title = "poison to replay " + UUID.randomUUID();
        long id = api.as(ann).post(ann.tasks(), task(title).json()).json().get("id").asLong();
        CloudEvent event = createdEvent(id);
        Eventually.await(WAIT, () -> deadLettered("poison-test", event), dead -> dead);

        poison.healed = true;
        try {
            jdbc.sql("update dead_letter set replay_requested_at = now() where event_id = :id").param("id", event.eventId()).update();

            Eventually.await(WAIT, () -> poison.handledTitles.contains(title), ok -> ok);
            Eventually.await(WAIT, () -> jdbc.sql("select replayed_at is not null from dead_letter where event_id = :id")
                    .param("id", event.eventId()).query(Boolean.class).single(), done -> done);
        } finally {
            poison.healed = false;
        }
        assertThat(poison.handledTitles.stream().filter(title::equals)).hasSize(1);
        assertThat(historyTypes(ann, id)).containsExactly("created");
    }

    @Test
    void aBatchAppliesEachNewEventOnceAndSkipsRepeatsAndEventsAlreadyApplied() {
        Session ann = api.signup();
        long id = api.as(ann).post(ann.tasks(), task("Batched").json()).json().get("id").asLong();
        Eventually.await(WAIT, () -> historyTypes(ann, id), t -> t.size() == 1);
        CloudEvent applied = createdEvent(id);
        CloudEvent fresh = CloudEvent.of(applied.source(), applied.type(), applied.subject(), applied.time(),
                applied.userid(), applied.data());
        EventHandler audit = handlers.stream().filter(h -> h.name().equals("audit")).findFirst().orElseThrow();

        int count = dispatcher.dispatchAll(audit, List.of(fresh, applied, fresh));

        assertThat(count).isEqualTo(1);
        assertThat(historyTypes(ann, id)).containsExactly("created", "created");
    }

    @Override
    void deliverAgain(CloudEvent event) {
        handlers.stream().filter(h -> h.topic() == Topic.TASK_EVENTS).forEach(h -> dispatcher.dispatch(h, event));
    }

    @Override
    boolean deadLettered(String consumer, CloudEvent event) {
        return jdbc.sql("select count(*) from dead_letter where consumer = :consumer and event_id = :id")
                .param("consumer", consumer).param("id", event.eventId()).query(Long.class).single() == 1;
    }
}
