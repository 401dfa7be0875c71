package io.taskstream;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.PrometheusScrape;
import io.taskstream.support.UsesKafkaBroker;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The signals an operator runs the service by, read from the Prometheus endpoint as Prometheus reads them (the
 * classic text format), with the Kafka transport: each door's task changes counted once they commit, with exactly
 * the labels the dashboards and alerts use; reminders, events and the assistant's own counters; no label carries a
 * user's id, email, task id or a raw path; and {@code promtool check metrics} finds nothing to complain about.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=kafka",
        "taskstream.events.relay.retry-backoff=PT0.2S",
        "taskstream.reminders.overdue.refresh=PT0.5S"})
@Import(UsesKafkaBroker.class)
class MetricsIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachDoorsCommittedChangesAreCountedOnceWithTheirChangeAndDoor() {
        Session ann = api.signup();
        PrometheusScrape before = scrape();

        long rest = api.as(ann).post(ann.tasks(), task("Through the API").json()).json().get("id").asLong();
        assertThat(api.as(ann).patch(ann.task(rest), "{\"title\":\"Renamed through the API\"}").status()).isEqualTo(200);
        assertThat(complete(ann, rest, true).status()).isEqualTo(200);
        assertThat(complete(ann, rest, false).status()).isEqualTo(200);
        assertThat(api.as(ann).delete(ann.task(rest)).status()).isEqualTo(204);

        Response quick = api.as(ann).post(ann.tasks() + "?via=quick-add", task("Typed in quick add").json());
        assertThat(quick.status()).as(quick.body()).isEqualTo(201);
        assertThat(api.as(ann).post(ann.tasks() + "?via=chat", task("Claims another door").json()).status())
                .as("a client names no door but quick add").isEqualTo(400);

        JsonNode chat = api.as(ann).post("/api/" + ann.userId() + "/chat",
                HttpApi.JSON.createObjectNode().put("message", "add Renew passport").toString()).json();
        assertThat(chat.get("toolCalls").get(0).get("name").asString()).isEqualTo("add_task");

        McpSyncClient mcp = mcp(ann);
        try {
            CallToolResult added = mcp.callTool(new CallToolRequest("add_task", Map.of("title", "Added by an agent")));
            assertThat(added.isError()).isNotEqualTo(Boolean.TRUE);
            CallToolResult missing = mcp.callTool(new CallToolRequest("complete_task", Map.of("task_id", 987654321)));
            assertThat(missing.isError()).isTrue();
        } finally {
            mcp.closeGracefully();
        }

        PrometheusScrape after = scrape();
        String changes = "taskstream_task_changes_total";
        assertThat(delta(before, after, changes, "change", "created", "door", "rest")).isEqualTo(1);
        assertThat(delta(before, after, changes, "change", "updated", "door", "rest")).isEqualTo(1);
        assertThat(delta(before, after, changes, "change", "completed", "door", "rest")).isEqualTo(1);
        assertThat(delta(before, after, changes, "change", "reopened", "door", "rest")).isEqualTo(1);
        assertThat(delta(before, after, changes, "change", "deleted", "door", "rest")).isEqualTo(1);
        assertThat(delta(before, after, changes, "change", "created", "door", "quick_add")).isEqualTo(1);
        assertThat(delta(before, after, changes, "change", "created", "door", "chat")).isEqualTo(1);
        assertThat(delta(before, after, changes, "change", "created", "door", "mcp")).isEqualTo(1);
        assertThat(delta(before, after, changes)).as("no other change counted").isEqualTo(8);
        assertThat(after.matching(changes)).as("every change and door has a series from the start")
                .hasSize(5 * 5);

        assertThat(delta(before, after, "taskstream_chat_turns_total", "engine", "offline", "outcome", "ok")).isEqualTo(1);
        assertThat(delta(before, after, "taskstream_chat_turn_seconds_count", "engine", "offline")).isEqualTo(1);
        assertThat(delta(before, after, "taskstream_mcp_calls_total", "tool", "add_task", "outcome", "ok")).isEqualTo(1);
        assertThat(delta(before, after, "taskstream_mcp_calls_total", "tool", "complete_task", "outcome", "error"))
                .isEqualTo(1);
        assertThat(delta(before, after, "taskstream_mcp_calls_total")).isEqualTo(2);
        assertThat(delta(before, after, "taskstream_mcp_call_seconds_count", "tool", "add_task")).isEqualTo(1);

