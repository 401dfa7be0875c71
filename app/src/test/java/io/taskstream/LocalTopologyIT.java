package io.taskstream;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.LocalTopology;
import io.taskstream.support.LocalTopology.Metrics;
import io.taskstream.support.SseStream;
import io.taskstream.support.SseStream.Event;
import io.taskstream.support.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The production topology on this machine, started by {@code deploy/local/topology.sh}: PostgreSQL, a Kafka
 * broker and each role ({@code api}, {@code recurrence}, {@code reminders}, {@code notifier}, {@code audit}) as
 * its own JVM of the packaged jar. Everything goes through the {@code api} process as a client would, and each
 * process's own metrics show which one did what.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalTopologyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> WORKERS = List.of("recurrence", "notifier", "audit", "reminders");
    private static final String CONSUMED = "taskstream_events_consumed_total";

    static WebhookReceiver hooks;
    static LocalTopology topology;

    @BeforeAll
    static void up() throws Exception {
        hooks = new WebhookReceiver();
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "topology-it-");
        topology = LocalTopology.up(Path.of("..").toAbsolutePath().normalize(), Path.of("target/taskstream.jar"), work, 1,
                Map.of("TASKSTREAM_NOTIFICATIONS_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"));
    }

    @AfterAll
    static void down() {
        if (topology != null) {
            topology.close();
        }
        if (hooks != null) {
            hooks.close();
        }
    }

    @Test
    @Order(1)
    void eachRoleDoesItsPartInItsOwnProcess() throws Exception {
        HttpApi api = topology.api();
        Session ann = api.signup("Europe/Berlin");
        String hook = "/hooks/" + ann.userId();
        assertThat(api.as(ann).put("/api/" + ann.userId() + "/notification-settings",
                "{\"inApp\":true,\"webhook\":{\"enabled\":true,\"url\":\"" + hooks.url(hook) + "\"}}").status()).isEqualTo(200);
        Map<String, Metrics> before = metricsOfAll();

        try (SseStream stream = SseStream.open(api.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            Instant due = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
            long id = api.as(ann).post(ann.tasks(), task("Stand-up").due(due.toString()).recurrence("FREQ=DAILY")
                    .remindBefore("PT2S").json()).json().get("id").asLong();

            // reminders fires it at its moment, notifier delivers it: in-app (live through api) and webhook.
            Event pushed = stream.next("notification", WAIT);
            assertThat(pushed.data()).contains("Stand-up");
            Eventually.await(WAIT, () -> hooks.calls(hook), calls -> !calls.isEmpty());
            JsonNode notifications = api.as(ann).get("/api/" + ann.userId() + "/notifications").json();
            assertThat(notifications).hasSize(1);
            assertThat(notifications.get(0).get("taskId").asLong()).isEqualTo(id);
            assertThat(notifications.get(0).get("late").asBoolean()).isFalse();

            // recurrence makes the next occurrence of the completed task.
            assertThat(complete(api.as(ann), ann, id).status()).isEqualTo(200);
            JsonNode pending = Eventually.await(WAIT, () -> api.as(ann).get(ann.tasks() + "?status=pending").json(),
                    tasks -> tasks.size() == 1);
            assertThat(pending.get(0).get("title").asString()).isEqualTo("Stand-up");
            assertThat(Instant.parse(pending.get(0).get("dueAt").asString())).isEqualTo(due.plus(1, ChronoUnit.DAYS));

            // audit writes the history: the task's creation and completion, and the next occurrence's creation.
            List<String> history = Eventually.await(WAIT, () -> history(api.as(ann), ann, id),
                    types -> types.size() == 2);
            assertThat(history).containsExactly("created", "completed");
            long next = pending.get(0).get("id").asLong();
            Eventually.await(WAIT, () -> history(api.as(ann), ann, next),
                    types -> types.equals(List.of("created")));
        }
        Thread.sleep(1000); // nothing more may come
        assertThat(hooks.calls(hook)).hasSize(1);

        Map<String, Metrics> after = metricsOfAll();
        // The reminder was fired by the reminders process, and only there.
        assertThat(delta(before, after, "reminders", "taskstream_reminders_lateness_seconds_count")).isEqualTo(1);
        for (String other : List.of("api", "recurrence", "notifier", "audit")) {
            assertThat(after.get(other).has("taskstream_reminders_lateness_seconds_count")).as(other).isFalse();
        }
        // Each consumer ran in its own process only: one reminder delivered, one next occurrence (recurrence applies the
        // completion and declines the two creations), three history entries.
        assertThat(delta(before, after, "notifier", CONSUMED, "consumer", "notifier", "outcome", "applied")).isEqualTo(1);
        assertThat(delta(before, after, "recurrence", CONSUMED, "consumer", "recurrence", "outcome", "applied")).isEqualTo(1);
        assertThat(delta(before, after, "recurrence", CONSUMED, "consumer", "recurrence", "outcome", "ignored")).isEqualTo(2);
        assertThat(delta(before, after, "audit", CONSUMED, "consumer", "audit", "outcome", "applied")).isEqualTo(3);
        assertThat(delta(before, after, "api", CONSUMED, "consumer", "live", "outcome", "applied")).isGreaterThanOrEqualTo(1);
        for (String consumer : List.of("notifier", "recurrence", "audit", "live")) {
            String home = consumer.equals("live") ? "api" : consumer;
            after.forEach((process, metrics) -> {
                if (!process.equals(home)) {
                    assertThat(metrics.has(CONSUMED, "consumer", consumer)).as(consumer + " in " + process).isFalse();
                }
            });
        }
        // Workers serve probes and metrics, not the API.
        for (String worker : WORKERS) {
            HttpApi direct = new HttpApi(topology.port(worker));
            assertThat(direct.get("/actuator/health/readiness").status()).as(worker).isEqualTo(200);
            assertThat(direct.as(ann).get(ann.tasks()).status()).as(worker).isEqualTo(404);
            assertThat(direct.signup(io.taskstream.support.AccountJson.account()).status()).as(worker).isEqualTo(404);
        }
        // A scheduler only ever sees its own role's executions (the reminder, the webhook delivery).
        for (String process : List.of("notifier", "reminders")) {
            assertThat(Files.readString(topology.log(process))).as(process).doesNotContain("unknown task-name");
        }
    }

    @Test
    @Order(2)
    void aRoleKilledMidStreamComesBackWithNothingLostOrDoubled() throws Exception {
        HttpApi api = topology.api();
        Session bob = api.signup("UTC");
        int count = 40;
        String due = LocalDate.now().plusDays(2) + "T09:00:00Z";
        long oldRecurrence = topology.pid("recurrence");
        CountDownLatch killNow = new CountDownLatch(1);
        List<Instant> completions = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                long id = api.as(bob).post(bob.tasks(), task("stream-" + i).due(due).recurrence("FREQ=DAILY").json())
                        .json().get("id").asLong();
                assertThat(complete(api.as(bob), bob, id).status()).isEqualTo(200);
                completions.add(Instant.now());
                if (i == count / 4) {
                    killNow.countDown();
                }
                sleep(250);
            }
        });
        assertThat(killNow.await(2, TimeUnit.MINUTES)).isTrue();
        topology.kill("recurrence");
        Instant killed = Instant.now();
        topology.start("recurrence");
        Instant restarted = Instant.now();
        writer.get(3, TimeUnit.MINUTES);

        assertThat(topology.pid("recurrence")).isNotEqualTo(oldRecurrence);
        assertThat(completions).hasSize(count);
        assertThat(completions.stream().filter(at -> at.isAfter(killed) && at.isBefore(restarted)))
                .as("completions while recurrence was down").isNotEmpty();
        Eventually.await(WAIT, () -> api.as(bob).get(bob.tasks() + "?status=pending&size=100").totalCount(), n -> n >= count);
        Eventually.await(WAIT, () -> countAuditEntries(bob), n -> n >= 3L * count);
        Thread.sleep(2000); // redeliveries after the crash, if any, have landed by now

        try (Connection db = topology.database()) {
            UUID user = UUID.fromString(bob.userId());
            assertThat(single(db, "select count(*) from task where user_id = ?", user)).isEqualTo(2L * count);
            assertThat(single(db, "select count(*) from task where user_id = ? and spawned_from is not null", user)).isEqualTo(count);
            assertThat(single(db, "select count(*) from task t join task n on n.spawned_from = t.id "
                    + "where t.user_id = ? and n.title = t.title and n.completed_at is null", user)).isEqualTo(count);
            assertThat(single(db, "select count(*) from audit_entry where user_id = ? and event_type = 'created'", user))
                    .isEqualTo(2L * count);
            assertThat(single(db, "select count(*) from audit_entry where user_id = ? and event_type = 'completed'", user))
                    .isEqualTo(count);
            assertThat(single(db, "select count(*) from audit_entry where user_id = ?", user)).isEqualTo(3L * count);
        }
        // The restarted process picked up where the killed one stopped: it applied the completions made meanwhile.
        assertThat(topology.metrics("recurrence").value(CONSUMED, "consumer", "recurrence", "outcome", "applied"))
                .isGreaterThan(0);
    }

    private static HttpApi.Response complete(HttpApi api, Session user, long id) {
        return api.send(user.complete(id), "PATCH", "application/json", "{\"completed\":true}");
    }

    private static Map<String, Metrics> metricsOfAll() {
        Map<String, Metrics> metrics = new HashMap<>();
        for (String process : List.of("api", "recurrence", "notifier", "audit", "reminders")) {
            metrics.put(process, topology.metrics(process));
        }
        return metrics;
    }

    private static double delta(Map<String, Metrics> before, Map<String, Metrics> after, String process, String name,
            String... labels) {
        return after.get(process).value(name, labels) - before.get(process).value(name, labels);
    }

    /** The types of the task's history entries; none while the audit process has not written any (404). */
    private static List<String> history(HttpApi api, Session user, long id) {
        HttpApi.Response response = api.get(user.task(id) + "/history");
        List<String> types = new ArrayList<>();
        if (response.status() == 200) {
            response.json().forEach(entry -> types.add(entry.get("type").asString()));
        }
        return types;
    }

    private static long countAuditEntries(Session user) {
        try (Connection db = topology.database()) {
            return single(db, "select count(*) from audit_entry where user_id = ?", UUID.fromString(user.userId()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long single(Connection db, String sql, UUID user) throws java.sql.SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, user);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
