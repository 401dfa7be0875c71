package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskstream.TaskstreamApplication;
import io.taskstream.support.ApiIT;
import io.taskstream.support.FakeDaprSidecar;
import io.taskstream.support.QueryString;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Only the Dapr sidecar, which presents the app API token, may call the app's Dapr routes (ADR 033): a forged
 * event is refused whatever address or forwarding header it claims, and even an event that does carry the
 * token cannot make a consumer act on a task for a user who does not own it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=dapr",
        "taskstream.dapr.app-api-token=" + FakeDaprSidecar.APP_API_TOKEN})
class DaprCallbackAuthenticationIT extends ApiIT {

    static final FakeDaprSidecar SIDECAR = new FakeDaprSidecar();
    static final Duration SETTLE = Duration.ofMillis(500);

    @DynamicPropertySource
    static void dapr(DynamicPropertyRegistry registry) {
        registry.add("taskstream.dapr.http-port", SIDECAR::port);
    }

    Session victim;
    long victimTask;

    @BeforeEach
    void victimWithARecurringTask() {
        SIDECAR.attach(port);
        victim = api.signup();
        victimTask = createId(victim, task("Pay rent").due(Instant.now().plus(Duration.ofDays(3)).toString())
                .recurrence("FREQ=MONTHLY"));
    }

    @Test
    void aForgedReminderWithoutTheTokenIsRefusedAndNotifiesNobody() throws Exception {
        Response refused = deliver("reminders", null, reminderDue(victim.userId(), victimTask));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("https://taskstream.dev/problems/unauthorized");
        Thread.sleep(SETTLE);
        assertThat(notifications(victim)).isEmpty();
    }

    @Test
    void aForgedReminderClaimingALoopbackAddressIsStillRefused() throws Exception {
        for (String forwardedFor : List.of("127.0.0.1", "127.0.0.1, 10.1.2.3", "::1")) {
            Response refused = api.send(route("reminders").header("X-Forwarded-For", forwardedFor)
                    .POST(HttpRequest.BodyPublishers.ofString(reminderDue(victim.userId(), victimTask))));
            assertThat(refused.status()).as("X-Forwarded-For: " + forwardedFor).isEqualTo(401);
        }
        Thread.sleep(SETTLE);
        assertThat(notifications(victim)).isEmpty();
    }

    @Test
    void aForgedReminderWithAWrongTokenIsRefused() throws Exception {
        assertThat(deliver("reminders", "guessed", reminderDue(victim.userId(), victimTask)).status()).isEqualTo(401);
        assertThat(deliver("reminders", FakeDaprSidecar.APP_API_TOKEN + "x", reminderDue(victim.userId(), victimTask))
                .status()).isEqualTo(401);
        Thread.sleep(SETTLE);
        assertThat(notifications(victim)).isEmpty();
    }

