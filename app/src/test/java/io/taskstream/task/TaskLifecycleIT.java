package io.taskstream.task;

import static io.taskstream.support.TaskJson.task;
import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

    @Test
    void aTaskHasExactlyTheDocumentedFields() {
        Session ann = api.signup();

        JsonNode task = create(ann, task("Shape")).json();

        assertThat(task.propertyNames()).containsExactlyInAnyOrder("id", "title", "description", "completed", "priority",
                "tags", "dueAt", "allDay", "recurrence", "reminders", "seriesId", "createdAt", "updatedAt", "completedAt");
        assertThat(task.get("description").isNull()).isTrue();
        assertThat(task.get("recurrence").isNull()).isTrue();
        assertThat(task.get("reminders").isArray()).isTrue();
        assertThat(task.get("allDay").asBoolean()).isFalse();
        assertThat(task.get("completedAt").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(task.get("createdAt").asString()))
                .isEqualTo(OffsetDateTime.parse(task.get("updatedAt").asString()));
    }

    @Test
    void createdTaskIsInTheOwnersList() {
        Session ann = api.signup();
        long first = createId(ann, task("First"));
        long second = createId(ann, task("Second"));

        Response list = api.as(ann).get(ann.tasks());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("application/json");
        assertThat(list.ids()).containsExactly(first, second);
    }

    @Test
    void replacingATaskResetsEveryAbsentFieldToItsDefault() {
        Session ann = api.signup("Europe/Berlin");
        JsonNode before = create(ann, task("Plan trip").description("with maps").priority("high").tags("travel")
                .due("2026-06-01")).json();
        long id = before.get("id").asLong();
        api.as(ann).send(ann.complete(id), "PATCH", null, null);

        Response replaced = api.as(ann).put(ann.task(id), task("  Plan holiday ").json());

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        JsonNode after = replaced.json();
        assertThat(after.get("id").asLong()).isEqualTo(id);
        assertThat(after.get("title").asString()).isEqualTo("Plan holiday");
        assertThat(after.get("description").isNull()).isTrue();
        assertThat(after.get("priority").asString()).isEqualTo("none");
        assertThat(after.get("tags").isEmpty()).isTrue();
        assertThat(after.get("dueAt").isNull()).isTrue();
        assertThat(after.get("allDay").asBoolean()).isFalse();
        assertThat(after.get("completed").asBoolean()).as("completion is not an editable field").isTrue();
        assertThat(after.get("createdAt")).isEqualTo(before.get("createdAt"));
        assertThat(OffsetDateTime.parse(after.get("updatedAt").asString()))
                .isAfter(OffsetDateTime.parse(before.get("updatedAt").asString()));
        assertThat(fetch(ann, id)).isEqualTo(after);
    }

    @Test
    void replacingIsValidatedLikeCreating() {
        Session ann = api.signup();
        long id = createId(ann, task("Keep me"));

        assertFieldErrors(api.as(ann).put(ann.task(id), "{\"description\":\"no title\"}"), "validation", "title");
        assertProblem(api.as(ann).put(ann.task(id + 1_000_000), task("x").json()), 404, "not-found");

        assertThat(fetch(ann, id).get("title").asString()).isEqualTo("Keep me");
    }

    @Test
    void completionCanBeSetExplicitlyBackToPending() {
        Session ann = api.signup();
        long id = createId(ann, task("Laundry"));
        api.as(ann).send(ann.complete(id), "PATCH", null, null);

        Response reopened = api.as(ann).send(ann.complete(id), "PATCH", "application/json", "{\"completed\":false}");
        Response again = api.as(ann).send(ann.complete(id), "PATCH", "application/json", "{\"completed\":false}");

        assertThat(reopened.json().get("completed").asBoolean()).isFalse();
        assertThat(reopened.json().get("completedAt").isNull()).isTrue();
        assertThat(again.json()).as("retrying changes nothing").isEqualTo(reopened.json());
    }

    @Test
    void completionBodyIsReadStrictly() {
        Session ann = api.signup();
        long id = createId(ann, task("Strict"));

        assertFieldErrors(api.as(ann).send(ann.complete(id), "PATCH", "application/json", "{\"completed\":\"yes\"}"),
                "wrong-type", "completed");
        assertFieldErrors(api.as(ann).send(ann.complete(id), "PATCH", "application/json", "{\"done\":true}"),
                "unknown-field", "done");

        assertThat(fetch(ann, id).get("completed").asBoolean()).isFalse();
    }

    @Test
    void aTaskIdMustBeANumber() {
        Session ann = api.signup();

        assertProblem(api.as(ann).get(ann.tasks() + "/abc"), 400, "bad-parameter");
    }
}
