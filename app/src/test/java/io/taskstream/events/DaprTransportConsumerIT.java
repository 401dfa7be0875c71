package io.taskstream.events;

import io.taskstream.support.FakeDaprSidecar;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same consumer guarantees through Dapr pub/sub (against a sidecar speaking Dapr's HTTP API). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=dapr",
        "taskstream.events.consumer.max-attempts=3",
        "taskstream.dapr.app-api-token=" + FakeDaprSidecar.APP_API_TOKEN})
class DaprTransportConsumerIT extends EventConsumerContract {

    static final FakeDaprSidecar SIDECAR = new FakeDaprSidecar();

    @DynamicPropertySource
    static void dapr(DynamicPropertyRegistry registry) {
        registry.add("taskstream.dapr.http-port", SIDECAR::port);
    }

    @BeforeEach
    void attachSidecar() {
        SIDECAR.attach(port);
    }

    @Override
    void deliverAgain(CloudEvent event) {
        SIDECAR.redeliver("task-events", json.writeValueAsString(event));
    }

    @Override
    boolean deadLettered(String consumer, CloudEvent event) {
        boolean inTable = jdbc.sql("select count(*) from dead_letter where consumer = :consumer and event_id = :id")
                .param("consumer", consumer).param("id", event.eventId()).query(Long.class).single() == 1;
        return inTable && SIDECAR.topic("task-events.dlt").stream().anyMatch(body -> body.contains(event.id()));
    }
}
