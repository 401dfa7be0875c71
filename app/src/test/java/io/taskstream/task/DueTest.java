package io.taskstream.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a door's due text becomes a moment or a whole day in the user's zone. */
class DueTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource({
            "2026-03-05T17:00:00+01:00, Europe/Berlin,    2026-03-05T16:00:00Z",
            "2026-03-05T17:00:00Z,      Europe/Berlin,    2026-03-05T17:00:00Z",
            "2026-03-05T17:00:00z,      Europe/Berlin,    2026-03-05T17:00:00Z",
            "2026-03-05T17:00:00.250-05:00, Asia/Tokyo,  2026-03-05T22:00:00.250Z",
            "2026-03-05T17:00:00,       Europe/Berlin,    2026-03-05T16:00:00Z",
            "2026-03-05T17:00,          America/New_York, 2026-03-05T22:00:00Z",
            "2026-07-05T17:00,          America/New_York, 2026-07-05T21:00:00Z",
            "' 2026-03-05T17:00:00Z ',  UTC,              2026-03-05T17:00:00Z",
    })
    void aDateTimeIsAnInstantNotAllDay(String text, String zone, String instant) {
        Due due = Due.parse(text, ZoneId.of(zone), false).orElse(null);

        assertThat(due).isEqualTo(new Due(Instant.parse(instant), false));
    }

    @ParameterizedTest(name = "{0} in {1} is all day from {2}")
    @CsvSource({
            "2026-03-05, Europe/Berlin,    2026-03-04T23:00:00Z",
            "2026-07-05, Europe/Berlin,    2026-07-04T22:00:00Z",
            "2026-03-05, America/New_York, 2026-03-05T05:00:00Z",
            "2026-03-05, UTC,              2026-03-05T00:00:00Z",
    })
    void aDateIsAllDayFromTheStartOfThatDayInTheZone(String text, String zone, String instant) {
        assertThat(Due.parse(text, ZoneId.of(zone), false).orElse(null))
                .isEqualTo(new Due(Instant.parse(instant), true));
    }

    @Test
    void allDayWithADateTimeTakesTheDateInTheUsersZone() {
        // 23:30 in New York is already the next day in Berlin: the day is the user's day.
        assertThat(Due.parse("2026-03-05T23:30:00-05:00", BERLIN, true).orElse(null))
                .isEqualTo(new Due(Instant.parse("2026-03-05T23:00:00Z"), true));
        assertThat(Due.parse("2026-03-05T23:30:00", NEW_YORK, true).orElse(null))
                .isEqualTo(new Due(Instant.parse("2026-03-05T05:00:00Z"), true));
    }

    @Test
    void anExplicitOffsetKeepsItsInstantInTheAmbiguousHourOfADstChange() {
        // 02:30 happens twice in Berlin on 2026-10-25: first at +02:00, then at +01:00.
        assertThat(Due.parse("2026-10-25T02:30:00+01:00", BERLIN, false).orElse(null).at())
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThat(Due.parse("2026-10-25T02:30:00+02:00", BERLIN, false).orElse(null).at())
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void aLocalTimeInTheSkippedHourOfADstChangeMovesForward() {
        assertThat(Due.parse("2026-03-29T02:30:00", BERLIN, false).orElse(null).at())
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aDayIsTheSameDayInTheZoneItWasReadIn() {
        Due friday = Due.on(LocalDate.parse("2026-12-11"), BERLIN);

        assertThat(friday.allDay()).isTrue();
        assertThat(friday.date(BERLIN)).hasToString("2026-12-11");
    }

    @Test
    void aReminderMomentIsNeverABareDate() {
        assertThat(Due.parseMoment("2026-03-05", BERLIN)).isEmpty();
        assertThat(Due.parseMoment("2026-03-05T08:00", BERLIN)).contains(Instant.parse("2026-03-05T07:00:00Z"));
    }
}
