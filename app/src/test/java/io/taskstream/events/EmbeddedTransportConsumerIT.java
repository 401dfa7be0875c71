package io.taskstream.events;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The consumer guarantees with the embedded transport (one process, no broker). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=embedded",
        "taskstream.events.consumer.initial-backoff=PT0.01S",
        "taskstream.events.consumer.max-backoff=PT0.05S"})
class EmbeddedTransportConsumerIT extends EventConsumerContract {

    @Autowired
    EventDispatcher dispatcher;
    @Autowired
    List<EventHandler> handlers;

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
