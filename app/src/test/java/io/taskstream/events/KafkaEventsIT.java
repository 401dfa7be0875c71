package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.KafkaBroker;
import io.taskstream.support.UsesKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What reaches Kafka, read back with a plain KafkaConsumer, and what happens when the broker is down. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=kafka",
        "taskstream.events.relay.retry-backoff=PT0.2S"})
@Import(UsesKafkaBroker.class)
class KafkaEventsIT {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://taskstream.dev/schemas/events/",
                    "classpath:events/schemas/")));

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void aTaskChangeProducesExactlyOneValidCloudEventOnEachTopicKeyedByUser() {
        Session ann = api.signup();
        long id = api.as(ann).post(ann.tasks(), task("Buy milk").tags("shop").due("2026-05-01T10:00:00Z").json())
                .json().get("id").asLong();
        api.as(ann).patch(ann.task(id), "{\"title\":\"Buy oat milk\"}");
        awaitPublished(ann);

        for (String topic : List.of("task-events", "task-updates")) {
            List<ConsumerRecord<String, String>> records = recordsOf(topic, ann);
            assertThat(records).as(topic).hasSize(2);
            for (ConsumerRecord<String, String> record : records) {
                assertThat(record.key()).isEqualTo(ann.userId());
                assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                        .isEqualTo("application/cloudevents+json");
                JsonNode event = json.readTree(record.value());
                assertThat(validate(event)).as(record.value()).isEmpty();
                assertThat(event.get("subject").asString()).isEqualTo(Long.toString(id));
            }
            JsonNode updated = json.readTree(records.get(1).value());
            assertThat(updated.get("type").asString()).isEqualTo("taskstream.task.updated");
            assertThat(updated.get("data").get("changedFields").get(0).asString()).isEqualTo("title");
            assertThat(updated.get("data").get("task").get("title").asString()).isEqualTo("Buy oat milk");
        }
    }

    @Test
    void everyEventTypeIsValidAgainstItsSchema() {
        Session ann = api.signup();
        long id = api.as(ann).post(ann.tasks(), task("All types").json()).json().get("id").asLong();
        api.as(ann).patch(ann.task(id), "{\"priority\":\"low\"}");
        api.as(ann).send(ann.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":true}");
        api.as(ann).send(ann.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":false}");
        api.as(ann).delete(ann.task(id));
        awaitPublished(ann);

        List<ConsumerRecord<String, String>> records = recordsOf("task-events", ann);

        assertThat(records).extracting(r -> json.readTree(r.value()).get("type").asString()).containsExactly(
                "taskstream.task.created", "taskstream.task.updated", "taskstream.task.completed",
                "taskstream.task.uncompleted", "taskstream.task.deleted");
        records.forEach(r -> assertThat(validate(json.readTree(r.value()))).as(r.value()).isEmpty());
    }

    @Test
    void whileTheBrokerIsDownTheApiWorksAndEveryEventArrivesOnceInOrderAfterItIsBack() {
        Session ann = api.signup();
        KafkaBroker.shared().stop();
        List<Integer> statuses = new ArrayList<>();
        long id;
        try {
            var created = api.as(ann).post(ann.tasks(), task("Offline 0").json());
            statuses.add(created.status());
            id = created.json().get("id").asLong();
            for (int i = 1; i <= 4; i++) {
                statuses.add(api.as(ann).patch(ann.task(id), "{\"title\":\"Offline " + i + "\"}").status());
            }
            assertThat(pending(ann)).as("events wait in the outbox").isEqualTo(10);
        } finally {
            KafkaBroker.shared().start();
        }
        awaitPublished(ann);

        List<ConsumerRecord<String, String>> records = recordsOf("task-events", ann);

        assertThat(statuses).containsOnly(201, 200).hasSize(5);
        assertThat(records).extracting(r -> json.readTree(r.value()).get("data").get("task").get("title").asString())
                .containsExactly("Offline 0", "Offline 1", "Offline 2", "Offline 3", "Offline 4");
        assertThat(records).extracting(r -> json.readTree(r.value()).get("id").asString()).doesNotHaveDuplicates();
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.getFirst().partition());
        Eventually.await(Duration.ofSeconds(30), () -> api.as(ann).get(ann.task(id) + "/history").json().size(), n -> n == 5);
    }

    @Test
    void theSchemasRejectAnEventThatBreaksTheContract() {
        JsonNode broken = json.readTree("""
                {"specversion":"1.0","id":"not-a-uuid","source":"/taskstream/tasks","type":"taskstream.task.created",
                 "subject":"1","time":"2026-01-01T00:00:00Z","datacontenttype":"application/json",
                 "userid":"0b7e9d4e-4b8c-4a53-9a3f-2f0e4d8a1c11",
                 "data":{"eventType":"completed","taskId":1,"userId":"0b7e9d4e-4b8c-4a53-9a3f-2f0e4d8a1c11",
                         "timestamp":"2026-01-01T00:00:00Z","door":"fax"}}
                """);

        assertThat(validate(broken)).extracting(e -> e.toString()).anySatisfy(m -> assertThat(m).contains("id"))
                .anySatisfy(m -> assertThat(m).contains("task")).anySatisfy(m -> assertThat(m).contains("door"));
    }

    private List<ConsumerRecord<String, String>> recordsOf(String topic, Session user) {
        return KafkaBroker.shared().readAll(topic, Duration.ofSeconds(1)).stream()
                .filter(r -> user.userId().equals(r.key()))
                .toList();
    }

    private long pending(Session user) {
        return jdbc.sql("select count(*) from event_outbox where message_key = :key and published_at is null")
                .param("key", user.userId()).query(Long.class).single();
    }

    private void awaitPublished(Session user) {
        Eventually.await(Duration.ofSeconds(60), () -> pending(user), n -> n == 0);
    }

    private static List<com.networknt.schema.Error> validate(JsonNode event) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of(
                "https://taskstream.dev/schemas/events/" + event.get("type").asString() + ".schema.json"));
        return schema.validate(event, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }
}
