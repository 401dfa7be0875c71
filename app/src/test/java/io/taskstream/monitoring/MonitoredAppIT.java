package io.taskstream.monitoring;

import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import io.taskstream.support.UsesKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The application as production runs it for monitoring: Kafka transport on the suite's real broker, Actuator on a
 * management port of its own, tracing on and every request sampled (so metrics carry exemplars), and one consumer
 * that fails on every event of a task titled "poison" (so dead letters can be caused), and a chat model nothing
 * answers at (so the chat falls back to the offline engine, as when a provider is down, and fallbacks are counted).
 * Every subclass shares this one context; each starts its own Prometheus.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=kafka",
        "management.server.port=0",
        "management.tracing.export.enabled=true",
        "management.tracing.sampling.probability=1.0",
        "taskstream.ai.base-url=http://127.0.0.1:9/v1",
        "taskstream.ai.api-key=not-a-key"})
@Import({UsesKafkaBroker.class, PoisonConsumer.class})
abstract class MonitoredAppIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** Some ordinary use through the REST API: a user creates, changes, completes and deletes tasks. */
    Session someTraffic() {
        Session ann = api.signup();
        for (int i = 0; i < 3; i++) {
            long id = api.as(ann).post(ann.tasks(), TaskJson.task("Task " + i).json()).json().get("id").asLong();
            api.as(ann).patch(ann.task(id), "{\"priority\":\"high\"}");
            api.as(ann).get(ann.tasks());
            api.as(ann).send(ann.complete(id), "PATCH", "application/json", "{\"completed\":true}");
            api.as(ann).delete(ann.task(id));
        }
        api.as(ann).get(ann.task(Long.MAX_VALUE));
        return ann;
    }
}
