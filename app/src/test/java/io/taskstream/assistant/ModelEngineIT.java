package io.taskstream.assistant;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.PrometheusScrape;
import io.taskstream.support.HttpApi.Session;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Chat through an OpenAI-compatible model: a scripted Chat Completions server on loopback stands in
 * for OpenAI / Ollama / vLLM and proves the loop model → tool → result → answer, and the offline
 * fallback when the provider errors or is too slow.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModelEngineIT extends ApiIT {

    private static final String KEY = "sk-test-secret-key-0123456789";
    private static final FakeChatCompletions MODEL = new FakeChatCompletions();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("taskstream.ai.base-url", MODEL::baseUrl);
        registry.add("taskstream.ai.api-key", () -> KEY);
        registry.add("taskstream.ai.model", () -> "fake-model");
        registry.add("taskstream.ai.timeout", () -> "1500ms");
    }

    @AfterAll
    static void stop() {
        MODEL.close();
    }

    @BeforeEach
    void resetScript() {
        MODEL.reset();
    }

    private ChatApi chat(Session user) {
        return new ChatApi(api, user);
    }

    @Test
    void theModelCallsAToolAndAnswersFromItsResult() {
        Session ann = api.signup("Europe/Berlin");
        MODEL.thenCallsTool("add_task", "{\"title\":\"Buy oat milk\",\"due\":\"2031-01-02\",\"tags\":[\"shop\"]}")
                .thenAnswers("I added \"Buy oat milk\" for 2 January.");

        JsonNode reply = chat(ann).say("I need oat milk on 2 Jan 2031");

        assertThat(reply.get("response").asString()).isEqualTo("I added \"Buy oat milk\" for 2 January.");
        JsonNode call = reply.get("toolCalls").get(0);
        assertThat(call.get("name").asString()).isEqualTo("add_task");
        assertThat(call.get("result").get("status").asString()).isEqualTo("created");
        JsonNode task = api.as(ann).get(ann.task(call.get("result").get("task_id").asLong())).json();
        assertThat(task.get("title").asString()).isEqualTo("Buy oat milk");
        assertThat(task.get("allDay").asBoolean()).isTrue();

        List<FakeChatCompletions.Received> requests = MODEL.received();
        assertThat(requests).hasSize(2);
        JsonNode first = requests.get(0).body();
        assertThat(requests.get(0).authorization()).isEqualTo("Bearer " + KEY);
        assertThat(first.get("model").asString()).isEqualTo("fake-model");
        assertThat(first.get("tools").valueStream().map(t -> t.get("function").get("name").asString()))
                .containsExactlyInAnyOrder("add_task", "list_tasks", "complete_task", "delete_task", "update_task",
                        "task_history");
        assertThat(first.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(last(first.get("messages")).get("content").toString()).contains("oat milk");
        JsonNode toolMessage = last(requests.get(1).body().get("messages"));
        assertThat(toolMessage.get("role").asString()).isEqualTo("tool");
        assertThat(toolMessage.get("tool_call_id").asString()).startsWith("call_");
        assertThat(toolMessage.get("content").asString()).contains("\"status\":\"created\"");
    }

    @Test
    void aRecurrenceRuleThatMatchesNoDateComesBackToTheModelAsAnErrorNamingTheRule() {
        Session ann = api.signup();
        MODEL.thenCallsTool("add_task", "{\"title\":\"Review\",\"due\":\"2031-01-06\","
                        + "\"recurrence\":{\"rule\":\"FREQ=WEEKLY;BYSETPOS=-366;BYDAY=MO\"}}")
                .thenAnswers("That rule does not work.");

        JsonNode reply = chat(ann).say("add a review every 366th-last monday of the week");

        JsonNode result = reply.get("toolCalls").get(0).get("result");
        assertThat(result.get("status").asString()).isEqualTo("error");
        assertThat(result.toString()).contains("recurrence.rule", "matches no date");
        assertThat(last(MODEL.received().get(1).body().get("messages")).get("content").asString()).contains("recurrence.rule");
        assertThat(api.as(ann).get(ann.tasks()).json().isEmpty()).isTrue();
    }

    @Test
    void theNextTurnSendsTheStoredHistoryIncludingToolCalls() {
        Session ann = api.signup();
        MODEL.thenCallsTool("add_task", "{\"title\":\"Renew passport\"}").thenAnswers("Added.");
        long conversation = chat(ann).say("add renew passport").get("conversationId").asLong();
        MODEL.thenAnswers("You asked me to add a passport renewal.");

        JsonNode reply = chat(ann).say(conversation, "what did I ask?");

        assertThat(reply.get("response").asString()).contains("passport");
        JsonNode messages = MODEL.received().get(2).body().get("messages");
        List<String> roles = StreamSupport.stream(messages.spliterator(), false).map(m -> m.get("role").asString()).toList();
        assertThat(roles).containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        assertThat(messages.get(2).get("tool_calls").get(0).get("function").get("name").asString()).isEqualTo("add_task");
        assertThat(messages.get(3).get("content").asString()).contains("Renew passport");
    }

    @Test
    void theModelCannotReachAnotherUsersTask() {
        Session ann = api.signup();
        Session bob = api.signup();
        long bobs = createId(bob, task("Bob's tax return"));
        MODEL.thenCallsTool("complete_task", "{\"task_id\":" + bobs + ",\"user_id\":\"" + bob.userId() + "\"}")
                .thenAnswers("I could not find that task.");

        JsonNode reply = chat(ann).say("complete task " + bobs);

        assertThat(reply.get("toolCalls").get(0).get("result").get("status").asString()).isEqualTo("not_found");
        assertThat(api.as(bob).get(bob.task(bobs)).json().get("completed").asBoolean()).isFalse();
    }

    @Test
    void whenTheProviderFailsTheOfflineEngineAnswersAndSaysSo() {
        Session ann = api.signup();
        MODEL.thenFails(500);
        double fallbacks = metric("taskstream_chat_fallbacks_total", "reason", "http_error");
        double turns = metric("taskstream_chat_turns_total", "engine", "model", "outcome", "ok");

        JsonNode reply = chat(ann).say("add water the plants");

        assertThat(metric("taskstream_chat_fallbacks_total", "reason", "http_error")).isEqualTo(fallbacks + 1);
        assertThat(metric("taskstream_chat_turns_total", "engine", "model", "outcome", "ok")).isEqualTo(turns + 1);

        assertThat(reply.get("response").asString())
                .startsWith("The AI model is unavailable (the provider answered HTTP 500), so the offline assistant answered:")
                .contains("Added \"water the plants\"");
        assertThat(api.as(ann).get(ann.tasks()).titles()).containsExactly("water the plants");
    }

    @Test
    void aFailureAfterAToolRanReportsWhatWasDoneAndRepeatsNothing() {
        Session ann = api.signup();
        MODEL.thenCallsTool("add_task", "{\"title\":\"Pay the invoice\"}").thenFails(503);

        JsonNode reply = chat(ann).say("add pay the invoice");

        assertThat(reply.get("response").asString()).startsWith("The AI model stopped responding (the provider answered HTTP 503)")
                .contains("Added \"Pay the invoice\"");
        assertThat(api.as(ann).get(ann.tasks()).titles()).containsExactly("Pay the invoice");
    }

    @Test
    void rejectedCredentialsAreReportedWithoutRevealingTheKey(CapturedOutput output) {
        Session ann = api.signup();
        MODEL.thenFails(401);
        double fallbacks = metric("taskstream_chat_fallbacks_total", "reason", "refused");

        JsonNode reply = chat(ann).say("show my tasks");

        assertThat(metric("taskstream_chat_fallbacks_total", "reason", "refused")).isEqualTo(fallbacks + 1);

        assertThat(reply.get("response").asString()).contains("refused our credentials").contains("You have no open tasks");
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void aSlowProviderTimesOutAndTheOfflineEngineAnswers() {
        Session ann = api.signup();
        MODEL.thenAnswersAfter(Duration.ofSeconds(4), "too late");

        double fallbacks = metric("taskstream_chat_fallbacks_total", "reason", "timeout");

        long started = System.nanoTime();
        JsonNode reply = chat(ann).say("add call the bank");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(metric("taskstream_chat_fallbacks_total", "reason", "timeout")).isEqualTo(fallbacks + 1);

        assertThat(reply.get("response").asString()).contains("did not answer in time").contains("Added \"call the bank\"");
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    /** The sum of the metric's series with these labels (pairs), as Prometheus would scrape it. */
    private double metric(String name, String... labels) {
        return PrometheusScrape.parse(api.withHeader("Accept", "text/plain;version=0.0.4").get("/actuator/prometheus").body())
                .sum(name, labels);
    }

        private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
