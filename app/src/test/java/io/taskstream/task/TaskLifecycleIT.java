package io.taskstream.task;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import org.junit.jupiter.api.Test;

class TaskLifecycleIT extends ApiIT {

    @Test
    void creatingATaskReturnsItWithLocationAndDefaults() {
        Session ann = api.signup("Europe/Berlin");

        Response created = api.as(ann).post(ann.tasks(), task("  Buy milk  ").json());

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith(ann.task(id));
        assertThat(created.json().get("title").asString()).isEqualTo("Buy milk");
        assertThat(created.json().get("priority").asString()).isEqualTo("none");
        assertThat(created.json().get("completed").asBoolean()).isFalse();
        assertThat(created.json().get("tags").isEmpty()).isTrue();
        assertThat(created.json().get("dueAt").isNull()).isTrue();
        assertThat(api.as(ann).get(ann.task(id)).json()).isEqualTo(created.json());
    }

    @Test
    void dueDateIsRenderedInTheUsersTimeZone() {
        Session ann = api.signup("America/New_York");

        Response created = create(ann, task("Call Bob").due("2026-07-01T12:00:00Z"));

        assertThat(created.json().get("dueAt").asString()).isEqualTo("2026-07-01T08:00:00-04:00");
        assertThat(created.json().get("allDay").asBoolean()).isFalse();
    }

    @Test
    void aDateWithoutTimeMakesAnAllDayTask() {
        Session ann = api.signup("Europe/Berlin");

        Response created = create(ann, task("Dentist").due("2026-03-05"));

        assertThat(created.json().get("allDay").asBoolean()).isTrue();
        assertThat(created.json().get("dueAt").asString()).isEqualTo("2026-03-05T00:00:00+01:00");
    }

    @Test
    void completingIsIdempotentWhenExplicitAndTogglesWithoutBody() {
        Session ann = api.signup();
        long id = createId(ann, task("Water plants"));

        Response done = api.as(ann).send(ann.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":true}");
        Response again = api.as(ann).send(ann.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":true}");
        Response toggled = api.as(ann).send(ann.task(id) + "/complete", "PATCH", null, null);

        assertThat(done.json().get("completed").asBoolean()).isTrue();
        assertThat(done.json().get("completedAt").isNull()).isFalse();
        assertThat(again.json().get("completedAt")).isEqualTo(done.json().get("completedAt"));
        assertThat(toggled.json().get("completed").asBoolean()).isFalse();
        assertThat(toggled.json().get("completedAt").isNull()).isTrue();
    }

    @Test
    void deletedTaskIsGone() {
        Session ann = api.signup();
        long id = createId(ann, task("Old"));

        assertThat(api.as(ann).delete(ann.task(id)).status()).isEqualTo(204);
        assertThat(api.as(ann).get(ann.task(id)).status()).isEqualTo(404);
        assertThat(api.as(ann).delete(ann.task(id)).status()).isEqualTo(404);
    }
}
