package io.taskstream.notification;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventDeliveries;
import io.taskstream.support.ApiIT;
import io.taskstream.support.EventSchemas;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.SseStream;
import io.taskstream.support.SseStream.Event;
import io.taskstream.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class NotificationIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFiredReminderBecomesAnInAppNotificationPushedOnTheLiveStream() {
        Session ann = api.signup("Europe/Paris");
        try (SseStream stream = SseStream.open(api.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            Instant remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
            long id = createId(ann, task("Pick up parcel").due(remindAt.plusSeconds(600).toString()).remindAt(remindAt.toString()));

            Event pushed = stream.next("notification", WAIT);

            assertThat(pushed).as("SSE event named notification").isNotNull();
            JsonNode event = HttpApi.JSON.readTree(pushed.data());
            assertThat(EventSchemas.validate(event)).as(pushed.data()).isEmpty();
            assertThat(event.get("data").get("taskId").asLong()).isEqualTo(id);
            List<JsonNode> list = notifications(ann);
            assertThat(list).hasSize(1);
            JsonNode n = list.getFirst();
            assertThat(n.get("id").asLong()).isEqualTo(event.get("data").get("id").asLong());
            assertThat(n.get("taskId").asLong()).isEqualTo(id);
            assertThat(n.get("title").asString()).isEqualTo("Pick up parcel");
            assertThat(n.get("read").asBoolean()).isFalse();
            assertThat(OffsetDateTime.parse(n.get("remindAt").asString()).toInstant()).isEqualTo(remindAt);
            assertThat(n.get("remindAt").asString()).endsWith("+01:00").as("in the user's zone");
            assertThat(n.get("firedAt").isNull()).isFalse();
            assertThat(n.get("dueAt").isNull()).isFalse();
        }
    }

    @Test
    void notificationsAreMarkedReadOneByOneOrAllAtOnce() {
        Session ann = api.signup();
        Instant at = Instant.now().plusSeconds(1);
        createId(ann, task("One").due(at.plusSeconds(600).toString()).remindAt(at.toString()));
        createId(ann, task("Two").due(at.plusSeconds(600).toString()).remindAt(at.plusMillis(200).toString()));
        List<JsonNode> list = Eventually.await(WAIT, () -> notifications(ann), l -> l.size() == 2);
        assertThat(list).extracting(n -> n.get("title").asString()).containsExactly("Two", "One");

        Response read = api.as(ann).patch("/api/" + ann.userId() + "/notifications/" + list.get(1).get("id").asLong(),
                "{\"read\":true}");
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(notifications(ann)).extracting(n -> n.get("read").asBoolean()).containsExactly(false, true);

        Response all = api.as(ann).post("/api/" + ann.userId() + "/notifications/read-all", "");
        assertThat(all.json().get("updated").asInt()).isEqualTo(1);
        assertThat(notifications(ann)).extracting(n -> n.get("read").asBoolean()).containsExactly(true, true);
        assertThat(api.as(ann).patch("/api/" + ann.userId() + "/notifications/999999999", "{\"read\":true}").status())
                .isEqualTo(404);
    }

    @Test
    void snoozingRemindsAgainLater() {
        Session ann = api.signup();
        Instant at = Instant.now().plusSeconds(1);
        createId(ann, task("Stretch").due(at.plusSeconds(600).toString()).remindAt(at.toString()));
        long first = Eventually.await(WAIT, () -> notifications(ann), l -> l.size() == 1).getFirst().get("id").asLong();

        Response snoozed = api.as(ann).post("/api/" + ann.userId() + "/notifications/" + first + "/snooze", "{\"for\":\"PT1S\"}");

        assertThat(snoozed.status()).isEqualTo(202);
        List<JsonNode> list = Eventually.await(WAIT, () -> notifications(ann), l -> l.size() == 2);
        assertThat(list.getFirst().get("title").asString()).isEqualTo("Stretch");
        assertThat(OffsetDateTime.parse(list.getFirst().get("remindAt").asString()))
                .isEqualTo(OffsetDateTime.parse(snoozed.json().get("remindAt").asString()));
        assertThat(api.as(ann).post("/api/" + ann.userId() + "/notifications/" + first + "/snooze", "{\"for\":\"soon\"}")
                .status()).isEqualTo(400);
        assertThat(api.as(ann).post("/api/" + ann.userId() + "/notifications/" + first + "/snooze", "{\"for\":\"P30D\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void aRedeliveredReminderEventAddsNoSecondNotification() {
        Session ann = api.signup();
        Instant at = Instant.now().plusSeconds(1);
        long task = createId(ann, task("Once").due(at.plusSeconds(600).toString()).remindAt(at.toString()));
        Eventually.await(WAIT, () -> notifications(ann), l -> l.size() == 1);
        EventDeliveries deliveries = new EventDeliveries(context);
        CloudEvent fired = deliveries.written("reminders", "taskstream.reminder.due", task).getFirst();
        Eventually.await(WAIT, () -> deliveries.applied("notifier", fired), applied -> applied);

        assertThat(deliveries.deliver("notifier", fired)).isFalse();
        assertThat(notifications(ann)).hasSize(1);
    }

    @Test
    void settingsDefaultToInAppAndTheWebhookSecretIsShownOnlyOnce() {
        Session ann = api.signup();
        String path = "/api/" + ann.userId() + "/notification-settings";

        JsonNode defaults = api.as(ann).get(path).json();
        Response saved = api.as(ann).put(path, "{\"inApp\":true,\"email\":{\"enabled\":true},"
                + "\"webhook\":{\"enabled\":true,\"url\":\"https://hooks.example.com/taskstream\"}}");
        JsonNode again = api.as(ann).get(path).json();
        Response kept = api.as(ann).put(path, "{\"inApp\":false,\"webhook\":{\"enabled\":true,\"url\":\"https://hooks.example.com/b\"}}");

        assertThat(defaults.get("inApp").asBoolean()).isTrue();
        assertThat(defaults.get("email").get("enabled").asBoolean()).isFalse();
        assertThat(defaults.get("webhook").get("enabled").asBoolean()).isFalse();
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("webhook").get("secret").asString()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(again.get("webhook").has("secret")).isFalse();
        assertThat(again.get("webhook").get("url").asString()).isEqualTo("https://hooks.example.com/taskstream");
        assertThat(kept.json().get("webhook").has("secret")).as("the stored secret is kept, not shown").isFalse();
        assertThat(kept.json().get("inApp").asBoolean()).isFalse();
    }

    @Test
    void invalidSettingsAreRejected() {
        Session ann = api.signup();
        String path = "/api/" + ann.userId() + "/notification-settings";

        assertThat(field(api.as(ann).put(path, "{\"webhook\":{\"enabled\":true}}"))).isEqualTo("webhook.url");
        assertThat(field(api.as(ann).put(path, "{\"webhook\":{\"enabled\":true,\"url\":\"ftp://example.com\"}}"))).isEqualTo("webhook.url");
        assertThat(field(api.as(ann).put(path, "{\"webhook\":{\"enabled\":true,\"url\":\"https://x.example\",\"secret\":\"short\"}}")))
                .isEqualTo("webhook.secret");
        assertThat(field(api.as(ann).put(path, "{\"email\":{\"enabled\":true,\"address\":\"not-an-email\"}}"))).isEqualTo("email.address");
    }

    @Test
    void byDefaultAWebhookToLoopbackIsRefusedAndNothingIsSent() {
        Session ann = api.signup();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String hook = "/internal/" + ann.userId();
            String settings = "/api/" + ann.userId() + "/notification-settings";
            for (String literal : List.of(receiver.url(hook), receiver.url(hook).replace("127.0.0.1", "[::ffff:7f00:1]"),
                    receiver.url(hook).replace("127.0.0.1", "[::127.0.0.1]"))) {
                assertThat(field(api.as(ann).put(settings, "{\"webhook\":{\"enabled\":true,\"url\":\"" + literal + "\"}}")))
                        .as("an address literal is refused when saved: " + literal).isEqualTo("webhook.url");
            }
            // a name is saved, and refused when it is called and resolves to loopback
            Response saved = api.as(ann).put(settings, "{\"webhook\":{\"enabled\":true,\"url\":\""
                    + receiver.url(hook).replace("127.0.0.1", "localhost") + "\"}}");
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            Instant at = Instant.now().plusSeconds(1);

            long task = createId(ann, task("SSRF").due(at.plusSeconds(600).toString()).remindAt(at.toString()));

            String error = Eventually.await(WAIT, () -> jdbc.sql("select coalesce(last_error, '') from notification_delivery "
                    + "where channel = 'webhook' and payload->>'taskId' = :task").param("task", Long.toString(task))
                    .query(String.class).optional().orElse(""), e -> !e.isEmpty());
            assertThat(error).contains("webhook host localhost resolves to the internal address");
            assertThat(receiver.calls(hook)).isEmpty();
        }
    }

    private static String field(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").get(0).get("field").asString();
    }

    private List<JsonNode> notifications(Session user) {
        Response response = api.as(user).get("/api/" + user.userId() + "/notifications");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().toList();
    }
}
