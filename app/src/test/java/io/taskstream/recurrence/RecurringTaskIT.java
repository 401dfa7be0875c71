package io.taskstream.recurrence;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventDeliveries;
import io.taskstream.support.ApiIT;
import io.taskstream.support.EventSchemas;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Completing an occurrence of a recurring task creates exactly one next occurrence, with the right due. */
class RecurringTaskIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CONSUMER = "recurrence";

    @Autowired
    ApplicationContext context;

    private EventDeliveries deliveries;

    @BeforeEach
    void deliveries() {
        deliveries = new EventDeliveries(context);
    }

    @Test
    void completingAWeeklyTaskCreatesExactlyOneNextOccurrenceAWeekLater() {
        Session ann = api.signup("Europe/Berlin");
        LocalDateTime due = nextMonday(ZoneId.of("Europe/Berlin")).atTime(9, 0);
        long id = createId(ann, task("Standup").description("Daily sync").priority("high").tags("work")
                .due(due.toString()).recurrence("FREQ=WEEKLY;BYDAY=MO")
                .remindBefore("PT15M").remindAt(due.minusDays(1).toString()));

        complete(ann, id);
        List<JsonNode> series = awaitSeries(ann, id, 2);

        JsonNode next = series.get(1);
        assertThat(local(next, "Europe/Berlin")).isEqualTo(due.plusWeeks(1));
        assertThat(next.get("title").asString()).isEqualTo("Standup");
        assertThat(next.get("description").asString()).isEqualTo("Daily sync");
        assertThat(next.get("priority").asString()).isEqualTo("high");
        assertThat(next.get("tags").get(0).asString()).isEqualTo("work");
        assertThat(next.get("recurrence")).isEqualTo(series.get(0).get("recurrence"));
        assertThat(next.get("seriesId")).isEqualTo(series.get(0).get("seriesId"));
        assertThat(next.get("reminders").get(0).get("before").asString()).as("relative reminders stay").isEqualTo("PT15M");
        assertThat(OffsetDateTime.parse(next.get("reminders").get(1).get("at").asString())
                .atZoneSameInstant(ZoneId.of("Europe/Berlin")).toLocalDateTime())
                .as("absolute reminders move with the due").isEqualTo(due.plusWeeks(1).minusDays(1));
        assertThat(next.get("completed").asBoolean()).isFalse();
        assertThat(series.get(0).get("completed").asBoolean()).as("the completed one stays as history").isTrue();
        awaitApplied(id);
        assertThat(series(ann, id)).hasSize(2);
        assertThat(series(ann, next.get("id").asLong())).hasSize(2);
    }

    @Test
    void theNextOccurrenceIsCreatedThroughTheSystemDoorWithItsOwnEvent() {
        Session ann = api.signup();
        long id = createId(ann, task("Report").due(Instant.now().plus(Duration.ofDays(1)).toString()).recurrence("FREQ=DAILY"));

        complete(ann, id);
        long next = awaitSeries(ann, id, 2).get(1).get("id").asLong();

        List<CloudEvent> created = deliveries.written("task-events", "taskstream.task.created", next);
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().data().get("door").asString()).isEqualTo("system");
        assertThat(created.getFirst().data().get("task").get("seriesId").asString())
                .isEqualTo(series(ann, id).get(0).get("seriesId").asString());
    }

    @Test
    void taskEventsCarryRecurrenceSeriesAndRemindersAndMatchTheirSchemas() {
        Session ann = api.signup();
        long id = createId(ann, task("Schema").due(Instant.now().plus(Duration.ofDays(2)).toString())
                .recurrence("FREQ=MONTHLY;BYDAY=-1FR", "completion").remindBefore("P1D").remindAt("2099-01-01T08:00:00Z"));
        complete(ann, id);
        awaitSeries(ann, id, 2);

        List<CloudEvent> events = new java.util.ArrayList<>(deliveries.written("task-events", "taskstream.task.created", id));
        events.addAll(deliveries.written("task-events", "taskstream.task.completed", id));

        assertThat(events).hasSize(2).allSatisfy(event -> {
            JsonNode json = HttpApi.JSON.valueToTree(event);
            assertThat(EventSchemas.validate(json)).as(json.toString()).isEmpty();
            JsonNode task = json.get("data").get("task");
            assertThat(task.get("recurrence").get("rule").asString()).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
            assertThat(task.get("recurrence").get("from").asString()).isEqualTo("completion");
            assertThat(task.get("seriesId").asString()).hasSize(36);
            assertThat(task.get("reminders").toString()).isEqualTo("[{\"before\":\"PT24H\"},{\"at\":\"2099-01-01T08:00:00Z\"}]");
        });
    }

    @Test
    void aLateCompletionSkipsTheMissedWeeksInsteadOfPilingThemUp() {
        ZoneId zone = ZoneId.of("America/New_York");
        Session ann = api.signup(zone.getId());
        LocalDateTime due = LocalDate.now(zone).minusWeeks(3).minusDays(1).atTime(7, 30);
        long id = createId(ann, task("Timesheet").due(due.toString()).recurrence("FREQ=WEEKLY"));

        complete(ann, id);
        JsonNode next = awaitSeries(ann, id, 2).get(1);

        LocalDateTime nextDue = local(next, zone.getId());
        assertThat(nextDue.getDayOfWeek()).isEqualTo(due.getDayOfWeek());
        assertThat(nextDue.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(OffsetDateTime.parse(next.get("dueAt").asString()).toInstant()).isAfter(Instant.now())
                .isBefore(Instant.now().plus(Duration.ofDays(7)));
        awaitApplied(id);
        assertThat(series(ann, id)).as("no occurrence for each missed week").hasSize(2);
    }

    @Test
    void fromCompletionCountsFromTheCompletionDayAtTheDueTimeOfDay() {
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        Session ann = api.signup(zone.getId());
        LocalDateTime due = LocalDate.now(zone).minusDays(10).atTime(18, 15);
        long id = createId(ann, task("Water cactus").due(due.toString()).recurrence("FREQ=DAILY;INTERVAL=3", "completion"));

        Response done = complete(ann, id);
        JsonNode next = awaitSeries(ann, id, 2).get(1);

        LocalDate completionDay = OffsetDateTime.parse(done.json().get("completedAt").asString())
                .atZoneSameInstant(zone).toLocalDate();
        assertThat(local(next, zone.getId())).isEqualTo(completionDay.plusDays(3).atTime(18, 15));
    }

    @ParameterizedTest(name = "{0}, transition {1}")
    @CsvSource({"Europe/Berlin, 0", "Europe/Berlin, 1", "America/New_York, 0", "America/New_York, 1"})
    void aDailyNineOClockTaskStaysAtNineAcrossTheDstChange(String zoneId, int transitionNumber) {
        ZoneId zone = ZoneId.of(zoneId);
        ZoneOffsetTransition transition = zone.getRules().nextTransition(Instant.now().plus(Duration.ofDays(2)));
        if (transitionNumber == 1) {
            transition = zone.getRules().nextTransition(transition.getInstant());
        }
        LocalDate changeDay = transition.getDateTimeAfter().toLocalDate();
        Session ann = api.signup(zoneId);
        long first = createId(ann, task("Vitamins").due(changeDay.minusDays(1).atTime(9, 0).toString()).recurrence("FREQ=DAILY"));

        complete(ann, first);
        JsonNode onChangeDay = awaitSeries(ann, first, 2).get(1);
        complete(ann, onChangeDay.get("id").asLong());
        List<JsonNode> series = awaitSeries(ann, first, 3);

        assertThat(series).extracting(t -> local(t, zoneId)).containsExactly(
                changeDay.minusDays(1).atTime(9, 0), changeDay.atTime(9, 0), changeDay.plusDays(1).atTime(9, 0));
        assertThat(offset(series.get(0))).isEqualTo(transition.getOffsetBefore().getId().replace("Z", "+00:00"));
        assertThat(offset(series.get(2))).isEqualTo(transition.getOffsetAfter().getId());
    }

    @Test
    void countEndsTheSeries() {
        Session ann = api.signup();
        long first = createId(ann, task("Physio").due(Instant.now().plus(Duration.ofDays(1)).toString())
                .recurrence("FREQ=DAILY;COUNT=2"));

        complete(ann, first);
        long second = awaitSeries(ann, first, 2).get(1).get("id").asLong();
        complete(ann, second);
        awaitApplied(second);

        assertThat(series(ann, first)).hasSize(2);
        assertThat(api.as(ann).get(ann.task(second) + "/occurrences").json().size()).as("the last one previews itself only").isEqualTo(1);
    }

    @Test
    void completingUncompletingAndCompletingAgainLeavesOneNextOccurrence() {
        Session ann = api.signup();
        long id = createId(ann, task("Laundry").due(Instant.now().plus(Duration.ofDays(1)).toString()).recurrence("FREQ=WEEKLY"));

        complete(ann, id);
        awaitSeries(ann, id, 2);
        api.as(ann).send(ann.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":false}");
        complete(ann, id);
        Eventually.await(WAIT, () -> deliveries.written("task-events", "taskstream.task.completed", id).size(), n -> n == 2);
        awaitApplied(id);

        assertThat(series(ann, id)).hasSize(2);
    }

    @Test
    void theSameCompletedEventDeliveredTwiceCreatesOneNextOccurrence() {
        Session ann = api.signup();
        long id = createId(ann, task("Bins").due(Instant.now().plus(Duration.ofDays(1)).toString()).recurrence("FREQ=WEEKLY"));
        complete(ann, id);
        awaitSeries(ann, id, 2);
        awaitApplied(id);
        CloudEvent completed = deliveries.written("task-events", "taskstream.task.completed", id).getFirst();

        boolean appliedAgain = deliveries.deliver(CONSUMER, completed);
        boolean distinctEventApplied = deliveries.deliver(CONSUMER, EventDeliveries.copyWithNewId(completed));

        assertThat(appliedAgain).as("the dispatcher skips an event already applied").isFalse();
        assertThat(distinctEventApplied).as("a new event id passes the dispatcher").isTrue();
        assertThat(series(ann, id)).as("the database constraint refuses a second next occurrence").hasSize(2);
    }

    @Test
    void twoRacingDeliveriesOfACompletionCreateOneNextOccurrence() throws Exception {
        Session ann = api.signup();
        long id = createId(ann, task("Race").due(Instant.now().plus(Duration.ofDays(1)).toString()).recurrence("FREQ=DAILY"));
        complete(ann, id);
        awaitApplied(id);
        long existing = awaitSeries(ann, id, 2).get(1).get("id").asLong();
        api.as(ann).delete(ann.task(existing)); // so that the racing deliveries below have something to create
        CloudEvent completed = deliveries.written("task-events", "taskstream.task.completed", id).getFirst();

        CyclicBarrier start = new CyclicBarrier(4);
        List<CompletableFuture<Boolean>> racers = List.of(
                race(start, completed), race(start, completed),
                race(start, EventDeliveries.copyWithNewId(completed)), race(start, EventDeliveries.copyWithNewId(completed)));
        CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).join();

        assertThat(series(ann, id)).hasSize(2);
        assertThat(series(ann, id).get(1).get("id").asLong()).isNotEqualTo(existing);
    }

    private CompletableFuture<Boolean> race(CyclicBarrier start, CloudEvent event) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return deliveries.deliver(CONSUMER, event);
        });
    }

    private Response complete(Session user, long id) {
        Response response = api.as(user).send(user.task(id) + "/complete", "PATCH", "application/json", "{\"completed\":true}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private List<JsonNode> series(Session user, long id) {
        Response response = api.as(user).get(user.task(id) + "/series");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    private List<JsonNode> awaitSeries(Session user, long id, int size) {
        return Eventually.await(WAIT, () -> series(user, id), s -> s.size() >= size);
    }

    /** Waits until the recurrence consumer has applied every completed event of the task so far. */
    private void awaitApplied(long taskId) {
        Eventually.await(WAIT, () -> deliveries.written("task-events", "taskstream.task.completed", taskId).stream()
                .allMatch(e -> deliveries.applied(CONSUMER, e)), done -> done);
    }

    private static LocalDateTime local(JsonNode task, String zone) {
        return OffsetDateTime.parse(task.get("dueAt").asString()).atZoneSameInstant(ZoneId.of(zone)).toLocalDateTime();
    }

    private static String offset(JsonNode task) {
        return OffsetDateTime.parse(task.get("dueAt").asString()).getOffset().getId();
    }

    private static LocalDate nextMonday(ZoneId zone) {
        return LocalDate.now(zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }
}
