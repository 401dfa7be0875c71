package io.taskstream.assistant;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Session;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The offline chat as a new user meets it: questions about the past are answered from the activity history and no
 * question ever becomes a task; a deletion is confirmed first, and for a recurring task the answer says how much of
 * its series goes.
 */
class ChatQuestionsAndDeletesIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private ChatApi chat(Session user) {
        return new ChatApi(api, user);
    }

    private long taskCount(Session user) {
        return api.as(user).get(user.tasks() + "?status=all").totalCount();
    }

    private void completeAndAwaitHistory(Session user, long id) {
        assertThat(api.as(user).patch(user.complete(id), "{\"completed\":true}").status()).isEqualTo(200);
        Eventually.await(WAIT, () -> api.as(user).get(user.task(id) + "/history"),
                r -> r.status() == 200 && r.json().valueStream().anyMatch(e -> e.get("type").asString().equals("completed")));
    }

    @Test
    void whatDidICompleteTodayAnswersFromTheHistoryAndCreatesNothing() {
        Session ann = api.signup("Europe/Berlin");
        long mom = createId(ann, task("Call mom"));
        long rent = createId(ann, task("Pay rent"));
        createId(ann, task("Still open"));
        completeAndAwaitHistory(ann, mom);
        completeAndAwaitHistory(ann, rent);
        assertThat(api.as(ann).patch(ann.complete(rent), "{\"completed\":false}").status()).isEqualTo(200);
        Eventually.await(WAIT, () -> api.as(ann).get(ann.task(rent) + "/history"), r -> r.json().size() == 3);

        JsonNode reply = chat(ann).say("what did I complete today?");

        assertThat(reply.get("toolCalls").get(0).get("name").asString()).isEqualTo("task_history");
        assertThat(reply.get("response").asString()).startsWith("You completed 1 task on ")
                .contains("Call mom (task " + mom + ")").doesNotContain("Pay rent", "Still open");
        assertThat(taskCount(ann)).as("nothing was added").isEqualTo(3);
    }

    @Test
    void questionsAboutThisWeekAndYesterdayAndOneTasksHistoryAreAnswered() {
        Session ann = api.signup("Europe/Berlin");
        long mom = createId(ann, task("Call mom"));
        completeAndAwaitHistory(ann, mom);

        JsonNode week = chat(ann).say("what did I finish this week");
        JsonNode yesterday = chat(ann).say("what did I complete yesterday?");
        JsonNode history = chat(ann).say("show the history of call mom");

        assertThat(week.get("response").asString()).contains("Call mom");
        assertThat(yesterday.get("response").asString()).startsWith("You completed no tasks on ");
        assertThat(history.get("response").asString()).startsWith("History of \"Call mom\":")
                .contains(": created", ": completed");
        assertThat(taskCount(ann)).isEqualTo(1);
    }

    @Test
    void theHistoryOfADeletedTaskIsStillToldButOnlyToItsOwner() {
        Session ann = api.signup("Europe/Berlin");
        Session bob = api.signup("Europe/Berlin");
        long id = createId(ann, task("Call grandma"));
        assertThat(api.as(ann).delete(ann.task(id)).status()).isEqualTo(204);
        Eventually.await(WAIT, () -> api.as(ann).get(ann.task(id) + "/history"), r -> r.json().size() == 2);

        JsonNode history = chat(ann).say("show the history of call grandma");
        JsonNode foreign = chat(bob).say("show the history of call grandma");

        assertThat(history.get("response").asString()).startsWith("History of \"Call grandma\":")
                .contains(": created", ": deleted");
        assertThat(foreign.get("response").asString()).doesNotContain("Call grandma")
                .startsWith("I couldn't find a task matching");
    }

    @ParameterizedTest
    @ValueSource(strings = {"when is my dentist appointment tomorrow?", "what should I cook tomorrow?",
            "do I have a meeting with Bob tomorrow at 3pm?", "did I pay rent on the 1st?", "is the report done?"})
    void aQuestionNeverBecomesATask(String question) {
        Session ann = api.signup();
        createId(ann, task("Report"));

        JsonNode reply = chat(ann).say(question);

        assertThat(reply.get("toolCalls").valueStream().map(c -> c.get("name").asString()))
                .doesNotContain("add_task", "update_task", "complete_task", "delete_task");
        assertThat(taskCount(ann)).isEqualTo(1);
        assertThat(api.as(ann).get(ann.tasks() + "?status=completed").totalCount()).isZero();
    }

    @Test
    void aDeletionIsConfirmedFirstAndANoKeepsTheTask() {
        Session ann = api.signup();
        long id = createId(ann, task("Old newsletter draft"));

        JsonNode asked = chat(ann).say("delete the newsletter");
        long conversation = asked.get("conversationId").asLong();

        assertThat(asked.get("response").asString()).isEqualTo("Delete \"Old newsletter draft\" (task " + id
                + ")? Answer yes or no.");
        assertThat(api.as(ann).get(ann.task(id)).status()).as("nothing deleted before the answer").isEqualTo(200);

        JsonNode declined = chat(ann).say(conversation, "no");
        assertThat(declined.get("response").asString()).contains("left your tasks");
        assertThat(api.as(ann).get(ann.task(id)).status()).isEqualTo(200);

        chat(ann).say(conversation, "delete the newsletter");
        JsonNode confirmed = chat(ann).say(conversation, "yes");
        assertThat(confirmed.get("response").asString()).startsWith("Deleted \"Old newsletter draft\"");
        assertThat(api.as(ann).get(ann.task(id)).status()).isEqualTo(404);
    }

    @Test
    void aNewRequestInsteadOfAnAnswerDeletesNothing() {
        Session ann = api.signup();
        long id = createId(ann, task("Old newsletter draft"));
        long conversation = chat(ann).say("delete the newsletter").get("conversationId").asLong();

        chat(ann).say(conversation, "show my tasks");
        chat(ann).say(conversation, "yes");

        assertThat(api.as(ann).get(ann.task(id)).status()).isEqualTo(200);
    }

    @Test
    void deletingARecurringTaskAsksHowMuchAndThisOneSkipsToTheNextDate() {
        Session ann = api.signup("Europe/Berlin");
        LocalDateTime due = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(9, 0);
        long id = createId(ann, task("Standup").due(due.toString()).recurrence("FREQ=WEEKLY"));

        JsonNode asked = chat(ann).say("delete the standup");
        assertThat(asked.get("response").asString()).contains("repeats weekly", "\"this one\"", "\"this and following\"",
                "\"all\"");
        JsonNode skipped = chat(ann).say(asked.get("conversationId").asLong(), "just this one");

        assertThat(skipped.get("toolCalls").get(0).get("arguments").get("scope").asString()).isEqualTo("occurrence");
        assertThat(skipped.get("response").asString()).startsWith("Skipped this occurrence of \"Standup\"");
        JsonNode task = api.as(ann).get(ann.task(id)).json();
        assertThat(OffsetDateTime.parse(task.get("dueAt").asString()).atZoneSameInstant(BERLIN).toLocalDateTime())
                .isEqualTo(due.plusWeeks(1));

        JsonNode again = chat(ann).say("delete the standup");
        JsonNode all = chat(ann).say(again.get("conversationId").asLong(), "the whole series");
        assertThat(all.get("response").asString()).startsWith("Deleted every occurrence of \"Standup\"");
        assertThat(api.as(ann).get(ann.task(id)).status()).isEqualTo(404);
    }
}
