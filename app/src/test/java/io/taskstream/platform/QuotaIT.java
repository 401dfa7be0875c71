package io.taskstream.platform;

import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.ConfiguredInstance;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.SseStream;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What one account may hold or do (taskstream.quotas), over real HTTP, on a replica whose quotas are small enough to
 * reach ({@link ConfiguredInstance}); the shared context keeps the defaults.
 */
class QuotaIT extends ApiIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    TaskstreamProperties properties;
    @Autowired
    QuotaProperties defaults;

    private HttpApi limited;

    @BeforeEach
    void connectToTheLimitedReplica() {
        limited = new HttpApi(ConfiguredInstance.port(dataSource, properties));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(defaults.openTasks()).isEqualTo(10_000);
        assertThat(defaults.conversations()).isEqualTo(100);
        assertThat(defaults.liveStreams()).isEqualTo(20);
        assertThat(defaults.chatMessages().perUser()).isEqualTo(30);
        assertThat(defaults.chatMessages().period()).hasMinutes(1);
    }

    @Test
    void anAccountWithAsManyOpenTasksAsItMayHaveCreatesNoMoreUntilItCompletesOrDeletesOne() {
        Session ann = api.signup();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ConfiguredInstance.OPEN_TASKS; i++) {
            Response created = limited.as(ann).post(ann.tasks(), task("Task " + i).json());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().get("id").asLong());
        }

        JsonNode refused = assertProblem(limited.as(ann).post(ann.tasks(), task("One too many").json()), 409,
                "quota-exceeded");
        assertThat(refused.get("detail").asString()).contains(ConfiguredInstance.OPEN_TASKS + " open tasks");
        assertThat(limited.as(ann).get(ann.tasks()).totalCount()).isEqualTo(ConfiguredInstance.OPEN_TASKS);

        assertThat(limited.as(ann).send(ann.complete(ids.get(0)), "PATCH", null, null).status()).isEqualTo(200);
        assertThat(limited.as(ann).post(ann.tasks(), task("After completing one").json()).status()).isEqualTo(201);
        assertProblem(limited.as(ann).post(ann.tasks(), task("Full again").json()), 409, "quota-exceeded");

        assertThat(limited.as(ann).delete(ann.task(ids.get(1))).status()).isEqualTo(204);
        assertThat(limited.as(ann).post(ann.tasks(), task("After deleting one").json()).status()).isEqualTo(201);

        Session bob = api.signup();
        assertThat(limited.as(bob).post(bob.tasks(), task("Another account's first").json()).status())
                .as("the quota is per account").isEqualTo(201);
    }

    @Test
    void theAssistantOverTheOpenTaskQuotaReportsAToolErrorAndCreatesNothing() {
        Session ann = api.signup();
        for (int i = 0; i < ConfiguredInstance.OPEN_TASKS; i++) {
            assertThat(limited.as(ann).post(ann.tasks(), task("Task " + i).json()).status()).isEqualTo(201);
        }

        Response reply = limited.as(ann).post("/api/" + ann.userId() + "/chat", "{\"message\":\"add buy milk\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode result = reply.json().get("toolCalls").get(0).get("result");
        assertThat(result.get("status").asString()).isEqualTo("error");
        assertThat(result.get("error").asString()).contains("open tasks");
        assertThat(limited.as(ann).get(ann.tasks()).totalCount()).isEqualTo(ConfiguredInstance.OPEN_TASKS);
    }

    @Test
    void startingAConversationBeyondTheQuotaDropsTheLeastRecentlyActiveOne() {
        Session ann = api.signup();
        List<Long> started = new ArrayList<>();
        for (int i = 0; i <= ConfiguredInstance.CONVERSATIONS; i++) {
            Response reply = limited.as(ann).post("/api/" + ann.userId() + "/chat",
                    "{\"message\":\"list my tasks " + i + "\"}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            started.add(reply.json().get("conversationId").asLong());
        }

        List<Long> kept = new ArrayList<>();
        limited.as(ann).get("/api/" + ann.userId() + "/conversations").json()
                .forEach(c -> kept.add(c.get("id").asLong()));

        assertThat(kept).containsExactlyElementsOf(started.subList(1, started.size()).reversed());
        assertProblem(limited.as(ann).get("/api/" + ann.userId() + "/conversations/" + started.getFirst() + "/messages"),
                404, "not-found");
    }

    @Test
    void chatMessagesBeyondTheRateWaitWithRetryAfter() {
        Session ann = api.signup();
        String chat = "/api/" + ann.userId() + "/chat";
        for (int i = 0; i < ConfiguredInstance.CHAT_MESSAGES_PER_MINUTE; i++) {
            assertThat(limited.as(ann).post(chat, "{\"message\":\"hello\"}").status()).isEqualTo(200);
        }

        Response refused = limited.as(ann).post(chat, "{\"message\":\"hello again\"}");

        assertProblem(refused, 429, "too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // the other replica draws from the same bucket in PostgreSQL, which it finds empty
        assertProblem(api.as(ann).post(chat, "{\"message\":\"hello from the other replica\"}"), 429,
                "too-many-requests");
        Session bob = api.signup();
        assertThat(limited.as(bob).post("/api/" + bob.userId() + "/chat", "{\"message\":\"hello\"}").status())
                .as("per account").isEqualTo(200);
    }

    @Test
    void liveStreamsBeyondTheQuotaAreRefused() {
        Session ann = api.signup();
        String stream = "/api/" + ann.userId() + "/stream";
        List<SseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < ConfiguredInstance.LIVE_STREAMS; i++) {
                SseStream opened = SseStream.open(limited.as(ann).request(stream));
                open.add(opened);
                assertThat(opened.status()).isEqualTo(200);
            }

            Response refused = limited.as(ann).withHeader("Accept", "text/event-stream").get(stream);

            assertProblem(refused, 409, "quota-exceeded");
            assertThat(refused.json().get("detail").asString()).contains(ConfiguredInstance.LIVE_STREAMS + " live streams");
            try (SseStream elsewhere = SseStream.open(api.as(ann).request(stream))) {
                assertThat(elsewhere.status()).as("counted per process").isEqualTo(200);
            }
        } finally {
            open.forEach(SseStream::close);
        }
    }
}
