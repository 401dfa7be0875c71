package io.taskstream.monitoring;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.KafkaBroker;
import io.taskstream.support.PrometheusServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import tools.jackson.databind.JsonNode;

/**
 * Real faults, seen by a real Prometheus through the deployment's own alerting rules ({@code deploy/monitoring/rules}):
 * the Kafka broker stops while tasks change, and a consumer gives up on an event. The app is fresh (its producer has
 * never seen the broker stop), and the alerts must be seen inactive before the faults.
 */
@DirtiesContext(classMode = ClassMode.BEFORE_CLASS)
class EventAlertsIT extends MonitoredAppIT {

    @RegisterExtension
    static final PrometheusServer prometheus = PrometheusServer.withRules("alerts-it");

    @BeforeEach
    void startPrometheus() {
        assertThat(PrometheusServer.ruleFiles()).as("rule files in " + PrometheusServer.MONITORING.resolve("rules"))
                .isNotEmpty();
        prometheus.scrape(managementPort);
    }

    @Test
    void stoppingTheBrokerWhileTasksChangeRaisesEventsNotPublished() {
        assertThat(alertNames()).contains("TaskstreamEventsNotPublished");
        Session ann = api.signup();
        awaitScrapes(2);
        assertThat(alerts("TaskstreamEventsNotPublished")).as("before the fault").isEmpty();

        Instant stopped = Instant.now();
        KafkaBroker.shared().stop();
        JsonNode alert;
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(api.as(ann).post(ann.tasks(), task("While the broker is down " + i).json()).status())
                        .isEqualTo(201);
            }
            alert = Eventually.await(Duration.ofSeconds(90), () -> alerts("TaskstreamEventsNotPublished"),
                    found -> !found.isEmpty()).getFirst();
        } finally {
            KafkaBroker.shared().start();
        }
        Duration seen = Duration.between(stopped, Instant.now());
        System.out.printf("TaskstreamEventsNotPublished was %s %d ms after the broker stopped%n",
                alert.get("state").asString(), seen.toMillis());

        assertThat(alert.get("state").asString()).isIn("pending", "firing");
        assertThat(alert.get("labels").get("namespace").asString()).isEqualTo(PrometheusServer.NAMESPACE);
        assertThat(alert.get("labels").path("severity").asString("")).isIn("critical", "warning");
        assertThat(alert.get("annotations").path("runbook_url").asString("")).contains("docs/runbooks/");
    }

    @Test
    void anEventAConsumerGivesUpOnRaisesEventDeadLettered() {
        assertThat(alertNames()).contains("TaskstreamEventDeadLettered");
        Session bob = api.signup();
        awaitScrapes(2);
        assertThat(alerts("TaskstreamEventDeadLettered")).as("before the fault").isEmpty();

        Instant poisoned = Instant.now();
        api.as(bob).post(bob.tasks(), task(PoisonConsumer.POISON + " " + UUID.randomUUID()).json());
        JsonNode alert = Eventually.await(Duration.ofSeconds(60), () -> alerts("TaskstreamEventDeadLettered"),
                found -> !found.isEmpty()).getFirst();
        System.out.printf("TaskstreamEventDeadLettered was %s %d ms after the poisoned change%n",
                alert.get("state").asString(), Duration.between(poisoned, Instant.now()).toMillis());

        assertThat(alert.get("state").asString()).isIn("pending", "firing");
        assertThat(alert.get("labels").get("namespace").asString()).isEqualTo(PrometheusServer.NAMESPACE);
        assertThat(alert.get("labels").path("severity").asString("")).isIn("critical", "warning");
        assertThat(alert.get("annotations").path("runbook_url").asString("")).contains("docs/runbooks/");
    }

    /** The pending or firing alerts of this name. */
    private static List<JsonNode> alerts(String name) {
        List<JsonNode> found = new ArrayList<>();
        prometheus.alerts().forEach(a -> {
            if (name.equals(a.get("labels").get("alertname").asString())) {
                found.add(a);
            }
        });
        return found;
    }

    /** Every alerting rule Prometheus loaded. */
    private static List<String> alertNames() {
        List<String> names = new ArrayList<>();
        prometheus.ruleGroups().forEach(g -> g.get("rules").forEach(r -> {
            if ("alerting".equals(r.get("type").asString())) {
                names.add(r.get("name").asString());
            }
        }));
        return names;
    }

    /** Waits until Prometheus has scraped the app this many more times, so that rates have a baseline. */
    private static void awaitScrapes(int scrapes) {
        Instant from = Instant.now();
        Eventually.await(Duration.ofSeconds(20), () -> prometheus.targets().path(0),
                t -> t.has("lastScrape") && "up".equals(t.get("health").asString())
                        && Instant.parse(t.get("lastScrape").asString()).isAfter(from.plusSeconds(scrapes)));
    }
}
