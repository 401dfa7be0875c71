package io.taskstream.assistant;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatIT extends ApiIT {

    private ChatApi chat(Session user) {
        return new ChatApi(api, user);
    }

    @Test
    void addingATaskThroughChatCreatesItAndShowsTheToolCall() {
        Session ann = api.signup("Europe/Berlin");

        JsonNode reply = chat(ann).say("Buy milk tomorrow at 5pm #errands p2");

        assertThat(reply.get("conversationId").asLong()).isPositive();
        JsonNode call = reply.get("toolCalls").get(0);
        assertThat(call.get("name").asString()).isEqualTo("add_task");
        assertThat(call.get("arguments").get("title").asString()).isEqualTo("Buy milk");
        assertThat(call.get("result").get("status").asString()).isEqualTo("created");
        long id = call.get("result").get("task_id").asLong();
        assertThat(reply.get("response").asString()).startsWith("Added \"Buy milk\" (task " + id + ")");
        JsonNode task = api.as(ann).get(ann.task(id)).json();
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();
        assertThat(task.get("dueAt").asString()).startsWith(tomorrow + "T17:00:00");
        assertThat(task.get("priority").asString()).isEqualTo("medium");
        assertThat(task.get("tags").get(0).asString()).isEqualTo("errands");
    }

    @Test
    void anHourlyTaskIsAddedThroughChatAndTheReplySaysHowItRepeats() {
        Session ann = api.signup("Europe/Berlin");

        JsonNode reply = chat(ann).say("add stretch every 2 hours");

        JsonNode call = reply.get("toolCalls").get(0);
        assertThat(call.get("result").get("status").asString()).as(reply.toString()).isEqualTo("created");
        long id = call.get("result").get("task_id").asLong();
        assertThat(reply.get("response").asString()).startsWith("Added \"stretch\" (task " + id + ")")
                .endsWith(", repeats every 2 hours.");
        JsonNode task = api.as(ann).get(ann.task(id)).json();
        assertThat(task.get("recurrence").get("rule").asString()).isEqualTo("FREQ=HOURLY;INTERVAL=2");
        assertThat(task.get("recurrence").get("description").asString()).isEqualTo("Every 2 hours");
        assertThat(task.get("allDay").asBoolean()).isFalse();
    }

    @Test
    void changesMadeThroughChatAreRecordedWithTheChatDoor() {
        Session ann = api.signup();
        long id = chat(ann).say("add Renew passport").get("toolCalls").get(0).get("result").get("task_id").asLong();

        JsonNode history = Eventually.await(Duration.ofSeconds(15), () -> api.as(ann).get(ann.task(id) + "/history"),
                r -> r.status() == 200 && r.json().size() == 1).json();

        assertThat(history.get(0).get("door").asString()).isEqualTo("chat");
    }

    @Test
    void listingShowsOpenTasks() {
        Session ann = api.signup();
        createId(ann, task("Water plants"));
        long done = createId(ann, task("File taxes"));
        api.as(ann).send(ann.task(done) + "/complete", "PATCH", "application/json", "{\"completed\":true}");

        JsonNode reply = chat(ann).say("show my tasks");

        assertThat(reply.get("toolCalls").get(0).get("name").asString()).isEqualTo("list_tasks");
        assertThat(reply.get("response").asString()).contains("Water plants").doesNotContain("File taxes");
    }

    @Test
    void completingByTitleFindsTheTask() {
        Session ann = api.signup();
        long id = createId(ann, task("Buy groceries"));
        createId(ann, task("Call mom"));

        JsonNode reply = chat(ann).say("mark the groceries task as done");

        assertThat(reply.get("toolCalls").get(0).get("result").get("task_id").asLong()).isEqualTo(id);
        assertThat(reply.get("response").asString()).contains("as done");
        assertThat(api.as(ann).get(ann.task(id)).json().get("completed").asBoolean()).isTrue();
    }

    @Test
    void deletingByTitleRemovesOnlyThatTask() {
        Session ann = api.signup();
        long old = createId(ann, task("Old newsletter draft"));
        long keep = createId(ann, task("Call mom"));

        JsonNode asked = chat(ann).say("delete the newsletter task");
        JsonNode reply = chat(ann).say(asked.get("conversationId").asLong(), "yes");

        assertThat(reply.get("toolCalls").get(0).get("result").get("status").asString()).isEqualTo("deleted");
        assertThat(api.as(ann).get(ann.task(old)).status()).isEqualTo(404);
        assertThat(api.as(ann).get(ann.task(keep)).status()).isEqualTo(200);
    }

    @Test
    void updatingReschedulesAndRenames() {
        Session ann = api.signup("Europe/Berlin");
        long id = createId(ann, task("Dentist"));

        chat(ann).say("move the dentist to 2031-03-07 at 3pm");
        JsonNode renamed = chat(ann).say("rename task " + id + " to Dentist checkup");

        JsonNode task = api.as(ann).get(ann.task(id)).json();
        assertThat(task.get("dueAt").asString()).isEqualTo("2031-03-07T15:00:00+01:00");
        assertThat(task.get("title").asString()).isEqualTo("Dentist checkup");
        assertThat(renamed.get("toolCalls").get(0).get("name").asString()).isEqualTo("update_task");
    }

    @Test
    void movingATaskToADayKeepsItsTimeOfDayAndAnAllDayTaskStaysAllDay() {
        Session ann = api.signup("Europe/Berlin");
        long plants = createId(ann, task("Water the plants").due("2031-03-05T09:00:00+01:00"));
        long rent = createId(ann, task("Pay rent").due("2031-03-05"));

        chat(ann).say("move water the plants to friday");
        chat(ann).say("move pay rent to friday");

        JsonNode moved = api.as(ann).get(ann.task(plants)).json();
        OffsetDateTime due = OffsetDateTime.parse(moved.get("dueAt").asString());
        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(due.toLocalDate()).isAfterOrEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")));
        assertThat(due.toLocalTime()).as(moved.toString()).isEqualTo(LocalTime.of(9, 0));
        assertThat(moved.get("allDay").asBoolean()).isFalse();
        JsonNode allDay = api.as(ann).get(ann.task(rent)).json();
        assertThat(allDay.get("allDay").asBoolean()).as(allDay.toString()).isTrue();
        assertThat(allDay.get("dueAt").asString()).isEqualTo(due.toLocalDate() + "T00:00:00+01:00");
    }

    @Test
    void anAmbiguousReferenceIsAskedBackAndTheNextMessageAnswersIt() {
        Session ann = api.signup();
        long first = createId(ann, task("Buy groceries for the party"));
        long second = createId(ann, task("Buy groceries for the week"));

        JsonNode question = chat(ann).say("complete the groceries task");
        long conversation = question.get("conversationId").asLong();
        JsonNode answer = chat(ann).say(conversation, "the second one");

        assertThat(question.get("toolCalls").get(0).get("result").get("status").asString()).isEqualTo("ambiguous");
        assertThat(question.get("response").asString()).startsWith("Which one do you mean?")
                .contains("1. Buy groceries", "2. Buy groceries");
        JsonNode candidates = question.get("toolCalls").get(0).get("result").get("candidates");
        long chosen = candidates.get(1).get("task_id").asLong();
        assertThat(answer.get("toolCalls").get(0).get("result").get("task_id").asLong()).isEqualTo(chosen);
        assertThat(api.as(ann).get(ann.task(chosen)).json().get("completed").asBoolean()).isTrue();
        long other = chosen == first ? second : first;
        assertThat(api.as(ann).get(ann.task(other)).json().get("completed").asBoolean()).isFalse();
    }

    @Test
    void aQuestionCanBeAnsweredWithATaskIdOrCancelled() {
        Session ann = api.signup();
        createId(ann, task("Report for Alice"));
        long bob = createId(ann, task("Report for Bob"));
        createId(ann, task("Report for Carol"));

        long conversation = chat(ann).say("delete the report").get("conversationId").asLong();
        chat(ann).say(conversation, "task " + bob);
        JsonNode byId = chat(ann).say(conversation, "yes");
        long again = chat(ann).say("delete the report").get("conversationId").asLong();
        JsonNode cancelled = chat(ann).say(again, "never mind");

        assertThat(byId.get("response").asString()).startsWith("Deleted \"Report for Bob\"");
        assertThat(cancelled.get("toolCalls").isEmpty()).isTrue();
        assertThat(cancelled.get("response").asString()).contains("left your tasks");
    }

    @Test
    void theConversationIsStoredAndListed() {
        Session ann = api.signup();
        ChatApi chat = chat(ann);

        long id = chat.say("add Buy milk").get("conversationId").asLong();
        chat.say(id, "show my tasks");

        JsonNode messages = chat.messages(id).json();
        assertThat(messages.valueStream().map(m -> m.get("role").asString()))
                .containsExactly("user", "tool", "assistant", "user", "tool", "assistant");
        assertThat(messages.get(0).get("content").asString()).isEqualTo("add Buy milk");
        assertThat(messages.get(1).get("content").asString()).contains("\"name\":\"add_task\"");
        assertThat(messages.get(0).get("conversationId").asLong()).isEqualTo(id);
        assertThat(messages.get(0).get("userId").asString()).isEqualTo(ann.userId());
        JsonNode conversations = chat.conversations().json();
        assertThat(conversations.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(conversations.get(0).get("preview").asString()).isEqualTo("add Buy milk");
    }

    @Test
    void aDeletedConversationIsGone() {
        Session ann = api.signup();
        long id = chat(ann).say("hello").get("conversationId").asLong();

        assertThat(chat(ann).delete(id).status()).isEqualTo(204);
        assertThat(chat(ann).messages(id).status()).isEqualTo(404);
        assertThat(chat(ann).send(id, "hi").status()).isEqualTo(404);
    }

    @Test
    void anUnknownConversationIsNotFound() {
        Session ann = api.signup();

        Response r = chat(ann).send(987654321L, "hello");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(chat(ann).messages(987654321L).status()).isEqualTo(404);
    }

    @Test
    void aMessageOf4000CharactersIsAcceptedAnd4001IsRefused() {
        Session ann = api.signup();

        Response atLimit = chat(ann).send(null, "a".repeat(4000));
        Response beyond = chat(ann).send(null, "a".repeat(4001));

        assertThat(atLimit.status()).isEqualTo(200);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("errors").get(0).get("field").asString()).isEqualTo("message");
    }

    @Test
    void aHugeBodyIsRefusedAsTooLarge() {
        Session ann = api.signup();

        Response r = chat(ann).send(null, "a".repeat(70_000));

        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void aUserNeverReachesAnotherUsersTasksOrConversationsThroughChat() {
        Session ann = api.signup();
        Session bob = api.signup();
        long bobsTask = createId(bob, task("Bob's secret plan"));
        long bobsConversation = chat(bob).say("hello").get("conversationId").asLong();

        JsonNode byId = chat(ann).say("complete task " + bobsTask);
        JsonNode byName = chat(ann).say("delete the secret plan");
        JsonNode listed = chat(ann).say("show all my tasks");
        Response foreignConversation = chat(ann).send(bobsConversation, "the first one");

        assertThat(byId.get("toolCalls").get(0).get("result").get("status").asString()).isEqualTo("not_found");
        assertThat(byName.get("toolCalls").get(0).get("result").get("status").asString()).isEqualTo("not_found");
        assertThat(listed.get("response").asString()).doesNotContain("secret");
        assertThat(foreignConversation.status()).isEqualTo(404);
        assertThat(chat(ann).messages(bobsConversation).status()).isEqualTo(404);
        assertThat(chat(ann).delete(bobsConversation).status()).isEqualTo(404);
        JsonNode task = api.as(bob).get(bob.task(bobsTask)).json();
        assertThat(task.get("completed").asBoolean()).isFalse();
    }

    @Test
    void anotherUsersChatEndpointIsForbidden() {
        Session ann = api.signup();
        Session bob = api.signup();

        Response r = chat(ann).send(null, "x");
        Response foreign = api.as(ann).post("/api/" + bob.userId() + "/chat", "{\"message\":\"show my tasks\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void aNulInAChatMessageIsAValidationProblemNamingTheField() {
        Session ann = api.signup();

        Response response = api.as(ann).post("/api/" + ann.userId() + "/chat", "{\"message\":\"add milk\\u0000\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("message");
        assertThat(api.as(ann).get(ann.tasks()).json().isEmpty()).isTrue();
    }
}
