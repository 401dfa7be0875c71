package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.FakeDaprSidecar;
import io.taskstream.support.FakeDaprSidecar.Published;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The Dapr adapter against Dapr's documented HTTP API: how events are published, which subscriptions the
 * app declares, and how its delivery routes answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=dapr",
        "taskstream.dapr.app-api-token=" + FakeDaprSidecar.APP_API_TOKEN,
        "taskstream.dapr.api-token=" + DaprContractIT.SIDECAR_API_TOKEN})
class DaprContractIT extends ApiIT {

    static final String SIDECAR_API_TOKEN = "the-sidecars-own-token";
    static final FakeDaprSidecar SIDECAR = new FakeDaprSidecar();

    @DynamicPropertySource
    static void dapr(DynamicPropertyRegistry registry) {
        registry.add("taskstream.dapr.http-port", SIDECAR::port);
    }

    @Test
    void eventsArePublishedAsStructuredCloudEventsPartitionedByUser() {
        Session ann = api.signup();
        api.as(ann).post(ann.tasks(), task("Through Dapr").json());

        List<Published> mine = Eventually.await(Duration.ofSeconds(15), () -> SIDECAR.published().stream()
                .filter(p -> ann.userId().equals(p.metadata().get("partitionKey"))).toList(), l -> l.size() == 2);

        assertThat(mine).extracting(Published::topic).containsExactlyInAnyOrder("task-events", "task-updates");
        assertThat(mine).allSatisfy(p -> {
            assertThat(p.token()).as("the sidecar's API token, never the app's").isEqualTo(SIDECAR_API_TOKEN);
            assertThat(p.pubsub()).isEqualTo("pubsub");
            assertThat(p.contentType()).isEqualTo("application/cloudevents+json");
            JsonNode event = HttpApi.JSON.readTree(p.body());
            assertThat(event.get("specversion").asString()).isEqualTo("1.0");
            assertThat(event.get("type").asString()).isEqualTo("taskstream.task.created");
            assertThat(event.get("userid").asString()).isEqualTo(ann.userId());
        });
    }

    @Test
    void theAppDeclaresOneSubscriptionPerTopicAndDeliveryModeWithDeadLetterTopics() {
        JsonNode subscriptions = api.withHeader("dapr-api-token", FakeDaprSidecar.APP_API_TOKEN).get("/dapr/subscribe").json();

        assertThat(subscriptions.valueStream().map(s -> s.get("pubsubname").asString() + " " + s.get("topic").asString()
                + " " + s.get("route").asString() + " " + s.path("deadLetterTopic").asString("-")))
                .containsExactlyInAnyOrder(
                        "pubsub task-events /dapr/events/shared/task-events task-events.dlt",
                        "pubsub reminders /dapr/events/shared/reminders reminders.dlt",
                        "pubsub-broadcast task-updates /dapr/events/broadcast/task-updates -");
    }

    @Test
    void deliveryRoutesOnlyAcceptTheSidecarsToken() {
        String event = """
                {"specversion":"1.0","id":"7f8b3c9e-2d4a-4c1b-9e6f-1a2b3c4d5e6f","source":"/x","type":"t","data":{}}""";

        assertThat(api.send("/dapr/events/shared/task-events", "POST", "application/cloudevents+json", event).status())
                .isEqualTo(401);
        var accepted = api.send(api.request("/dapr/events/broadcast/task-updates").header("dapr-api-token", FakeDaprSidecar.APP_API_TOKEN)
                .header("Content-Type", "application/cloudevents+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(event)));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void anUnreadableEventIsDropped() {
        var response = api.send(api.request("/dapr/events/shared/task-events").header("dapr-api-token", FakeDaprSidecar.APP_API_TOKEN)
                .header("Content-Type", "application/cloudevents+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("DROP");
    }
}
