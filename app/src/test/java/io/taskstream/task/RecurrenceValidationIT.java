package io.taskstream.task;

import static io.taskstream.support.QueryString.query;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class RecurrenceValidationIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=WEEKLY;BYSETPOS=-366;BYDAY=MO", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4", "FREQ=MONTHLY;BYSETPOS=400;BYDAY=MO", "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1"})
    void aRuleThatMatchesNoDateIsRefusedOnCreateReplaceAndPatch(String rule) {
        Session ann = api.signup();
        long id = createId(ann, task("Weekly review").due("2026-05-04T09:00:00Z").recurrence("FREQ=WEEKLY;BYDAY=MO"));

        assertProblem(post(ann, task("Review").due("2026-05-04T09:00:00Z").recurrence(rule)), "recurrence.rule", "matches no date");
        assertProblem(api.as(ann).put(ann.task(id), task("Review").due("2026-05-04T09:00:00Z").recurrence(rule).json()),
                "recurrence.rule", "matches no date");
        assertProblem(api.as(ann).patch(ann.task(id), "{\"recurrence\":{\"rule\":\"" + rule + "\"}}"),
                "recurrence.rule", "matches no date");
        assertThat(fetch(ann, id).get("recurrence").get("rule").asString()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
    }

    @Test
    void countZeroIsRefused() {
        Session ann = api.signup();

        assertProblem(post(ann, task("x").due("2026-05-01").recurrence("FREQ=WEEKLY;COUNT=0")), "recurrence.rule", "COUNT");
    }

    @Test
    void aRuleStoredBeforeRulesWereProbedPreviewsAsAConflictNamingTheRuleNotAsAServerError() {
        Session ann = api.signup();
        long id = createId(ann, task("Old data").due("2026-05-04T09:00:00Z").recurrence("FREQ=WEEKLY;BYDAY=MO"));
        jdbc.sql("update task set recurrence_rule = 'FREQ=WEEKLY;BYSETPOS=-366;BYDAY=MO' where id = :id").param("id", id).update();

        Response preview = api.as(ann).get(ann.task(id) + "/occurrences");

        assertThat(preview.status()).as(preview.toString()).isEqualTo(409);
        assertThat(preview.errorFields()).containsExactly("recurrence.rule");
        assertThat(preview.json().get("errors").get(0).get("message").asString()).contains("matches no date");
    }

    @Test
    void aRecurringTaskShowsItsNormalisedRuleAndASeries() {
        Session ann = api.signup("Europe/Berlin");

        Response created = create(ann, task("Standup").due("2026-03-02T09:00:00").recurrence("rrule:freq=weekly;byday=mo,we"));

        JsonNode recurrence = created.json().get("recurrence");
        assertThat(recurrence.get("rule").asString()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE");
        assertThat(recurrence.get("from").asString()).isEqualTo("due");
        assertThat(created.json().get("seriesId").asString()).hasSize(36);
    }

    @Test
    void recurrenceCanBeSetChangedAndRemovedByPatch() {
        Session ann = api.signup();
        long id = createId(ann, task("Water plants").due("2026-05-01T08:00:00Z"));

        Response set = api.as(ann).patch(ann.task(id), "{\"recurrence\":{\"rule\":\"FREQ=DAILY\",\"from\":\"completion\"}}");
        Response changed = api.as(ann).patch(ann.task(id), "{\"recurrence\":{\"rule\":\"FREQ=DAILY;INTERVAL=2\"}}");
        Response removed = api.as(ann).patch(ann.task(id), "{\"recurrence\":null}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("recurrence").get("from").asString()).isEqualTo("completion");
        assertThat(changed.json().get("recurrence").get("rule").asString()).isEqualTo("FREQ=DAILY;INTERVAL=2");
        assertThat(changed.json().get("recurrence").get("from").asString()).isEqualTo("completion");
        assertThat(removed.json().get("recurrence").isNull()).isTrue();
        assertThat(removed.json().get("seriesId")).as("the series stays linked").isEqualTo(set.json().get("seriesId"));
    }

    @Test
    void anInvalidRuleIsRejectedWithItsReason() {
        Session ann = api.signup();

        Response bad = api.as(ann).post(ann.tasks(), task("Bad").due("2026-05-01").recurrence("FREQ=DAILY;BYDAY=1MO").json());

        assertProblem(bad, "recurrence.rule", "BYDAY");
    }

    @Test
    void ruleSyntaxErrorsCountAndUntilTogetherAndSubHourlyRulesAreRejected() {
        Session ann = api.signup();

        assertProblem(post(ann, task("x").due("2026-05-01").recurrence("FREQ=SOMETIMES")), "recurrence.rule", "FREQ");
        assertProblem(post(ann, task("x").due("2026-05-01").recurrence("FREQ=DAILY;COUNT=3;UNTIL=20260601T000000Z")),
                "recurrence.rule", "UNTIL and COUNT");
        assertProblem(post(ann, task("x").due("2026-05-01T09:00:00Z").recurrence("FREQ=MINUTELY;INTERVAL=30")),
                "recurrence.rule", "HOURLY");
        assertProblem(post(ann, task("x").due("2026-05-01").recurrence("FREQ=HOURLY;INTERVAL=2")), "dueAt", "time of day");
        assertProblem(post(ann, task("x").due("2026-05-01").recurrence("")), "recurrence.rule", "blank");
        assertProblem(post(ann, task("x").due("2026-05-01").recurrence("FREQ=DAILY", "whenever")), "recurrence.from", "due or completion");
        assertProblem(post(ann, task("x").due("2026-05-01").raw("recurrence", "\"FREQ=DAILY\"")), "recurrence", "object");
        assertProblem(post(ann, task("x").due("2026-05-01").raw("recurrence", "{\"rule\":\"FREQ=DAILY\",\"every\":2}")),
                "recurrence.every", "not a field");
    }

    @Test
    void aRecurringTaskNeedsADueDate() {
        Session ann = api.signup();

        assertProblem(post(ann, task("No due").recurrence("FREQ=DAILY")), "dueAt", "recurring");
        long id = createId(ann, task("Due").due("2026-05-01").recurrence("FREQ=DAILY"));
        assertProblem(api.as(ann).patch(ann.task(id), "{\"dueAt\":null}"), "dueAt", "recurring");
    }

    @Test
    void theOccurrencePreviewValidatesItsCountAndShowsJustTheDueOfAnOrdinaryTask() {
        Session ann = api.signup();
        long plain = createId(ann, task("Once").due("2026-05-01T10:00:00Z"));
        long undated = createId(ann, task("Someday"));

        assertThat(api.as(ann).get(ann.task(plain) + "/occurrences").json().valueStream().map(JsonNode::asString).toList())
                .containsExactly("2026-05-01T10:00:00Z");
        assertThat(api.as(ann).get(ann.task(undated) + "/occurrences").json().isEmpty()).isTrue();
        assertProblem(api.as(ann).get(ann.task(plain) + "/occurrences?count=0"), "count", "between 1 and 100");
        assertProblem(api.as(ann).get(ann.task(plain) + "/occurrences?count=101"), "count", "between 1 and 100");
        assertThat(api.as(ann).get(ann.task(plain) + "/occurrences?count=many").status()).isEqualTo(400);
    }

    @Test
    void aRuleBeingEditedIsPreviewedFromItsFirstDueBeforeItIsSaved() {
        Session ann = api.signup("Europe/Berlin");
        String preview = "/api/" + ann.userId() + "/occurrences";

        Response dates = api.as(ann).get(preview + query("rule", "FREQ=WEEKLY;BYDAY=MO,WE").and("dueAt", "2026-03-02T09:00:00")
                .and("count", 3));

        assertThat(dates.status()).as(dates.toString()).isEqualTo(200);
        assertThat(dates.json().get("dates").valueStream().map(JsonNode::asString).toList())
                .containsExactly("2026-03-02T09:00:00+01:00", "2026-03-04T09:00:00+01:00", "2026-03-09T09:00:00+01:00");
        assertThat(api.as(ann).get(preview + query("rule", "FREQ=MONTHLY;BYMONTHDAY=1").and("dueAt", "2026-03-01")).json()
                .get("dates").valueStream().map(JsonNode::asString).toList()).as("all day, five by default")
                .containsExactly("2026-03-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00", "2026-05-01T00:00:00+02:00",
                        "2026-06-01T00:00:00+02:00", "2026-07-01T00:00:00+02:00");
        Response bad = api.as(ann).get(preview + query("rule", "FREQ=SOMETIMES").and("dueAt", "soon").and("count", 0));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("rule", "dueAt", "count");
        assertThat(api.as(ann).get(preview).errorFields()).as("a rule is needed, a first due is not").containsExactly("rule");
    }

    @Test
    void aRuleBeingEditedComesInTheWordsItsTaskWillShowOnceSaved() {
        Session ann = api.signup("Europe/Berlin");
        String preview = "/api/" + ann.userId() + "/occurrences";
        long saved = createId(ann, task("Choir").due("2026-03-20T19:00:00").recurrence("FREQ=MONTHLY;BYDAY=3FR;COUNT=5"));

        Response edited = api.as(ann).get(preview + query("rule", "rrule:freq=monthly;byday=3fr;count=5")
                .and("dueAt", "2026-03-20T19:00:00").and("count", 1));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("description").asString())
                .isEqualTo(fetch(ann, saved).get("recurrence").get("description").asString())
                .isEqualTo("Monthly on the 3rd Friday, 5 times");
        assertThat(edited.json().get("dates").valueStream().map(JsonNode::asString).toList())
                .containsExactly("2026-03-20T19:00:00+01:00");
    }

    @Test
    void aRuleWithoutAFirstDueIsDescribedWithNoDates() {
        Session ann = api.signup("Europe/Berlin");

        Response words = api.as(ann).get("/api/" + ann.userId() + "/occurrences" + query("rule", "FREQ=HOURLY;INTERVAL=2"));

        assertThat(words.status()).as(words.toString()).isEqualTo(200);
        assertThat(words.json().get("description").asString()).isEqualTo("Every 2 hours");
        assertThat(words.json().get("dates").isEmpty()).isTrue();
    }

    @Test
    void aBadRuleBeingEditedIsAProblemNamingTheRuleAndHasNoWords() {
        Session ann = api.signup("Europe/Berlin");
        String preview = "/api/" + ann.userId() + "/occurrences";

        for (String rule : new String[] {"FREQ=SOMETIMES", "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4", "FREQ=WEEKLY;BYDAY=XX"}) {
            Response bad = api.as(ann).get(preview + query("rule", rule).and("dueAt", "2026-03-01"));

            assertThat(bad.status()).as(rule + ": " + bad).isEqualTo(400);
            assertThat(bad.header("Content-Type")).as(rule).startsWith("application/problem+json");
            assertThat(bad.errorFields()).as(rule).containsExactly("rule");
            assertThat(bad.json().has("description")).as(rule).isFalse();
        }
    }

    @Test
    void anotherUsersRuleWordsAreNotOffered() {
        Session ann = api.signup("Europe/Berlin");
        Session bob = api.signup();

        Response asBob = api.as(bob).get("/api/" + ann.userId() + "/occurrences" + query("rule", "FREQ=DAILY"));

        assertThat(asBob.status()).as(asBob.toString()).isIn(403, 404);
        assertThat(asBob.body()).doesNotContain("Daily");
    }

    @Test
    void theDefaultPreviewShowsFiveOccurrences() {
        Session ann = api.signup("Europe/Berlin");
        long id = createId(ann, task("Gym").due("2026-03-27T09:00:00").recurrence("FREQ=DAILY"));

        Response preview = api.as(ann).get(ann.task(id) + "/occurrences");

        assertThat(preview.json().valueStream().map(JsonNode::asString).toList()).containsExactly(
                "2026-03-27T09:00:00+01:00", "2026-03-28T09:00:00+01:00", "2026-03-29T09:00:00+02:00",
                "2026-03-30T09:00:00+02:00", "2026-03-31T09:00:00+02:00");
    }

    private Response post(Session user, TaskJson task) {
        return api.as(user).post(user.tasks(), task.json());
    }

    private static void assertProblem(Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals(field))
                .map(e -> e.get("message").asString()).toList())
                .as(response.toString())
                .anySatisfy(message -> assertThat(message).contains(messagePart));
    }
}
