package io.taskstream.task;

import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a task's fields accept, how they are normalised and how they are rendered. */
class TaskFieldsIT extends ApiIT {

    private Session ann;

    @BeforeEach
    void signUp() {
        ann = api.signup("Europe/Berlin");
    }

    private Response post(TaskJson task) {
        return api.as(ann).post(ann.tasks(), task.json());
    }

    private void assertNothingCreated() {
        assertThat(api.as(ann).get(ann.tasks()).totalCount()).isZero();
    }

    @Test
    void titleIsTrimmedAndMayHaveTwoHundredCharacters() {
        assertThat(create(ann, task("\t Tidy up \n")).json().get("title").asString()).isEqualTo("Tidy up");
        assertThat(create(ann, task("t".repeat(200))).json().get("title").asString()).hasSize(200);
        assertThat(create(ann, task("  " + "t".repeat(200) + "  ")).json().get("title").asString()).hasSize(200);
    }

    @Test
    void lengthsCountCharactersNotUtf16CodeUnits() {
        String twoHundredEmoji = "\uD83D\uDE00".repeat(200);

        assertThat(create(ann, task(twoHundredEmoji)).json().get("title").asString()).isEqualTo(twoHundredEmoji);
        assertThat(create(ann, task("x").description("\uD835\uDC9C".repeat(4000))).json().get("description").asString())
                .hasSize(8000);
        assertFieldErrors(post(task(twoHundredEmoji + "!")), "validation", "title");
    }

    @Test
    void titleIsRequiredNotBlankAndAtMostTwoHundredCharacters() {
        assertFieldErrors(api.as(ann).post(ann.tasks(), "{}"), "validation", "title");
        assertFieldErrors(post(task(null)), "validation", "title");
        assertFieldErrors(post(task("   ")), "validation", "title");
        assertFieldErrors(post(task("t".repeat(201))), "validation", "title");
        assertNothingCreated();
    }

    @Test
    void descriptionMayBeNullOrUpToFourThousandCharacters() {
        assertThat(create(ann, task("a").description(null)).json().get("description").isNull()).isTrue();
        assertThat(create(ann, task("b").description("d".repeat(4000))).json().get("description").asString()).hasSize(4000);
        assertFieldErrors(post(task("c").description("d".repeat(4001))), "validation", "description");
    }

    @Test
    void priorityIsOneOfFourNames() {
        for (String priority : new String[] {"none", "low", "medium", "high"}) {
            assertThat(create(ann, task(priority).priority(priority)).json().get("priority").asString()).isEqualTo(priority);
        }
        assertFieldErrors(post(task("x").priority("urgent")), "validation", "priority");
        assertFieldErrors(post(task("x").priority("")), "validation", "priority");
    }

    @Test
    void tagsAreStoredLowercaseWithoutDuplicatesInTheOrderGiven() {
        JsonNode task = create(ann, task("Tagged").tags("Home", "errands", "HOME", "a-b_C9", "home")).json();

        assertThat(task.get("tags").toString()).isEqualTo("[\"home\",\"errands\",\"a-b_c9\"]");
        assertThat(fetch(ann, task.get("id").asLong()).get("tags")).isEqualTo(task.get("tags"));
    }

    @Test
    void tagsAreOneToFortyLettersDigitsDashesOrUnderscores() {
        assertThat(create(ann, task("Long tag").tags("x".repeat(40))).json().get("tags").get(0).asString()).hasSize(40);
        assertThat(create(ann, task("Unicode tag").tags("Café")).json().get("tags").get(0).asString()).isEqualTo("café");

        assertFieldErrors(post(task("x").tags("x".repeat(41))), "validation", "tags[0]");
        assertFieldErrors(post(task("x").tags("ok", "with space", "", "semi;colon")), "validation",
                "tags[1]", "tags[2]", "tags[3]");
        assertFieldErrors(post(task("x").raw("tags", "[\"ok\", null]")), "validation", "tags[1]");
    }

