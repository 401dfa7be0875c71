package io.taskstream.notification;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.LogLines;
import io.taskstream.support.PrometheusScrape;
import io.taskstream.support.SseStream;
import io.taskstream.support.SseStream.Event;
import io.taskstream.support.WebhookReceiver;
import io.taskstream.support.WebhookReceiver.Call;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every channel end to end, with real servers in-process: SMTP (GreenMail) and an HTTP webhook receiver
 * on loopback (allowed here by the admin setting). Its own context: mail and private-network settings.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.notifications.webhook.allow-private-networks=true",
        "taskstream.notifications.webhook.max-consecutive-failures=2",
        "taskstream.notifications.delivery.max-attempts=3",
        "taskstream.notifications.delivery.initial-backoff=PT0.2S",
        "server.shutdown=immediate"})
@DirtiesContext // its scheduler and mail settings should not outlive these tests
@ExtendWith(OutputCaptureExtension.class)
class NotificationChannelsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WebhookReceiver HOOKS = new WebhookReceiver();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        HOOKS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void aReminderDueInTwoSecondsReachesEveryChannelOnce() throws Exception {
        Session ann = api.signup("Europe/Berlin");
        String hook = "/hooks/" + ann.userId();
        String secret = "a-very-secret-webhook-key";
        settings(ann, "{\"inApp\":true,\"email\":{\"enabled\":true},\"webhook\":{\"enabled\":true,\"url\":\""
                + HOOKS.url(hook) + "\",\"secret\":\"" + secret + "\"}}");
        try (SseStream stream = SseStream.open(api.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            Instant remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
            long id = api.as(ann).post(ann.tasks(), task("Renew passport").due(remindAt.plusSeconds(3600).toString())
                    .remindAt(remindAt.toString()).json()).json().get("id").asLong();

            Event pushed = stream.next("notification", WAIT);
            List<MimeMessage> mails = Eventually.await(WAIT, () -> messagesTo(ann.email()), m -> !m.isEmpty());
            List<Call> calls = Eventually.await(WAIT, () -> HOOKS.calls(hook), c -> !c.isEmpty());
            Thread.sleep(1000);

            assertThat(pushed).isNotNull();
            assertThat(pushed.data()).contains("Renew passport");
            assertThat(api.as(ann).get("/api/" + ann.userId() + "/notifications").json().size()).isEqualTo(1);
            assertThat(messagesTo(ann.email())).hasSize(1);
            assertThat(mails.getFirst().getSubject()).isEqualTo("Reminder: Renew passport");
            assertThat(HOOKS.calls(hook)).hasSize(1);
            Call call = calls.getFirst();
            assertThat(call.contentType()).isEqualTo("application/json");
            assertThat(call.signature()).isEqualTo("sha256=" + WebhookChannel.sign(secret, call.body()));
            JsonNode body = HttpApi.JSON.readTree(call.body());
            assertThat(body.get("taskId").asLong()).isEqualTo(id);
            assertThat(body.get("title").asString()).isEqualTo("Renew passport");
            assertThat(deliveries(id)).containsExactlyInAnyOrder("email:sent", "webhook:sent");
        }
    }

    @Test
    void emailGoesToTheChosenAddressWhenOneIsSet() {
        Session ann = api.signup();
        settings(ann, "{\"email\":{\"enabled\":true,\"address\":\"inbox-" + ann.userId() + "@example.org\"}}");
        Instant at = Instant.now().plusSeconds(1);

        api.as(ann).post(ann.tasks(), task("Chosen inbox").due(at.plusSeconds(60).toString()).remindAt(at.toString()).json());

        Eventually.await(WAIT, () -> messagesTo("inbox-" + ann.userId() + "@example.org"), m -> m.size() == 1);
        assertThat(messagesTo(ann.email())).isEmpty();
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffAndSucceedsOnce(CapturedOutput output) {
        Session ann = api.signup();
        String hook = "/retry/" + ann.userId();
        settings(ann, "{\"webhook\":{\"enabled\":true,\"url\":\"" + HOOKS.url(hook) + "\"}}");
        HOOKS.failNext(hook, 503);
        double failed = deliveryMetric("failed");
        double delivered = deliveryMetric("delivered");
        Instant at = Instant.now().plusSeconds(1);

        long id = api.as(ann).post(ann.tasks(), task("Retry me").due(at.plusSeconds(60).toString()).remindAt(at.toString())
                .json()).json().get("id").asLong();

        Eventually.await(WAIT, () -> deliveries(id), d -> d.contains("webhook:sent"));
        assertThat(HOOKS.calls(hook)).hasSize(2);
        assertThat(settingsOf(ann).get("webhook").get("enabled").asBoolean()).isTrue();
        assertThat(LogLines.warningsAndErrors(output))
                .as("a receiver's failure is logged as such, not as the scheduler's unhandled exception")
                .noneMatch(line -> line.contains("webhook answered"));
        assertThat(output.getAll()).contains("failed (attempt 1 of 3): webhook answered 503");
        // Counted by outcome (other tests' deliveries may finish meanwhile, so at least these).
        assertThat(deliveryMetric("failed")).isGreaterThanOrEqualTo(failed + 1);
        assertThat(deliveryMetric("delivered")).isGreaterThanOrEqualTo(delivered + 1);
    }

    /** Webhook deliveries with this outcome so far, as Prometheus scrapes them. */
    private double deliveryMetric(String outcome) {
        return PrometheusScrape.parse(api.withHeader("Accept", "text/plain;version=0.0.4").get("/actuator/prometheus").body())
                .sum("taskstream_deliveries_total", "channel", "webhook", "outcome", outcome);
    }

    @Test
    void aWebhookIsDisabledAfterConsecutiveFailures() {
        Session ann = api.signup();
        String hook = "/broken/" + ann.userId();
        settings(ann, "{\"webhook\":{\"enabled\":true,\"url\":\"" + HOOKS.url(hook) + "\"}}");
        HOOKS.failNext(hook, 500, 500, 500);
        Instant at = Instant.now().plusSeconds(1);

        long id = api.as(ann).post(ann.tasks(), task("Broken hook").due(at.plusSeconds(60).toString()).remindAt(at.toString())
                .json()).json().get("id").asLong();

        Eventually.await(WAIT, () -> settingsOf(ann).get("webhook").get("enabled").asBoolean(), enabled -> !enabled);
        Eventually.await(WAIT, () -> deliveries(id), d -> d.contains("webhook:failed"));
        assertThat(HOOKS.calls(hook)).hasSize(2);
    }

    private void settings(Session user, String json) {
        Response response = api.as(user).put("/api/" + user.userId() + "/notification-settings", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private JsonNode settingsOf(Session user) {
        return api.as(user).get("/api/" + user.userId() + "/notification-settings").json();
    }

    private List<String> deliveries(long taskId) {
        return jdbc.sql("select d.channel || ':' || d.status from notification_delivery d "
                        + "where d.payload->>'taskId' = :task order by d.channel")
                .param("task", Long.toString(taskId)).query(String.class).list();
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