    @Test
    void aReminderWithTheTokenIsDelivered() {
        Response delivered = deliver("reminders", FakeDaprSidecar.APP_API_TOKEN, reminderDue(victim.userId(), victimTask));

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.json().get("status").asString()).isEqualTo("SUCCESS");
        assertThat(notifications(victim)).extracting(n -> n.get("taskId").asLong()).containsExactly(victimTask);
    }

    @Test
    void anEventWhoseIdIsNoUuidIsDroppedNotAServerError() throws Exception {
        String event = reminderDue(victim.userId(), victimTask).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"forged-1\"");

        Response dropped = deliver("reminders", FakeDaprSidecar.APP_API_TOKEN, event);

        assertThat(dropped.status()).as(dropped.toString()).isEqualTo(200);
        assertThat(dropped.json().get("status").asString()).isEqualTo("DROP");
        Thread.sleep(SETTLE);
        assertThat(notifications(victim)).isEmpty();
    }

    @Test
    void aReminderNamingAUserWhoDoesNotOwnTheTaskIsDroppedEvenWithTheToken() throws Exception {
        Session attacker = api.signup();
        long attackersTask = createId(attacker, task("Mine").due(Instant.now().plus(Duration.ofDays(1)).toString()));

        Response otherOwner = deliver("reminders", FakeDaprSidecar.APP_API_TOKEN, reminderDue(victim.userId(), attackersTask));
        Response noSuchTask = deliver("reminders", FakeDaprSidecar.APP_API_TOKEN, reminderDue(victim.userId(), Long.MAX_VALUE));

        assertThat(otherOwner.json().get("status").asString()).as("dropped, not retried or dead-lettered").isEqualTo("SUCCESS");
        assertThat(noSuchTask.json().get("status").asString()).isEqualTo("SUCCESS");
        Thread.sleep(SETTLE);
        assertThat(notifications(victim)).isEmpty();
        assertThat(notifications(attacker)).isEmpty();
    }

    @Test
    void aForgedCompletionWithoutTheTokenIsRefusedAndCreatesNoTask() throws Exception {
        Response refused = api.send(route("task-events").header("X-Forwarded-For", "127.0.0.1")
                .POST(HttpRequest.BodyPublishers.ofString(completed(victim.userId(), victimTask))));
        Response noToken = deliver("task-events", null, completed(victim.userId(), victimTask));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(noToken.status()).isEqualTo(401);
        Thread.sleep(SETTLE);
        assertThat(list(victim, QueryString.query()).ids()).containsExactly(victimTask);
    }

    @Test
    void aCompletionOfATaskThatIsNotCompletedCreatesNoNextOccurrenceEvenWithTheToken() throws Exception {
        Response dropped = deliver("task-events", FakeDaprSidecar.APP_API_TOKEN, completed(victim.userId(), victimTask));

        assertThat(dropped.json().get("status").asString()).isEqualTo("SUCCESS");
        Thread.sleep(SETTLE);
        assertThat(list(victim, QueryString.query()).ids()).containsExactly(victimTask);
    }

    @Test
    void aCompletionNamingAUserWhoDoesNotOwnTheTaskCreatesNothingEvenWithTheToken() throws Exception {
        Session attacker = api.signup();
        long attackersTask = createId(attacker, task("Gym").due(Instant.now().plus(Duration.ofDays(1)).toString())
                .recurrence("FREQ=DAILY"));
        assertThat(api.as(attacker).send(attacker.task(attackersTask) + "/complete", "PATCH", "application/json",
                "{\"completed\":true}").status()).isEqualTo(200);

        Response dropped = deliver("task-events", FakeDaprSidecar.APP_API_TOKEN, completed(victim.userId(), attackersTask));

        assertThat(dropped.json().get("status").asString()).isEqualTo("SUCCESS");
        Thread.sleep(SETTLE);
        assertThat(list(victim, QueryString.query()).ids()).containsExactly(victimTask);
    }

    @Test
    void theSubscriptionsAreOnlyToldToTheSidecar() {
        Response refused = api.get("/dapr/subscribe");
        Response forwarded = api.withHeader("X-Forwarded-For", "127.0.0.1").get("/dapr/subscribe");
        Response told = api.withHeader("dapr-api-token", FakeDaprSidecar.APP_API_TOKEN).get("/dapr/subscribe");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("/dapr/events");
        assertThat(forwarded.status()).isEqualTo(401);
        assertThat(told.status()).isEqualTo(200);
        assertThat(told.body()).contains("/dapr/events/shared/reminders");
    }

    @Test
    void aPercentEncodedRouteIsRefusedToo() {
        Response refused = api.send(api.request("/%64apr/events/shared/reminders")
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(reminderDue(victim.userId(), victimTask))));

        assertThat(refused.status()).isIn(400, 401);
    }

    @Test
    void aDaprModeWithoutTheAppApiTokenRefusesToStartWithOneLine() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TaskstreamApplication.class).run(
                "--server.port=0", "--taskstream.data-dir=target/it-data/" + UUID.randomUUID(),
                "--taskstream.events.transport=dapr", "--taskstream.dapr.app-api-token="))
                .hasMessage("Dapr mode is on but APP_API_TOKEN is not set: anyone who reaches the port could deliver "
                        + "events and trigger reminder jobs.");
        assertThatThrownBy(() -> new SpringApplicationBuilder(TaskstreamApplication.class).run(
                "--server.port=0", "--taskstream.data-dir=target/it-data/" + UUID.randomUUID(),
                "--taskstream.reminders.scheduler=dapr", "--taskstream.dapr.app-api-token=  "))
                .hasMessageStartingWith("Dapr mode is on but APP_API_TOKEN is not set");
    }

    private HttpRequest.Builder route(String topic) {
        return api.request("/dapr/events/shared/" + topic).header("Content-Type", "application/cloudevents+json");
    }

    private Response deliver(String topic, String token, String event) {
        HttpRequest.Builder request = route(topic).POST(HttpRequest.BodyPublishers.ofString(event));
        if (token != null) {
            request.header("dapr-api-token", token);
        }
        return api.send(request);
    }

    private List<JsonNode> notifications(Session user) {
        Response response = api.as(user).get("/api/" + user.userId() + "/notifications");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    private static String reminderDue(String userId, long taskId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"specversion":"1.0","id":"%s","source":"/taskstream/reminders","type":"taskstream.reminder.due",
                 "subject":"%d","time":"%s","datacontenttype":"application/json","userid":"%s",
                 "data":{"taskId":%d,"title":"Your bank details expired","dueAt":null,"remindAt":"%s","userId":"%s",
                         "reminderId":"%d-0","late":false,"firedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), taskId, now, userId, taskId, now, userId, taskId, now);
    }

    private static String completed(String userId, long taskId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"specversion":"1.0","id":"%s","source":"/taskstream/tasks","type":"taskstream.task.completed",
                 "subject":"%d","time":"%s","datacontenttype":"application/json","userid":"%s",
                 "data":{"eventType":"completed","taskId":%d,"userId":"%s","timestamp":"%s","changedFields":[],"door":"rest",
                         "task":{"id":%d,"title":"Pay rent","completed":true,"recurrence":{"rule":"FREQ=DAILY"},
                                 "completedAt":"%s"}}}"""
                .formatted(UUID.randomUUID(), taskId, now, userId, taskId, userId, now, taskId, now);
    }
}
