package io.taskstream.reminder;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.FakeDaprSidecar;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.PrometheusScrape;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reminders scheduled with the Dapr Jobs API ({@code taskstream.reminders.scheduler=dapr}, ADR 023), against
 * an in-process sidecar that implements the documented calls: schedule and delete
 * (https://docs.dapr.io/reference/api/jobs_api/) and the trigger {@code POST /job/{name}} on the app
 * (https://docs.dapr.io/developing-applications/building-blocks/jobs/howto-schedule-and-handle-triggered-jobs/),
 * authenticated with the app API token (https://docs.dapr.io/operations/security/app-api-token/).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.reminders.scheduler=dapr",
        "taskstream.reminders.dapr.poll-interval=PT0.2S",
        "taskstream.reminders.dapr.max-backoff=PT0.5S",
        "taskstream.reminders.overdue.after=PT1S",
        "taskstream.reminders.overdue.refresh=PT0.2S",
        "taskstream.dapr.app-api-token=" + FakeDaprSidecar.APP_API_TOKEN})
class DaprJobsIT extends ApiIT {

    static final FakeDaprSidecar SIDECAR = new FakeDaprSidecar();

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void dapr(DynamicPropertyRegistry registry) {
        registry.add("taskstream.dapr.http-port", SIDECAR::port);
    }

    @BeforeEach
    void attachSidecar() {
        SIDECAR.attach(port);
    }

    @AfterEach
    void sidecarUp() {
        SIDECAR.jobsDown(false);
        SIDECAR.loseJobs(false);
    }

    @Test
    void aReminderBecomesOneNamedDaprJobThatFiresOnceWhenTheSidecarTriggersIt() {
        Session ann = api.signup();
        Instant remindAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Call the plumber").due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString()));
        String name = "reminder-" + id + "-0-" + remindAt.getEpochSecond();

        FakeDaprSidecar.Job job = Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobs().get(name), j -> j != null);
        assertThat(job.dueTime()).isEqualTo(remindAt);
        assertThat(job.repeats()).isEqualTo(1);
        assertThat(job.data()).contains("\"reminderId\":\"" + id + "-0\"");
        FiredReminders reminders = new FiredReminders(jdbc);
        assertThat(reminders.pending(id)).as("no db-scheduler execution").isEmpty();

        var fired = reminders.awaitFired(id, 1, Duration.ofSeconds(15));
        assertThat(fired).hasSize(1);
        assertThat(FiredReminders.instant(fired.getFirst(), "remindAt")).isEqualTo(remindAt);
        assertThat(FiredReminders.instant(fired.getFirst(), "firedAt")).isAfterOrEqualTo(remindAt);
        assertThat(jobRows(id)).isZero();
    }

    @Test
    void aJobTheSidecarTriggersTwiceFiresOnce() {
        Session ann = api.signup();
        Instant remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Twice").due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString()));
        FiredReminders reminders = new FiredReminders(jdbc);
        reminders.awaitFired(id, 1, Duration.ofSeconds(15));

        assertThat(SIDECAR.triggerAgain("reminder-" + id + "-0-" + remindAt.getEpochSecond())).isEqualTo(200);

        assertThat(reminders.fired(id)).hasSize(1);
    }

    @Test
    void completingTheTaskDeletesItsJobAndNothingFires() throws Exception {
        Session ann = api.signup();
        Instant remindAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Done early").due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString()));
        String name = "reminder-" + id + "-0-" + remindAt.getEpochSecond();
        Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobs().containsKey(name), scheduled -> scheduled);

        assertThat(api.as(ann).send(ann.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":true}").status())
                .isEqualTo(200);

        Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobRequests().contains("DELETE " + name), deleted -> deleted);
        assertThat(SIDECAR.jobs()).doesNotContainKey(name);
        Thread.sleep(Duration.between(Instant.now(), remindAt.plusSeconds(1)).toMillis());
        assertThat(new FiredReminders(jdbc).fired(id)).isEmpty();
        assertThat(jobRows(id)).isZero();
    }

    @Test
    void deletingTheAccountDeletesItsJobsAndNothingFires() throws Exception {
        Session ann = api.signup();
        Instant remindAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Never mind").due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString()));
        String name = "reminder-" + id + "-0-" + remindAt.getEpochSecond();
        Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobs().containsKey(name), scheduled -> scheduled);

        assertThat(api.as(ann).send("/api/auth/me", "DELETE", "application/json",
                "{\"password\":\"" + HttpApi.PASSWORD + "\"}").status()).isEqualTo(204);

        Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobRequests().contains("DELETE " + name), deleted -> deleted);
        assertThat(SIDECAR.jobs()).doesNotContainKey(name);
        Thread.sleep(Duration.between(Instant.now(), remindAt.plusSeconds(1)).toMillis());
        assertThat(new FiredReminders(jdbc).fired(id)).isEmpty();
        assertThat(jobRows(id)).isZero();
    }

    @Test
    void movingTheDueReplacesTheJobWithOneForTheNewMoment() {
        Session ann = api.signup();
        Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Dentist").due(due.toString()).remindBefore("PT15M"));
        String before = "reminder-" + id + "-0-" + due.minusSeconds(900).getEpochSecond();
        Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobs().containsKey(before), scheduled -> scheduled);

        Instant moved = due.plus(Duration.ofHours(2));
        assertThat(api.as(ann).patch(ann.task(id), task("Dentist").due(moved.toString()).json()).status()).isEqualTo(200);

        String after = "reminder-" + id + "-0-" + moved.minusSeconds(900).getEpochSecond();
        Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobs().containsKey(after) && !SIDECAR.jobs().containsKey(before),
                replaced -> replaced);
        assertThat(SIDECAR.jobs().get(after).dueTime()).isEqualTo(moved.minusSeconds(900));
    }

    @Test
    void aJobRequestedWhileTheSidecarIsDownReachesItOnceItIsBack() throws Exception {
        SIDECAR.jobsDown(true);
        Session ann = api.signup();
        Instant remindAt = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Later").due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString()));
        String name = "reminder-" + id + "-0-" + remindAt.getEpochSecond();
        Eventually.await(Duration.ofSeconds(10), () -> attempts(name), n -> n >= 2);
        assertThat(SIDECAR.jobs()).doesNotContainKey(name);

        SIDECAR.jobsDown(false);

        FakeDaprSidecar.Job job = Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobs().get(name), j -> j != null);
        assertThat(job.dueTime()).isEqualTo(remindAt);
    }

    @Test
    void aReminderDueBeforeTheSidecarTookItsJobStillFiresOnce() {
        SIDECAR.jobsDown(true);
        Session ann = api.signup();
        Instant remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Sidecar down").due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString()));

        var fired = new FiredReminders(jdbc).awaitFired(id, 1, Duration.ofSeconds(15));

        assertThat(fired).hasSize(1);
        assertThat(SIDECAR.jobs()).doesNotContainKey("reminder-" + id + "-0-" + remindAt.getEpochSecond());
        assertThat(jobRows(id)).isZero();
    }

    @Test
    void onlyTheSidecarMayTriggerJobs() {
        assertThat(api.anonymous().post("/job/reminder-1-0-1", "{}").status()).isEqualTo(401);
        assertThat(api.anonymous().withHeader("dapr-api-token", "wrong").post("/job/reminder-1-0-1", "{}").status())
                .isEqualTo(401);
        assertThat(api.anonymous().withHeader("dapr-api-token", FakeDaprSidecar.APP_API_TOKEN).post("/job/reminder-1-0-1", "{}").status())
                .as("a job no reminder names any more fires nothing, and Dapr need not retry it")
                .isEqualTo(200);
    }

    @Test
    void aJobTriggeredWithoutTheTokenIsRefusedAndTheReminderFiresOnlyAtItsTime() throws Exception {
        Session ann = api.signup();
        Instant remindAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Not yet").due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString()));
        String name = "reminder-" + id + "-0-" + remindAt.getEpochSecond();
        Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobs().containsKey(name), scheduled -> scheduled);

        var noToken = api.anonymous().post("/job/" + name, "{}");
        var loopbackClaimed = api.anonymous().withHeader("X-Forwarded-For", "127.0.0.1").post("/job/" + name, "{}");
        var wrongToken = api.anonymous().withHeader("dapr-api-token", "guess").post("/job/" + name, "{}");

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.contentType()).startsWith("application/problem+json");
        assertThat(loopbackClaimed.status()).isEqualTo(401);
        assertThat(wrongToken.status()).isEqualTo(401);
        Thread.sleep(500);
        assertThat(new FiredReminders(jdbc).fired(id)).isEmpty();
        assertThat(jobRows(id)).isOne();
    }

    @Test
    void aReminderWhoseJobDaprNeverTriggersCountsAsOverdueUntilItIsCancelled() {
        SIDECAR.loseJobs(true);
        Session ann = api.signup();
        double before = overdue();
        Instant remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Lost by Dapr").due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString()));
        String name = "reminder-" + id + "-0-" + remindAt.getEpochSecond();
        Eventually.await(Duration.ofSeconds(10), () -> SIDECAR.jobs().containsKey(name), accepted -> accepted);

        Eventually.await(Duration.ofSeconds(10), this::overdue, n -> n == before + 1);
        assertThat(Instant.now()).as("overdue only past overdue.after").isAfter(remindAt.plusSeconds(1));
        assertThat(new FiredReminders(jdbc).fired(id)).isEmpty();

        assertThat(api.as(ann).send(ann.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":true}").status())
                .isEqualTo(200);
        Eventually.await(Duration.ofSeconds(10), this::overdue, n -> n == before);
    }

    private double overdue() {
        return PrometheusScrape.of(api).sum("taskstream_reminders_overdue");
    }

    private long jobRows(long taskId) {
        return jdbc.sql("select count(*) from reminder_dapr_job where task_id = :task").param("task", taskId)
                .query(Long.class).single();
    }

    private int attempts(String name) {
        return jdbc.sql("select attempts from reminder_dapr_job where name = :name").param("name", name)
                .query(Integer.class).optional().orElse(0);
    }
}
