package io.taskstream.audit;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ActivityHistoryIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void historyTellsWhatChangedWhenAndThroughWhichDoorAndSurvivesDeletion() {
        Session ann = api.signup();
        long id = createId(ann, task("Renew passport"));
        api.as(ann).patch(ann.task(id), "{\"priority\":\"high\",\"tags\":[\"admin\"]}");
        api.as(ann).delete(ann.task(id));

        JsonNode history = Eventually.await(WAIT, () -> api.as(ann).get(ann.task(id) + "/history"),
                r -> r.status() == 200 && r.json().size() == 3).json();

        assertThat(history.valueStream().map(e -> e.get("type").asString())).containsExactly("created", "updated", "deleted");
        assertThat(history.valueStream().map(e -> e.get("door").asString())).containsOnly("rest");
        assertThat(history.get(1).get("changedFields").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("priority", "tags");
        assertThat(history.get(1).get("task").get("priority").asString()).isEqualTo("high");
        assertThat(history.get(2).get("task").get("title").asString()).isEqualTo("Renew passport");
    }

    @Test
    void anotherUsersHistoryIsNotFound() {
        Session ann = api.signup();
        Session bob = api.signup();
        long id = createId(ann, task("Private"));
        Eventually.await(WAIT, () -> api.as(ann).get(ann.task(id) + "/history").status(), s -> s == 200);

        assertThat(api.as(bob).get(bob.task(id) + "/history").status()).isEqualTo(404);
        assertThat(api.as(bob).get(ann.task(id) + "/history").status()).isEqualTo(403);
    }

    @Test
    void activityListsTheUsersChangesSinceAMoment() {
        Session ann = api.signup();
        createId(ann, task("Before"));
        Eventually.await(WAIT, () -> api.as(ann).get("/api/" + ann.userId() + "/activity").json().size(), n -> n == 1);
        Instant since = Instant.now();
        createId(ann, task("After"));

        JsonNode activity = Eventually.await(WAIT,
                () -> api.as(ann).get("/api/" + ann.userId() + "/activity?since=" + since).json(), a -> a.size() == 1);

        assertThat(activity.get(0).get("task").get("title").asString()).isEqualTo("After");
        assertThat(api.as(ann).get("/api/" + ann.userId() + "/activity?since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void aSinceBeyondTheSupportedYearsIsAValidationProblemNamingIt() {
        Session ann = api.signup();

        for (String far : new String[] {"%2B294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "%2B999999999-12-31T23:59:59Z"}) {
            Response response = api.as(ann).get("/api/" + ann.userId() + "/activity?since=" + far);
            assertThat(response.status()).as(far).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("since");
        }
    }
}
