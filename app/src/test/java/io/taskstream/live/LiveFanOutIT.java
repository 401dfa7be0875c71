package io.taskstream.live;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.KafkaBroker;
import io.taskstream.support.UsesKafkaBroker;
import io.taskstream.support.SecondInstance;
import io.taskstream.support.SseStream;
import io.taskstream.support.SseStream.Event;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.TestInstance;

/** Two replicas on one database and one Kafka: clients of either replica see every update. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=kafka",
        "taskstream.auth.jwt-secret=" + LiveFanOutIT.SECRET})
@Import(UsesKafkaBroker.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFanOutIT {

    static final String SECRET = "fan-out-test-secret-that-is-long-enough-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    SecondInstance replica;

    @BeforeAll
    void startSecondReplica() {
        replica = SecondInstance.sharing(dataSource, "target/it-data/replica-" + System.nanoTime(),
                "--taskstream.events.transport=kafka",
                "--spring.kafka.bootstrap-servers=" + KafkaBroker.shared().bootstrapServers(),
                "--taskstream.auth.jwt-secret=" + SECRET);
    }

    @AfterAll
    void stopSecondReplica() {
        replica.close();
    }

    @Test
    void aClientOfOneReplicaSeesChangesMadeThroughTheOther() {
        HttpApi first = new HttpApi(port);
        HttpApi second = new HttpApi(replica.port());
        Session ann = first.signup();

        try (SseStream onSecond = SseStream.open(second.as(ann).request("/api/" + ann.userId() + "/stream"));
             SseStream onFirst = SseStream.open(first.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            first.as(ann).post(ann.tasks(), task("Made on the first replica").json());

            Event seenOnSecond = onSecond.next("task", Duration.ofSeconds(20));
            Event seenOnFirst = onFirst.next("task", Duration.ofSeconds(20));

            assertThat(seenOnSecond).isNotNull();
            assertThat(seenOnSecond.data()).contains("Made on the first replica");
            assertThat(seenOnFirst).isNotNull();
            assertThat(seenOnFirst.id()).isEqualTo(seenOnSecond.id());
        }
    }

    @Test
    void twoRelaysPublishEveryEventOnceAndInOrder() {
        HttpApi[] replicas = {new HttpApi(port), new HttpApi(replica.port())};
        Session bob = replicas[0].signup();
        for (int i = 0; i < 20; i++) {
            replicas[i % 2].as(bob).post(bob.tasks(), task("Task " + i).json());
        }
        Eventually.await(Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from event_outbox where message_key = :key and published_at is null")
                .param("key", bob.userId()).query(Long.class).single(), n -> n == 0);

        List<ConsumerRecord<String, String>> records = KafkaBroker.shared().readAll("task-events", Duration.ofSeconds(1))
                .stream().filter(r -> bob.userId().equals(r.key())).toList();

        assertThat(records).hasSize(20);
        assertThat(records).extracting(r -> r.value().replaceAll(".*\"title\":\"(Task \\d+)\".*", "$1"))
                .containsExactly(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "Task " + i).toArray(String[]::new));
    }

    @Test
    void aStreamOnAnotherReplicaEndsWithinAHeartbeatOfItsSessionSigningOut() {
        HttpApi first = new HttpApi(port);
        HttpApi second = new HttpApi(replica.port());
        Session ann = first.signup();
        try (SseStream onSecond = SseStream.open(second.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            assertThat(onSecond.status()).isEqualTo(200);

            assertThat(first.as(ann).post("/api/auth/logout", "").status()).isEqualTo(204);

            assertThat(onSecond.endsWithin(LiveHub.HEARTBEAT.plusSeconds(5)))
                    .as("ended by the replica's next heartbeat").isTrue();
        }
    }
}
