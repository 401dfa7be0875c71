package io.taskstream.reminder;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.EventSchemas;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ReminderIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    JdbcClient jdbc;

    private FiredReminders reminders;

    @BeforeEach
    void probe() {
        reminders = new FiredReminders(jdbc);
    }

    @Test
    void aReminderDueInTwoSecondsFiresOnceOnTimeWithAValidEvent() throws Exception {
        Session ann = api.signup("Europe/Berlin");
        Instant remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Call mum").due(Instant.now().plus(Duration.ofHours(1)).toString())
                .remindAt(remindAt.toString()));

        JsonNode event = reminders.awaitFired(id, 1, WAIT).getFirst();
        Thread.sleep(500);

        assertThat(reminders.fired(id)).hasSize(1);
        assertThat(EventSchemas.validate(event)).as(event.toString()).isEmpty();
        JsonNode data = event.get("data");
        assertThat(data.get("title").asString()).isEqualTo("Call mum");
        assertThat(data.get("userId").asString()).isEqualTo(ann.userId());
        assertThat(data.get("reminderId").asString()).isEqualTo(id + "-0");
        assertThat(data.get("late").asBoolean()).isFalse();
        assertThat(FiredReminders.instant(event, "remindAt")).isEqualTo(remindAt);
        assertThat(Duration.between(remindAt, FiredReminders.instant(event, "firedAt")))
                .isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(1));
        assertThat(reminders.pending(id)).as("the execution is done").isEmpty();
    }

    @Test
    void aBurstDueAtOneInstantFiresEachReminderOnceInFarFewerTransactionsThanReminders() {
        Session ann = api.signup();
        Instant remindAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        List<Long> ids = new java.util.ArrayList<>();
        int scheduledLate = 0;
        for (int i = 0; i < 200; i++) {
            ids.add(createId(ann, task("Burst " + i).due(remindAt.plusSeconds(3600).toString()).remindAt(remindAt.toString())));
            if (!Instant.now().isBefore(remindAt.minusMillis(500))) {
                scheduledLate++; // on a loaded machine: already due when scheduled, it fires as it comes, not in the burst
            }
        }

        Eventually.await(Duration.ofSeconds(30), () -> firings(ids, "count(*)"), n -> n >= ids.size());

        assertThat(ids).allSatisfy(id -> assertThat(reminders.fired(id)).hasSize(1));
        assertThat(firings(ids, "count(*)")).isEqualTo(ids.size());
        // One firing time per transaction. Each execution a scheduler picked (up to 4 x 8 threads a poll) fires in
        // its own transaction and claims the other due reminders in bulk. Every scheduler polling this database
        // picks its own executions: the other application contexts the test JVM keeps (two instances, a restart)
        // poll it too, so a burst may meet two or three schedulers of 32 executions each, never 200 transactions.
        assertThat(firings(ids, "count(distinct fired_at)")).isLessThanOrEqualTo(ids.size() / 2L + scheduledLate);
    }

    private long firings(List<Long> ids, String aggregate) {
        return jdbc.sql("select " + aggregate + " from reminder_firing where task_id in (:ids)").param("ids", ids)
                .query(Long.class).single();
    }

    @Test
    void aRelativeReminderFiresItsDurationBeforeTheDue() {
        Session ann = api.signup();
        Instant due = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        long id = createId(ann, task("Leave for the train").due(due.toString()).remindBefore("PT1S"));

        JsonNode event = reminders.awaitFired(id, 1, WAIT).getFirst();

        assertThat(FiredReminders.instant(event, "remindAt")).isEqualTo(due.minusSeconds(1));
        assertThat(FiredReminders.instant(event, "dueAt")).isEqualTo(due);
    }

    @Test
    void eachReminderIsScheduledInTheTransactionOfTheChangeAndRescheduledWhenTheDueMoves() {
        Session ann = api.signup("America/New_York");
        long id = createId(ann, task("Dentist").due("2099-06-01T10:00:00Z").remindBefore("PT1H").remindBefore("P1D")
                .remindAt("2099-05-01T08:00:00Z"));

        assertThat(reminders.pending(id)).containsExactly(
                id + "-0@2099-06-01T09:00:00Z", id + "-1@2099-05-31T10:00:00Z", id + "-2@2099-05-01T08:00:00Z");

        api.as(ann).patch(ann.task(id), "{\"dueAt\":\"2099-06-02T10:00:00Z\"}");
        assertThat(reminders.pending(id)).containsExactly(
                id + "-0@2099-06-02T09:00:00Z", id + "-1@2099-06-01T10:00:00Z", id + "-2@2099-05-01T08:00:00Z");

        api.as(ann).patch(ann.task(id), "{\"reminders\":[{\"before\":\"PT10M\"}]}");
        assertThat(reminders.pending(id)).containsExactly(id + "-0@2099-06-02T09:50:00Z");
    }

    @Test
    void relativeRemindersOfAnAllDayTaskCountFromNineInTheMorningLocalTime() {
        Session ann = api.signup("Europe/Berlin");

        long id = createId(ann, task("Birthday").due("2099-07-10").remindBefore("PT0S").remindBefore("P1D"));

        assertThat(reminders.pending(id)).containsExactly(id + "-0@2099-07-10T07:00:00Z", id + "-1@2099-07-09T07:00:00Z");
    }

    @Test
    void completingOrDeletingCancelsPendingRemindersAndUncompletingSchedulesThemAgain() {
        Session ann = api.signup();
        long done = createId(ann, task("Done soon").due("2099-01-01T10:00:00Z").remindBefore("PT5M"));
        long gone = createId(ann, task("Gone soon").due("2099-01-01T10:00:00Z").remindBefore("PT5M"));

        complete(ann, done, true);
        api.as(ann).delete(ann.task(gone));
        assertThat(reminders.pending(done)).isEmpty();
        assertThat(reminders.pending(gone)).isEmpty();

        complete(ann, done, false);
        assertThat(reminders.pending(done)).containsExactly(done + "-0@2099-01-01T09:55:00Z");
    }

    @Test
    void aCompletedTasksReminderDoesNotFire() throws Exception {
        Session ann = api.signup();
        long id = createId(ann, task("Never mind").due(Instant.now().plus(Duration.ofHours(1)).toString())
                .remindAt(Instant.now().plusSeconds(1).toString()));

        complete(ann, id, true);
        Thread.sleep(2000);

        assertThat(reminders.fired(id)).isEmpty();
    }

    @Test
    void aReminderWhoseMomentHasPassedWhenItIsSetIsNotScheduled() {
        Session ann = api.signup();

        long id = createId(ann, task("Too late").due(Instant.now().plus(Duration.ofMinutes(5)).toString()).remindBefore("PT1H"));

        assertThat(reminders.pending(id)).isEmpty();
    }

    @Test
    void remindersAreShownInTheUsersZoneAndRoundTripThroughPatch() {
        Session ann = api.signup("Asia/Tokyo");
        long id = createId(ann, task("Flight").due("2099-03-01T10:00:00").remindBefore("PT3H").remindAt("2099-02-28T20:00:00Z"));

        Response renamed = api.as(ann).patch(ann.task(id), "{\"title\":\"Flight to Osaka\"}");

        assertThat(renamed.json().get("reminders").toString())
                .isEqualTo("[{\"before\":\"PT3H\"},{\"at\":\"2099-03-01T05:00:00+09:00\"}]");
    }

    @Test
    void invalidRemindersAreRejectedFieldByField() {
        Session ann = api.signup();

        assertProblem(post(ann, task("x").due("2099-01-01").remindBefore("15 minutes")), "reminders[0].before", "ISO-8601");
        assertProblem(post(ann, task("x").due("2099-01-01").remindBefore("-PT5M")), "reminders[0].before", "ISO-8601");
        assertProblem(post(ann, task("x").remindBefore("PT5M")), "reminders[0].before", "dueAt");
        assertProblem(post(ann, task("x").remindAt("tomorrow")), "reminders[0].at", "RFC 3339");
        assertProblem(post(ann, task("x").raw("reminders", "[{\"before\":\"PT5M\",\"at\":\"2099-01-01T00:00:00Z\"}]")),
                "reminders[0]", "exactly one");
        assertProblem(post(ann, task("x").raw("reminders", "{\"before\":\"PT5M\"}")), "reminders", "array");
        TaskJson eleven = task("x").due("2099-01-01");
        for (int i = 1; i <= 11; i++) {
            eleven.remindBefore("PT" + i + "M");
        }
        assertProblem(post(ann, eleven), "reminders", "at most 10");
    }

    private void complete(Session user, long id, boolean completed) {
        Response response = api.as(user).send(user.task(id) + "/complete", "PATCH", "application/json",
                "{\"completed\":" + completed + "}");
        assertThat(response.status()).isEqualTo(200);
    }

    private Response post(Session user, TaskJson task) {
        return api.as(user).post(user.tasks(), task.json());
    }

    private static void assertProblem(Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> messages = response.json().get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals(field)).map(e -> e.get("message").asString()).toList();
        assertThat(messages).as(response.toString()).anySatisfy(m -> assertThat(m).contains(messagePart));
    }
}
