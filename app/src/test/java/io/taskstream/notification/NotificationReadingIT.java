package io.taskstream.notification;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.EventSchemas;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.SseStream;
import io.taskstream.support.SseStream.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** When notifications become read, and how the user's open pages learn it. */
class NotificationReadingIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void completingATaskReadsItsNotificationsOnEveryOpenPage() {
        Session ann = api.signup();
        try (SseStream page = SseStream.open(api.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            long done = remindNow(ann, "Water the plants");
            long other = remindNow(ann, "Call the bank");
            Map<Long, JsonNode> fired = Eventually.await(WAIT, () -> byTask(ann), m -> m.size() == 2);

            Response completed = api.as(ann).send(ann.complete(done), "PATCH", null, null);

            assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
            JsonNode announced = nextRead(page);
            assertThat(EventSchemas.validate(announced)).as(announced.toString()).isEmpty();
            assertThat(announced.get("data").get("read").asBoolean()).isTrue();
            assertThat(announced.get("data").get("ids").valueStream().map(JsonNode::asLong))
                    .containsExactly(fired.get(done).get("id").asLong());
            Map<Long, JsonNode> after = byTask(ann);
            assertThat(after.get(done).get("read").asBoolean()).as("the completed task's reminder").isTrue();
            assertThat(after.get(other).get("read").asBoolean()).as("another task's reminder").isFalse();
        }
    }

    @Test
    void deletingATaskReadsItsNotifications() {
        Session ann = api.signup();
        long gone = remindNow(ann, "Renew passport");
        long kept = remindNow(ann, "Book dentist");
        Eventually.await(WAIT, () -> byTask(ann), m -> m.size() == 2);

        assertThat(api.as(ann).delete(ann.task(gone)).status()).isEqualTo(204);

        Map<Long, JsonNode> after = Eventually.await(WAIT, () -> byTask(ann), m -> m.get(gone).get("read").asBoolean());
        assertThat(after.get(kept).get("read").asBoolean()).isFalse();
    }

    @Test
    void aSnoozedReminderCountsOnceWhenItFiresAgain() {
        Session ann = api.signup();
        long task = remindNow(ann, "Stretch");
        long first = Eventually.await(WAIT, () -> byTask(ann), m -> m.size() == 1).get(task).get("id").asLong();

        Response snoozed = api.as(ann).post("/api/" + ann.userId() + "/notifications/" + first + "/snooze", "{\"for\":\"PT1S\"}");

        assertThat(snoozed.status()).isEqualTo(202);
        assertThat(notifications(ann)).as("the snoozed notification is read at once")
                .allSatisfy(n -> assertThat(n.get("read").asBoolean()).isTrue());
        List<JsonNode> again = Eventually.await(WAIT, () -> notifications(ann), l -> l.size() == 2);
        assertThat(again).extracting(n -> n.get("read").asBoolean()).containsExactly(false, true);
        assertThat(again.getFirst().get("id").asLong()).isNotEqualTo(first);
    }

    @Test
    void readingOneOrAllIsAnnouncedToTheOtherPages() {
        Session ann = api.signup();
        remindNow(ann, "One");
        remindNow(ann, "Two");
        List<JsonNode> fired = Eventually.await(WAIT, () -> notifications(ann), l -> l.size() == 2);
        try (SseStream page = SseStream.open(api.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            long one = fired.get(1).get("id").asLong();

            api.as(ann).patch("/api/" + ann.userId() + "/notifications/" + one, "{\"read\":true}");
            JsonNode readOne = nextRead(page);
            api.as(ann).post("/api/" + ann.userId() + "/notifications/read-all", "");
            JsonNode readAll = nextRead(page);

            assertThat(readOne.get("data").get("ids").valueStream().map(JsonNode::asLong)).containsExactly(one);
            assertThat(readAll.get("data").get("ids").valueStream().map(JsonNode::asLong))
                    .containsExactly(fired.get(0).get("id").asLong());
        }
    }

    @Test
    void nobodyReadsAnotherUsersNotifications() {
        Session ann = api.signup();
        Session bob = api.signup();
        remindNow(ann, "Private");
        long id = Eventually.await(WAIT, () -> notifications(ann), l -> l.size() == 1).getFirst().get("id").asLong();

        Response viaOwnPath = api.as(bob).patch("/api/" + bob.userId() + "/notifications/" + id, "{\"read\":true}");
        Response viaAnnsPath = api.as(bob).patch("/api/" + ann.userId() + "/notifications/" + id, "{\"read\":true}");
        Response snooze = api.as(bob).post("/api/" + bob.userId() + "/notifications/" + id + "/snooze", "{\"for\":\"PT1M\"}");
        api.as(bob).post("/api/" + bob.userId() + "/notifications/read-all", "");

        assertThat(viaOwnPath.status()).isEqualTo(404);
        assertThat(viaAnnsPath.status()).isEqualTo(403);
        assertThat(snooze.status()).isEqualTo(404);
        assertThat(notifications(ann).getFirst().get("read").asBoolean()).isFalse();
    }

    private long remindNow(Session user, String title) {
        Instant at = Instant.now().plusSeconds(1);
        return createId(user, task(title).due(at.plusSeconds(600).toString()).remindAt(at.toString()));
    }

    /** The next {@code taskstream.notification.read} event on the stream, skipping newly fired notifications. */
    private static JsonNode nextRead(SseStream stream) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Event event = stream.next("notification", Duration.between(Instant.now(), deadline));
            if (event == null) {
                break;
            }
            JsonNode json = HttpApi.JSON.readTree(event.data());
            if (ReadAnnouncements.READ.equals(json.get("type").asString())) {
                return json;
            }
        }
        throw new AssertionError("no notification.read event within " + WAIT);
    }

    private Map<Long, JsonNode> byTask(Session user) {
        return notifications(user).stream()
                .collect(Collectors.toMap(n -> n.get("taskId").asLong(), Function.identity(), (a, b) -> a));
    }

    private List<JsonNode> notifications(Session user) {
        Response response = api.as(user).get("/api/" + user.userId() + "/notifications");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().toList();
    }
}
