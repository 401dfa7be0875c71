package io.taskstream.events;

import io.taskstream.support.KafkaBroker;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same consumer guarantees through a real Kafka broker. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=kafka",
        "taskstream.events.consumer.initial-backoff=PT0.01S",
        "taskstream.events.consumer.max-backoff=PT0.05S"})
class KafkaTransportConsumerIT extends EventConsumerContract {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
    }

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