    @Test
    void atMostTwentyDistinctTags() {
        String[] twenty = IntStream.range(0, 20).mapToObj(i -> "t" + i).toArray(String[]::new);
        String[] twentyOne = IntStream.range(0, 21).mapToObj(i -> "t" + i).toArray(String[]::new);
        String[] twentyWithCaseDuplicates = IntStream.range(0, 25).mapToObj(i -> i < 20 ? "t" + i : "T" + (i - 20))
                .toArray(String[]::new);

        assertThat(create(ann, task("20").tags(twenty)).json().get("tags").size()).isEqualTo(20);
        assertThat(create(ann, task("dupes").tags(twentyWithCaseDuplicates)).json().get("tags").size()).isEqualTo(20);
        assertFieldErrors(post(task("21").tags(twentyOne)), "validation", "tags");
    }

    @Test
    void dueAtWithAnOffsetIsRenderedInTheUsersZone() {
        JsonNode task = create(ann, task("Offset").due("2026-07-01T12:00:00Z")).json();

        assertThat(task.get("dueAt").asString()).isEqualTo("2026-07-01T14:00:00+02:00");
        assertThat(task.get("allDay").asBoolean()).isFalse();
    }

    @Test
    void dueAtWithoutOffsetIsALocalTimeInTheUsersZone() {
        assertThat(create(ann, task("Winter").due("2026-01-10T08:15:00")).json().get("dueAt").asString())
                .isEqualTo("2026-01-10T08:15:00+01:00");
        assertThat(create(ann, task("Summer").due("2026-07-10T08:15")).json().get("dueAt").asString())
                .isEqualTo("2026-07-10T08:15:00+02:00");
    }

    @Test
    void aDateMakesAnAllDayTaskAtTheStartOfThatDayInTheUsersZone() {
        JsonNode task = create(ann, task("Holiday").due("2026-08-15")).json();

        assertThat(task.get("allDay").asBoolean()).isTrue();
        assertThat(task.get("dueAt").asString()).isEqualTo("2026-08-15T00:00:00+02:00");
    }

    @Test
    void allDayWithADateTimeKeepsOnlyItsDate() {
        JsonNode task = create(ann, task("All day").due("2026-08-15T18:00:00+02:00").allDay(true)).json();

        assertThat(task.get("allDay").asBoolean()).isTrue();
        assertThat(task.get("dueAt").asString()).isEqualTo("2026-08-15T00:00:00+02:00");
    }

    @Test
    void allDayWithoutADueDateIsNotAllDay() {
        assertThat(create(ann, task("Someday").allDay(true)).json().get("allDay").asBoolean()).isFalse();
    }

    @Test
    void dueAtKeepsTheInstantOfAnExplicitOffsetEvenInTheAmbiguousHour() {
        assertThat(create(ann, task("First 02:30").due("2026-10-25T02:30:00+02:00")).json().get("dueAt").asString())
                .isEqualTo("2026-10-25T02:30:00+02:00");
        assertThat(create(ann, task("Second 02:30").due("2026-10-25T01:30:00Z")).json().get("dueAt").asString())
                .isEqualTo("2026-10-25T02:30:00+01:00");
    }

    @Test
    void badDatesAreRejected() {
        for (String bad : new String[] {"tomorrow", "2026-02-30", "2026-13-01T10:00:00Z", "05/03/2026", "2026-03-05T25:00",
                "2026-03-05T10:00:00+0100", ""}) {
            assertFieldErrors(post(task("x").due(bad)), "validation", "dueAt");
        }
        assertNothingCreated();
    }

    @Test
    void recurrenceAndRemindersAreValidatedMemberByMember() {
        assertFieldErrors(post(task("x").due("2026-03-05").raw("recurrence", "{\"frequency\":\"daily\"}")), "validation",
                "recurrence.frequency", "recurrence.rule");
        assertFieldErrors(post(task("x").due("2026-03-05").raw("reminders", "[{\"before\":\"soon\"}]")), "validation",
                "reminders[0].before");
        JsonNode ok = create(ann, task("ok").nullValue("recurrence").raw("reminders", "[]")).json();
        assertThat(ok.get("recurrence").isNull()).isTrue();
        assertThat(ok.get("reminders").isEmpty()).isTrue();
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        Response response = post(task("   ").description("d".repeat(4001)).priority("urgent").tags("fine", "not fine")
                .due("someday").raw("recurrence", "{\"x\":1}"));

        JsonNode problem = assertFieldErrors(response, "validation",
                "title", "description", "priority", "tags[1]", "dueAt", "recurrence.x", "recurrence.rule");
        assertThat(problem.get("detail").asString()).contains("7");
        assertNothingCreated();
    }