        // The quick-add door is the one the activity history names.
        long quickId = quick.json().get("id").asLong();
        JsonNode history = Eventually.await(WAIT, () -> api.as(ann).get(ann.task(quickId) + "/history").json(),
                h -> h.size() == 1);
        assertThat(history.get(0).get("door").asString()).isEqualTo("quick_add");
    }

    @Test
    void completingARecurringTaskCountsTheNextOccurrenceThroughTheSystemDoor() {
        Session gus = api.signup();
        long id = api.as(gus).post(gus.tasks(), task("Water the plants").due("2031-03-03T09:00:00Z")
                .recurrence("FREQ=WEEKLY").json()).json().get("id").asLong();
        PrometheusScrape before = scrape();

        assertThat(complete(gus, id, true).status()).isEqualTo(200);

        PrometheusScrape after = Eventually.await(WAIT, this::scrape,
                s -> delta(before, s, "taskstream_occurrences_total") >= 1);
        assertThat(delta(before, after, "taskstream_occurrences_total")).isEqualTo(1);
        assertThat(delta(before, after, "taskstream_task_changes_total", "change", "created", "door", "system")).isEqualTo(1);
        assertThat(delta(before, after, "taskstream_task_changes_total", "change", "completed", "door", "rest")).isEqualTo(1);
    }

    @Test
    void signUpsAndLoginsAreCountedByOutcomeThrottledOnesToo() {
        PrometheusScrape before = scrape();
        Session bea = api.signup();
        assertThat(api.login(bea.email(), HttpApi.PASSWORD).status()).isEqualTo(200);
        HttpApi guesser = api.anonymous().withHeader("X-Forwarded-For", HttpApi.someClientAddress());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(guesser.post("/api/auth/login", HttpApi.JSON.createObjectNode().put("email", bea.email())
                    .put("password", "not the password " + i).toString()).status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429);

        PrometheusScrape after = scrape();
        assertThat(delta(before, after, "taskstream_signups_total", "method", "password")).isEqualTo(1);
        String logins = "taskstream_logins_total";
        assertThat(delta(before, after, logins, "method", "password", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, logins, "method", "password", "outcome", "refused")).isEqualTo(10);
        assertThat(delta(before, after, logins, "method", "password", "outcome", "throttled")).isEqualTo(1);
    }

    @Test
    void aFiredReminderMovesTheFiredCounterAndTheLatenessHistogram() {
        Session cal = api.signup();
        PrometheusScrape before = scrape();
        Instant remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        api.as(cal).post(cal.tasks(), task("Call the plumber").due(remindAt.plusSeconds(3600).toString())
                .remindAt(remindAt.toString()).json());

        PrometheusScrape after = Eventually.await(WAIT, this::scrape,
                s -> delta(before, s, "taskstream_reminders_fired_total") >= 1);
        assertThat(delta(before, after, "taskstream_reminders_scheduled_total")).isEqualTo(1);
        assertThat(delta(before, after, "taskstream_reminders_fired_total")).isEqualTo(1);
        assertThat(delta(before, after, "taskstream_reminders_lateness_seconds_count")).isEqualTo(1);
        assertThat(delta(before, after, "taskstream_reminders_lateness_seconds_bucket", "le", "5.0"))
                .as("fired within the 5 s objective").isEqualTo(1);
        assertThat(delta(before, after, "taskstream_reminders_lateness_seconds_bucket", "le", "+Inf")).isEqualTo(1);
        assertThat(after.matching("taskstream_reminders_lateness_seconds_bucket").stream()
                .map(s -> s.labels().get("le")))
                .containsExactly("0.1", "0.25", "0.5", "1.0", "2.0", "5.0", "10.0", "30.0", "60.0", "300.0", "+Inf");
        assertThat(after.has("taskstream_reminders_overdue")).isTrue();
    }

    @Test
    void aReminderNoSchedulerFiresCountsAsOverdueAMinuteAfterItsMoment() {
        // a db-scheduler execution a crashed scheduler picked: no live scheduler fires it until it is found dead
        String instance = "metrics-it-" + UUID.randomUUID();
        double before = scrape().sum("taskstream_reminders_overdue");
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, "
                        + "last_heartbeat, version) values ('reminder', :instance, :planned, true, 'a-crashed-process', "
                        + "now(), 1)")
                .param("instance", instance)
                .param("planned", Timestamp.from(Instant.now().minus(Duration.ofSeconds(61))))
                .update();
        try {
            Eventually.await(WAIT, () -> scrape().sum("taskstream_reminders_overdue"), n -> n == before + 1);
        } finally {
            jdbc.sql("delete from scheduled_tasks where task_instance = :instance").param("instance", instance).update();
        }
        Eventually.await(WAIT, () -> scrape().sum("taskstream_reminders_overdue"), n -> n == before);
    }

    @Test
    void eventsArePublishedPerTopicAndTheirDelayToEachConsumerIsMeasured() {
        Session dan = api.signup();
        PrometheusScrape before = scrape();
        api.as(dan).post(dan.tasks(), task("Publish me").json());

        // The change's two events may leave in different relay rounds: wait for both, and for the audit consumer.
        PrometheusScrape after = Eventually.await(WAIT, this::scrape,
                s -> delta(before, s, "taskstream_events_delay_seconds_count", "consumer", "audit") >= 1
                        && delta(before, s, "taskstream_outbox_published_total", "topic", "task-updates") >= 1);
        assertThat(delta(before, after, "taskstream_outbox_published_total", "topic", "task-events")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "taskstream_outbox_published_total", "topic", "task-updates")).isGreaterThanOrEqualTo(1);
        assertThat(after.has("taskstream_outbox_publish_failures_total", "topic", "task-events")).isTrue();
        assertThat(delta(before, after, "taskstream_outbox_lag_seconds_count")).isGreaterThanOrEqualTo(2);
        assertThat(after.has("taskstream_outbox_lag_seconds_bucket", "le", "1.0")).isTrue();
        assertThat(after.sum("taskstream_outbox_relay_active")).as("this process holds the relay").isEqualTo(1);
        assertThat(after.has("taskstream_outbox_oldest_age_seconds")).isTrue();
        assertThat(after.has("taskstream_events_delay_seconds_bucket", "consumer", "audit", "le", "1.0")).isTrue();
        assertThat(delta(before, after, "taskstream_events_process_seconds_count", "consumer", "audit")).isGreaterThanOrEqualTo(1);
        // Series alerts watch exist before their first event, so that increase() sees the first one.
        assertThat(after.sum("taskstream_events_dead_lettered_total", "consumer", "audit", "topic", "task-events")).isZero();
        assertThat(after.has("taskstream_events_retries_total", "consumer", "recurrence", "outcome", "failed")).isTrue();
        assertThat(after.matching("taskstream_deliveries_total")).hasSize(2 * 3);
        assertThat(after.has("taskstream_live_events_total", "outcome", "dropped")).isTrue();
        assertThat(after.has("taskstream_chat_fallbacks_total")).as("no model configured here").isFalse();
        PrometheusScrape lagged = Eventually.await(WAIT, this::scrape,
                s -> s.has("kafka_consumer_fetch_manager_records_lag_max"));
        assertThat(lagged.matching("kafka_consumer_fetch_manager_records_lag_max")).as("the Kafka client's consumer lag")
                .allSatisfy(s -> assertThat(s.labels()).containsKey("client_id"));
    }

    @Test
    void noLabelCarriesAUserIdEmailTaskIdOrRawPath() {
        Session eve = api.signup();
        long id = api.as(eve).post(eve.tasks(), task("Private").json()).json().get("id").asLong();
        api.as(eve).get(eve.task(id));
        String unknown = "/no-such-page-" + UUID.randomUUID();
        api.get(unknown);
        api.as(eve).get(eve.tasks() + "/" + id + "/no-such-thing");
        api.get("/today");

        PrometheusScrape scrape = scrape();
        List<String> labelValues = scrape.samples().stream().flatMap(s -> s.labels().values().stream()).toList();
        assertThat(labelValues).noneSatisfy(v -> assertThat(v).contains(eve.userId()));
        assertThat(labelValues).noneSatisfy(v -> assertThat(v).containsIgnoringCase(eve.email()));
        assertThat(labelValues).noneSatisfy(v -> assertThat(v).contains(unknown));
        assertThat(labelValues).doesNotContain(Long.toString(id), "/tasks/" + id);
        assertThat(scrape.matching("http_server_requests_seconds_count").stream().map(s -> s.labels().get("uri")))
                .contains("/api/{userId}/tasks/{id}", "/api/{userId}/tasks")
                .allSatisfy(uri -> assertThat(uri).doesNotContain(eve.userId()).doesNotContain("no-such"));
        assertThat(scrape.matching("http_server_requests_seconds_count", "status", "404").stream()
                .map(s -> s.labels().get("uri"))).as("unmatched paths share one label value").contains("/**");
        assertThat(scrape.has("http_server_requests_seconds_bucket", "uri", "/api/{userId}/tasks", "le", "0.3"))
                .as("the read-latency objective's bucket").isTrue();
    }

    @Test
    void promtoolFindsNoProblemInTheScrape() throws Exception {
        Session fay = api.signup();
        api.as(fay).post(fay.tasks(), task("Lint me").json());
        Path file = Files.createTempFile("scrape", ".prom");
        try {
            Files.writeString(file, scrape().text());
            Process promtool = new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
                    .redirectInput(file.toFile()).redirectErrorStream(true).start();
            String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(output).as("promtool check metrics").isEmpty();
            assertThat(promtool.exitValue()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Response complete(Session user, long id, boolean completed) {
        return api.as(user).send(user.task(id) + "/complete", "PATCH", "application/json",
                "{\"completed\":" + completed + "}");
    }

    private McpSyncClient mcp(Session user) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(api.baseUrl())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + user.token()))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(15)).build();
        client.initialize();
        return client;
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(api);
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
