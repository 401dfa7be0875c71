package io.taskstream.reminder;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.TaskstreamApplication;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A real restart: the app (and its embedded PostgreSQL) stops with a reminder pending and starts again on the same data. */
class ReminderRestartIT {

    @Test
    void aReminderDueWhileTheAppWasDownFiresRightAfterItStartsMarkedLate() throws Exception {
        Path data = Path.of("target/it-data/restart-" + UUID.randomUUID());
        Instant remindAt;
        long id;
        try (ConfigurableApplicationContext first = start(data)) {
            HttpApi api = new HttpApi(port(first));
            Session ann = api.signup();
            remindAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
            id = api.as(ann).post(ann.tasks(), task("Take the cake out").due(remindAt.plus(Duration.ofHours(1)).toString())
                    .remindAt(remindAt.toString()).json()).json().get("id").asLong();
            assertThat(new FiredReminders(first.getBean(JdbcClient.class)).pending(id)).hasSize(1);
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), remindAt.plusMillis(1500)).toMillis()));

        try (ConfigurableApplicationContext second = start(data)) {
            Instant started = Instant.now();
            FiredReminders reminders = new FiredReminders(second.getBean(JdbcClient.class));

            JsonNode event = reminders.awaitFired(id, 1, Duration.ofSeconds(20)).getFirst();

            assertThat(event.get("data").get("late").asBoolean()).isTrue();
            assertThat(FiredReminders.instant(event, "remindAt")).isEqualTo(remindAt);
            assertThat(FiredReminders.instant(event, "firedAt")).isAfter(remindAt.plusSeconds(1))
                    .isBefore(started.plusSeconds(3));
            Thread.sleep(500);
            assertThat(reminders.fired(id)).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        // Arguments, not builder properties: those are mere defaults that application.yaml overrides.
        return new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--taskstream.data-dir=" + data, "--server.port=0", "--taskstream.reminders.late-after=PT1S");
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
