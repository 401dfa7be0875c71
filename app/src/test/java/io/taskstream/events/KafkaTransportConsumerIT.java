package io.taskstream.events;

import io.taskstream.support.KafkaBroker;
import io.taskstream.support.UsesKafkaBroker;
import io.taskstream.support.HttpApi.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.utils.Utils;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/** The same consumer guarantees through a real Kafka broker. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=kafka",
        "taskstream.events.consumer.initial-backoff=PT0.1S",
        "taskstream.events.consumer.max-backoff=PT0.2S"})
@Import(UsesKafkaBroker.class)
class KafkaTransportConsumerIT extends EventConsumerContract {

    /** A user whose events land on the same partition as the given user's (the app's 3 partitions, keyed by user id). */
    @Override
    Session neighbourOf(Session user) {
        for (int i = 0; i < 100; i++) {
            Session other = api.signup();
            if (partition(other.userId()) == partition(user.userId())) {
                return other;
            }
        }
        throw new IllegalStateException("no user on the partition of " + user.userId());
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
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
