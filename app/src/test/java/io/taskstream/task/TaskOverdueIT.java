package io.taskstream.task;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.account.UserId;
import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Session;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An all-day task is overdue once its day has ended in the user's zone, which on the days daylight
 * saving time starts or ends is 23 or 25 hours after it began. The list is asked at chosen instants.
 */
class TaskOverdueIT extends ApiIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    TaskRepository repository;

    private Session ann;

    @BeforeEach
    void annLivesInBerlin() {
        ann = api.signup(BERLIN.getId());
    }

    private List<String> overdueAt(String instant) {
        TaskQuery overdue = TaskQueryParams.parse(new TaskQueryParams(null, null, null, null, null, null, true, null, null,
                null, null), BERLIN);
        return repository.list(UserId.of(ann.userId()), overdue, Instant.parse(instant), BERLIN).tasks().stream()
                .map(TaskSnapshot::title).toList();
    }

    @Test
    void aTwentyFiveHourDayEndsAnHourLaterThanADayInUtc() {
        createId(ann, task("clocks go back").due("2026-10-25"));

        assertThat(overdueAt("2026-10-25T22:30:00Z")).as("23:30 on the 25th in Berlin").isEmpty();
        assertThat(overdueAt("2026-10-25T23:00:00Z")).as("midnight after the 25th").containsExactly("clocks go back");
    }

    @Test
    void aTwentyThreeHourDayEndsAnHourEarlierThanADayInUtc() {
        createId(ann, task("clocks go forward").due("2026-03-29"));

        assertThat(overdueAt("2026-03-29T21:59:59Z")).as("23:59:59 on the 29th in Berlin").isEmpty();
        assertThat(overdueAt("2026-03-29T22:00:00Z")).as("midnight after the 29th").containsExactly("clocks go forward");
    }

    @Test
    void aTimedTaskIsOverdueTheMomentItIsDue() {
        createId(ann, task("timed").due("2026-10-25T02:30:00+01:00"));

        assertThat(overdueAt("2026-10-25T01:30:00Z")).isEmpty();
        assertThat(overdueAt("2026-10-25T01:30:00.001Z")).containsExactly("timed");
    }
}
