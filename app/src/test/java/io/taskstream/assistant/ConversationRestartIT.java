package io.taskstream.assistant;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.TaskstreamApplication;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The chat endpoint keeps nothing in memory: a conversation, including the question it is waiting
 * on, resumes by id after the whole application (and its database) restarted.
 */
class ConversationRestartIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // command-line arguments, so they win over application.yaml (builder properties are only defaults)
        return new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--taskstream.data-dir=" + dataDir, "--server.port=0");
    }

    private static HttpApi api(ConfigurableApplicationContext app) {
        return new HttpApi(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @Test
    void aConversationAndItsPendingQuestionSurviveARestart() {
        Session ann;
        long conversation;
        long chosen;
        try (ConfigurableApplicationContext app = start()) {
            HttpApi api = api(app);
            ann = api.signup();
            api.as(ann).post(ann.tasks(), task("Buy groceries for the party").json());
            api.as(ann).post(ann.tasks(), task("Buy groceries for the week").json());
            JsonNode question = new ChatApi(api, ann).say("complete the groceries task");
            conversation = question.get("conversationId").asLong();
            chosen = question.get("toolCalls").get(0).get("result").get("candidates").get(0).get("task_id").asLong();
        }

        try (ConfigurableApplicationContext app = start()) {
            HttpApi api = api(app);
            ChatApi chat = new ChatApi(api, ann);
            JsonNode answer = chat.say(conversation, "the first one");

            assertThat(answer.get("conversationId").asLong()).isEqualTo(conversation);
            assertThat(answer.get("toolCalls").get(0).get("result").get("task_id").asLong()).isEqualTo(chosen);
            assertThat(api.as(ann).get(ann.task(chosen)).json().get("completed").asBoolean()).isTrue();
            assertThat(chat.messages(conversation).json().size()).isEqualTo(6);
        }
    }
}
