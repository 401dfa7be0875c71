package io.taskstream.task;

import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.TaskJson.patch;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PATCH of a task is a JSON Merge Patch (RFC 7396) over the task's editable fields. */
class TaskMergePatchIT extends ApiIT {

    private Session ann;
    private long id;
    private JsonNode before;

    @BeforeEach
    void annHasAFullyDescribedTask() {
        ann = api.signup("Europe/Berlin");
        before = create(ann, task("Write report").description("quarterly numbers").priority("medium")
                .tags("work", "q3").due("2026-03-05T17:00:00+01:00")).json();
        id = before.get("id").asLong();
    }

    private Response patchTask(TaskJson patch) {
        return api.as(ann).patch(ann.task(id), patch.json());
    }

    @Test
    void onlyTheFieldsInThePatchChange() {
        Response patched = patchTask(patch().priority("high"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode after = patched.json();
        assertThat(after.get("priority").asString()).isEqualTo("high");
        for (String unchanged : new String[] {"title", "description", "tags", "dueAt", "allDay", "completed", "createdAt"}) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        assertThat(fetch(ann, id)).isEqualTo(after);
    }

    @Test
    void plainJsonContentTypeIsAcceptedToo() {
        Response patched = api.as(ann).patchAsJson(ann.task(id), patch().title("  Write the report ").json());

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("title").asString()).isEqualTo("Write the report");
        assertThat(patched.json().get("description")).isEqualTo(before.get("description"));
    }

    @Test
    void nullRemovesAFieldWhichThenTakesItsDefault() {
        Response patched = patchTask(patch().nullValue("description").nullValue("priority").nullValue("tags")
                .nullValue("dueAt"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode after = patched.json();
        assertThat(after.get("description").isNull()).isTrue();
        assertThat(after.get("priority").asString()).isEqualTo("none");
        assertThat(after.get("tags").isEmpty()).isTrue();
        assertThat(after.get("dueAt").isNull()).isTrue();
        assertThat(after.get("allDay").asBoolean()).isFalse();
        assertThat(after.get("title")).isEqualTo(before.get("title"));
    }

    @Test
    void anArrayInThePatchReplacesTheWholeArray() {
        JsonNode after = patchTask(patch().tags("Home")).json();

        assertThat(after.get("tags").toString()).isEqualTo("[\"home\"]");
    }

    @Test
    void anObjectPatchedIntoAnAbsentMemberIsCreatedAndThenValidated() {
        Response patched = patchTask(patch().raw("recurrence", "{\"frequency\":\"daily\",\"interval\":null}"));

        assertFieldErrors(patched, "validation", "recurrence.frequency", "recurrence.rule");
        assertThat(fetch(ann, id)).isEqualTo(before);
    }

    @Test
    void removingReservedMembersIsFine() {
        Response patched = patchTask(patch().nullValue("recurrence").raw("reminders", "[]"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("recurrence").isNull()).isTrue();
    }

    @Test
    void anEmptyPatchChangesNothing() {
        Response patched = patchTask(patch());

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).isEqualTo(before);
    }

    @Test
    void titleCannotBeRemovedBecauseItIsRequired() {
        assertFieldErrors(patchTask(patch().nullValue("title")), "validation", "title");
        assertFieldErrors(patchTask(patch().title("   ")), "validation", "title");

        assertThat(fetch(ann, id)).isEqualTo(before);
    }

    @Test
    void unknownFieldIsRejectedByName() {
        JsonNode problem = assertFieldErrors(patchTask(patch().raw("colour", "\"red\"")), "unknown-field", "colour");

        assertThat(problem.get("detail").asString()).contains("colour");
        assertThat(fetch(ann, id)).isEqualTo(before);
    }

    @Test
    void fieldsThatAreNotEditableAreUnknownToAPatch() {
        assertFieldErrors(patchTask(patch().raw("completed", "true")), "unknown-field", "completed");
        assertFieldErrors(patchTask(patch().raw("id", "42")), "unknown-field", "id");

        assertThat(fetch(ann, id)).isEqualTo(before);
    }

    @Test
    void wrongTypeIsRejected() {
        assertFieldErrors(patchTask(patch().raw("priority", "3")), "wrong-type", "priority");
        assertFieldErrors(patchTask(patch().raw("allDay", "\"yes\"")), "wrong-type", "allDay");
        assertFieldErrors(patchTask(patch().raw("tags", "\"home\"")), "wrong-type", "tags");
        assertFieldErrors(patchTask(patch().raw("title", "{\"text\":\"x\"}")), "wrong-type", "title");

        assertThat(fetch(ann, id)).isEqualTo(before);
    }

    @Test
    void everyBadFieldOfAPatchIsListedAtOnce() {
        assertFieldErrors(patchTask(patch().raw("title", "5").raw("tags", "\"x\"")), "wrong-type", "title", "tags");
        assertFieldErrors(patchTask(patch().raw("title", "5").priority("urgent")), "validation", "title", "priority");

        assertThat(fetch(ann, id)).isEqualTo(before);
    }

    @Test
    void everyBadFieldOfAReplacementIsListedAtOnce() {
        assertFieldErrors(api.as(ann).put(ann.task(id), task("x").raw("title", "5").raw("tags", "\"x\"").json()),
                "wrong-type", "title", "tags");

        assertThat(fetch(ann, id)).isEqualTo(before);
    }

    @Test
    void aPatchThatIsNotAnObjectIsRejected() {
        for (String body : new String[] {"null", "[]", "\"title\"", "42"}) {
            Response response = api.as(ann).patch(ann.task(id), body);

            assertFieldErrors(response, "wrong-type", "body");
        }
        assertThat(fetch(ann, id)).isEqualTo(before);
    }

    @Test
    void malformedPatchIsRejected() {
        assertProblem(api.as(ann).patch(ann.task(id), "{\"title\": "), 400, "malformed-request");
    }

    @Test
    void aBlankTitleAndABadRecurrenceAreReportedTogetherByPatchAndByReplace() {
        TaskJson bad = patch().title("   ").recurrence("FREQ=SOMETIMES");

        assertFieldErrors(patchTask(bad), "validation", "title", "recurrence.rule");
        assertFieldErrors(api.as(ann).put(ann.task(id), bad.json()), "validation", "title", "recurrence.rule");
        assertThat(api.as(ann).get(ann.task(id)).json().get("title").asString()).isEqualTo("Write report");
    }

    @Test
    void patchedValuesAreValidatedAndNormalisedLikeOnCreate() {
        assertFieldErrors(patchTask(patch().priority("urgent").due("soon")), "validation", "priority", "dueAt");

        JsonNode after = patchTask(patch().due("2026-04-01T09:30:00")).json();

        assertThat(after.get("dueAt").asString()).as("a local time is in the user's zone").isEqualTo("2026-04-01T09:30:00+02:00");
    }

    @Test
    void changingAnotherFieldKeepsAnAllDayDueDate() {
        long allDay = createId(ann, task("Birthday").due("2026-03-29"));

        JsonNode after = api.as(ann).patch(ann.task(allDay), patch().title("Mum's birthday").json()).json();

        assertThat(after.get("allDay").asBoolean()).isTrue();
        assertThat(after.get("dueAt").asString()).isEqualTo("2026-03-29T00:00:00+01:00");
    }

    @Test
    void changingAnotherFieldKeepsADueTimeInTheAmbiguousHourOfADstChange() {
        // 02:30 happens twice in Berlin on 2026-10-25; +01:00 is the second time.
        long ambiguous = createId(ann, task("Night shift").due("2026-10-25T02:30:00+01:00"));
        assertThat(fetch(ann, ambiguous).get("dueAt").asString()).isEqualTo("2026-10-25T02:30:00+01:00");

        JsonNode after = api.as(ann).patch(ann.task(ambiguous), patch().priority("low").json()).json();

        assertThat(after.get("dueAt").asString()).isEqualTo("2026-10-25T02:30:00+01:00");
    }

    @Test
    void patchWithTextPlainIsUnsupported() {
        assertProblem(api.as(ann).send(ann.task(id), "PATCH", "text/plain", "{}"), 415, "unsupported-media-type");
    }
}
