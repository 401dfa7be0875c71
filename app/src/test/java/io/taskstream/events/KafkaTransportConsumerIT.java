package io.taskstream.events;

import io.taskstream.support.KafkaBroker;
import io.taskstream.support.UsesKafkaBroker;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/** The same consumer guarantees through a real Kafka broker. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=kafka",
        "taskstream.events.consumer.initial-backoff=PT0.01S",
        "taskstream.events.consumer.max-backoff=PT0.05S"})
@Import(UsesKafkaBroker.class)
class KafkaTransportConsumerIT extends EventConsumerContract {

    @Override
    void deliverAgain(CloudEvent event) {
        KafkaBroker.shared().produce("task-events", event.userid(), json.writeValueAsString(event));
    }

    @Override
    boolean deadLettered(String consumer, CloudEvent event) {
        return KafkaBroker.shared().readAll("task-events.dlt", Duration.ofSeconds(1)).stream()
                .anyMatch(r -> r.value().contains(event.id()));
    }
}
