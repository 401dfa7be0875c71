package io.taskstream.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.calendar.Occurrence;
import io.taskstream.task.Recurrence;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The next occurrence of a completed hourly task, from its due time and from its completion. */
class NextOccurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant DUE = Instant.parse("2026-03-04T09:00:00Z"); // 10:00 in Berlin

    @Test
    void fromDueTheNextHourlyOccurrenceIsTheFirstOneNotInThePast() {
        Recurrence every2Hours = new Recurrence("FREQ=HOURLY;INTERVAL=2", Recurrence.From.DUE);
        Instant now = Instant.parse("2026-03-04T12:30:00Z");

        Occurrence next = NextOccurrence.after(every2Hours, DUE, false, 1, now, now, BERLIN).orElseThrow();

        assertThat(next.at().toInstant()).isEqualTo(Instant.parse("2026-03-04T13:00:00Z"));
        assertThat(next.index()).isEqualTo(3);
    }

    @Test
    void fromCompletionAnHourlyTaskIsDueTheIntervalAfterItWasDone() {
        Recurrence every2Hours = new Recurrence("FREQ=HOURLY;INTERVAL=2", Recurrence.From.COMPLETION);
        Instant done = Instant.parse("2026-03-04T14:37:20Z");

        Occurrence next = NextOccurrence.after(every2Hours, DUE, false, 1, done, done, BERLIN).orElseThrow();

        assertThat(next.at().toInstant()).isEqualTo(Instant.parse("2026-03-04T16:37:00Z"));
    }

    @Test
    void fromCompletionADailyTaskKeepsItsTimeOfDay() {
        Recurrence daily = new Recurrence("FREQ=DAILY", Recurrence.From.COMPLETION);
        Instant done = Instant.parse("2026-03-06T14:37:20Z");

        Occurrence next = NextOccurrence.after(daily, DUE, false, 1, done, done, BERLIN).orElseThrow();

        assertThat(next.at().toInstant()).isEqualTo(Instant.parse("2026-03-07T09:00:00Z"));
    }
}
