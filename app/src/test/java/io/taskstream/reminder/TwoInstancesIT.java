package io.taskstream.reminder;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.taskstream.TaskstreamApplication;
import io.taskstream.platform.TaskstreamProperties;
import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two replicas on one database: both schedulers poll the same executions, each reminder fires once. */
class TwoInstancesIT extends ApiIT {

    private static final int PER_INSTANCE = 15;

    @Autowired
    DataSource dataSource;
    @Autowired
    TaskstreamProperties properties;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesOnOneDatabaseFireEachReminderOnce() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        // The first one's data dir gives the second instance the same generated JWT secret (no embedded
        // database there: it has a datasource URL); its relay is off, so the first one delivers all events.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--spring.datasource.url=" + hikari.getJdbcUrl(),
                        "--spring.datasource.username=" + hikari.getUsername(),
                        "--taskstream.data-dir=" + properties.dataDir().toAbsolutePath(),
                        "--taskstream.roles=api,reminders",
                        "--taskstream.events.relay.enabled=false",
                        "--server.port=0")) {
            HttpApi other = new HttpApi(ReminderRestartIT.port(second));
            Session ann = api.signup();
            Instant remindAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < PER_INSTANCE; i++) {
                for (HttpApi instance : List.of(api, other)) {
                    var created = instance.as(ann).post(ann.tasks(), task("Shared " + i)
                            .due(remindAt.plusSeconds(3600).toString())
                            .remindAt(remindAt.toString()).remindAt(remindAt.plusMillis(500).toString()).json());
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    ids.add(created.json().get("id").asLong());
                }
            }
            FiredReminders reminders = new FiredReminders(jdbc);

            Eventually.await(Duration.ofSeconds(30), () -> ids.stream().mapToInt(id -> reminders.fired(id).size()).sum(),
                    n -> n >= ids.size() * 2);
            Thread.sleep(1000);

            assertThat(ids).allSatisfy(id -> assertThat(reminders.fired(id)).hasSize(2));
            assertThat(jdbc.sql("select count(*) from reminder_firing where task_id in (:ids)").param("ids", ids)
                    .query(Long.class).single()).isEqualTo(ids.size() * 2L);
        }
    }
}