    @Test
    void jsonTypesAreNotCoerced() {
        assertFieldErrors(post(task("x").raw("title", "42")), "wrong-type", "title");
        assertFieldErrors(post(task("x").raw("title", "true")), "wrong-type", "title");
        assertFieldErrors(post(task("x").raw("tags", "\"home\"")), "wrong-type", "tags");
        assertFieldErrors(post(task("x").raw("tags", "[1]")), "wrong-type", "tags[0]");
        assertFieldErrors(post(task("x").raw("allDay", "\"true\"")), "wrong-type", "allDay");
        assertFieldErrors(post(task("x").raw("allDay", "1")), "wrong-type", "allDay");
        assertFieldErrors(post(task("x").raw("description", "[\"a\"]")), "wrong-type", "description");
        assertFieldErrors(post(task("x").raw("dueAt", "20260305")), "wrong-type", "dueAt");
        assertNothingCreated();
    }

    @Test
    void everyWrongTypedFieldIsListedAtOnce() {
        JsonNode problem = assertFieldErrors(post(task("x").raw("title", "5").raw("tags", "\"x\"")), "wrong-type",
                "title", "tags");

        assertThat(problem.get("detail").asString()).contains("2");
        assertFieldErrors(post(task("x").raw("tags", "[1, \"ok\", true]")), "wrong-type", "tags[0]", "tags[2]");
        assertNothingCreated();
    }

    @Test
    void aWrongTypeAndAnInvalidValueAreListedTogether() {
        assertFieldErrors(post(task("x").raw("title", "5").priority("urgent")), "validation", "title", "priority");
        assertFieldErrors(post(task("x").raw("allDay", "1").due("someday")), "validation", "allDay", "dueAt");
        assertNothingCreated();
    }

    @Test
    void aWrongTypeAndAnUnknownFieldAreListedTogether() {
        assertFieldErrors(post(task("x").raw("title", "5").raw("colour", "\"red\"")), "validation", "title", "colour");
        assertNothingCreated();
    }

    @Test
    void unknownFieldsAreRejectedByName() {
        JsonNode problem = assertFieldErrors(post(task("x").raw("colour", "\"red\"")), "unknown-field", "colour");

        assertThat(problem.get("detail").asString()).contains("colour");
        assertFieldErrors(post(task("x").raw("completed", "true")), "unknown-field", "completed");
        assertNothingCreated();
    }

    @Test
    void aNulInATitleIsAValidationProblemNamingTheField() {
        assertFieldErrors(post(task("milk\u0000")), "validation", "title");
        assertFieldErrors(post(task("x").description("a\u0000b").tags("ok", "n\u0000")), "validation", "description",
                "tags[1]");
        assertFieldErrors(api.as(ann).post(ann.tasks(), "{\"title\":\"half an emoji \\ud83d\"}"), "validation", "title");
        assertNothingCreated();
    }

    @Test
    void aNulIsListedWithEveryOtherBadField() {
        assertFieldErrors(api.as(ann).post(ann.tasks(), "{\"title\":\"a\\u0000\",\"priority\":\"urgent\",\"tags\":5,\"x\":1}"),
                "validation", "title", "priority", "tags", "x");
        assertNothingCreated();
    }

    @Test
    void aDueOrReminderBeyondTheSupportedYearsIsAValidationProblemNamingTheField() {
        for (String far : new String[] {"+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            JsonNode problem = assertFieldErrors(post(task("x").due(far)), "validation", "dueAt");
            assertThat(problem.get("errors").get(0).get("message").asString()).contains("0001", "9999");
            assertFieldErrors(post(task("x").remindAt(far)), "validation", "reminders[0].at");
        }
        assertFieldErrors(post(task("x").due("+999999999-12-31T23:59:59-18:00").allDay(true)), "validation", "dueAt");
        assertNothingCreated();
        assertThat(create(ann, task("first").due("0001-01-01T00:00:00Z")).status()).isEqualTo(201);
        assertThat(create(ann, task("last").due("9999-12-31T23:59:59Z")).status()).isEqualTo(201);
    }
}
