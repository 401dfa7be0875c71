package io.taskstream.task;

import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deleting a recurring task asks how much of its series goes, as calendars do: just this occurrence (an open one
 * skips to the next), this and the following ones, or the whole series; without a scope just the task goes.
 */
class RecurringTaskDeleteIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A weekly task whose first two occurrences are done: [done, done, open], oldest first. */
    private List<Long> seriesOfThree(Session ann, LocalDateTime firstDue) {
        long first = createId(ann, task("Standup").due(firstDue.toString()).recurrence("FREQ=WEEKLY")
                .remindAt(firstDue.minusHours(1).toString()));
        complete(ann, first);
        long second = awaitSeries(ann, first, 2).get(1).get("id").asLong();
        complete(ann, second);
        long third = awaitSeries(ann, first, 3).get(2).get("id").asLong();
        return List.of(first, second, third);
    }

    @Test
    void deletingThisOccurrenceOfAnOpenTaskSkipsItToTheNextOneAndKeepsTheHistory() {
        Session ann = api.signup("Europe/Berlin");
        LocalDateTime due = nextMonday().atTime(9, 0);
        List<Long> ids = seriesOfThree(ann, due);

        Response deleted = api.as(ann).delete(ann.task(ids.get(2)) + "?scope=occurrence");

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        JsonNode skipped = fetch(ann, ids.get(2));
        assertThat(local(skipped.get("dueAt"))).isEqualTo(due.plusWeeks(3));
        assertThat(local(skipped.get("reminders").get(0).get("at"))).as("absolute reminders move with it")
                .isEqualTo(due.plusWeeks(3).minusHours(1));
        assertThat(skipped.get("completed").asBoolean()).isFalse();
        assertThat(series(ann, ids.get(2))).extracting(t -> t.get("id").asLong()).containsExactlyElementsOf(ids);
    }

    @Test
    void deletingThisAndTheFollowingOccurrencesKeepsTheEarlierOnes() {
        Session ann = api.signup("Europe/Berlin");
        List<Long> ids = seriesOfThree(ann, nextMonday().atTime(9, 0));

        Response deleted = api.as(ann).delete(ann.task(ids.get(1)) + "?scope=following");

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(api.as(ann).get(ann.task(ids.get(1))).status()).isEqualTo(404);
        assertThat(api.as(ann).get(ann.task(ids.get(2))).status()).isEqualTo(404);
        assertThat(series(ann, ids.get(0))).extracting(t -> t.get("id").asLong()).containsExactly(ids.get(0));
    }

    @Test
    void deletingTheWholeSeriesDeletesEveryOccurrenceCompletedOnesIncluded() {
        Session ann = api.signup("Europe/Berlin");
        List<Long> ids = seriesOfThree(ann, nextMonday().atTime(9, 0));
        long unrelated = createId(ann, task("Unrelated"));

        Response deleted = api.as(ann).delete(ann.task(ids.get(2)) + "?scope=series");

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        for (long id : ids) {
            assertThat(api.as(ann).get(ann.task(id)).status()).as("task %d", id).isEqualTo(404);
        }
        assertThat(api.as(ann).get(ann.task(unrelated)).status()).isEqualTo(200);
    }

    @Test
    void withoutAScopeJustTheTaskIsDeletedAsBefore() {
        Session ann = api.signup("Europe/Berlin");
        List<Long> ids = seriesOfThree(ann, nextMonday().atTime(9, 0));

        assertThat(api.as(ann).delete(ann.task(ids.get(2))).status()).isEqualTo(204);

        assertThat(series(ann, ids.get(0))).extracting(t -> t.get("id").asLong()).containsExactly(ids.get(0), ids.get(1));
    }

    @Test
    void skippingTheLastOccurrenceOfASeriesThatEndsDeletesIt() {
        Session ann = api.signup("Europe/Berlin");
        long id = createId(ann, task("Twice").due(nextMonday().atTime(9, 0).toString()).recurrence("FREQ=DAILY;COUNT=1"));

        assertThat(api.as(ann).delete(ann.task(id) + "?scope=occurrence").status()).isEqualTo(204);

        assertThat(api.as(ann).get(ann.task(id)).status()).isEqualTo(404);
    }

    @Test
    void aTaskThatDoesNotRecurIsDeletedWhateverTheScope() {
        Session ann = api.signup();
        long id = createId(ann, task("Once"));

        assertThat(api.as(ann).delete(ann.task(id) + "?scope=series").status()).isEqualTo(204);

        assertThat(api.as(ann).get(ann.task(id)).status()).isEqualTo(404);
    }

    @Test
    void anUnknownScopeIsAProblemNamingTheParameterAndDeletesNothing() {
        Session ann = api.signup();
        long id = createId(ann, task("Keep me").due(nextMonday().toString()).recurrence("FREQ=WEEKLY"));

        assertFieldErrors(api.as(ann).delete(ann.task(id) + "?scope=everything"), "validation", "scope");

        assertThat(api.as(ann).get(ann.task(id)).status()).isEqualTo(200);
    }

    @Test
    void anotherUsersSeriesCannotBeDeletedOrSkipped() {
        Session ann = api.signup("Europe/Berlin");
        Session bob = api.signup();
        LocalDateTime due = nextMonday().atTime(9, 0);
        long id = createId(ann, task("Ann's").due(due.toString()).recurrence("FREQ=WEEKLY"));

        for (String scope : List.of("occurrence", "following", "series")) {
            assertProblem(api.as(bob).delete("/api/" + bob.userId() + "/tasks/" + id + "?scope=" + scope), 404, "not-found");
            assertProblem(api.as(bob).delete(ann.task(id) + "?scope=" + scope), 403, "forbidden");
        }

        assertThat(local(fetch(ann, id).get("dueAt"))).isEqualTo(due);
    }

    private void complete(Session user, long id) {
        Response response = api.as(user).send(user.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":true}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private List<JsonNode> series(Session user, long id) {
        Response response = api.as(user).get(user.task(id) + "/series");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    private List<JsonNode> awaitSeries(Session user, long id, int size) {
        return Eventually.await(WAIT, () -> series(user, id), s -> s.size() >= size);
    }

    private static LocalDateTime local(JsonNode instant) {
        return OffsetDateTime.parse(instant.asString()).atZoneSameInstant(BERLIN).toLocalDateTime();
    }

    private static LocalDate nextMonday() {
        return LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }
}
