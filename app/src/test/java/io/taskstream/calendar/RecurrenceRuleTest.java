package io.taskstream.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrenceRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "FREQ=WEEKLY;BYSETPOS=-366;BYDAY=MO", // lib-recur: too many empty recurrence sets (IllegalStateException)
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", // February 30th
            "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4", // the 31st of April
            "FREQ=MONTHLY;BYMONTHDAY=-31;BYMONTH=2",
            "FREQ=MONTHLY;BYSETPOS=400;BYDAY=MO",
            "FREQ=YEARLY;BYSETPOS=367;BYDAY=MO",
            "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1",
            "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO;BYMONTH=1",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3",
            "FREQ=YEARLY;BYYEARDAY=-366;BYDAY=MO;BYSETPOS=-366", // lib-recur: ArrayIndexOutOfBoundsException
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"}) // real every 28 years, but too sparse for lib-recur's daily expansion
    void aRuleThatMatchesNoDateIsInvalid(String rule) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> RecurrenceRule.parse(rule))
                .isInstanceOf(InvalidRecurrenceRuleException.class)
                .hasMessageContaining("matches no date");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms to refuse %s", rule).isLessThan(2_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=MONTHLY;BYDAY=5MO;BYMONTH=2",
            "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
            "FREQ=DAILY;UNTIL=19990101", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=1"})
    void rareButRealRulesAreValid(String rule) {
        assertThat(RecurrenceRule.parse(rule).text()).isNotBlank();
    }

    @Test
    void countZeroIsInvalid() {
        assertThatThrownBy(() -> RecurrenceRule.parse("FREQ=WEEKLY;COUNT=0")).isInstanceOf(InvalidRecurrenceRuleException.class)
                .hasMessage("COUNT must be at least 1");
    }

    @Test
    void aSeriesWhoseRuleFindsNothingFromItsAnchorEndsWithItsFirstOccurrence() {
        // Valid (February 1st to 28th exist) but not from the 30th of a month: the series ends instead of failing.
        ZonedDateTime due = ZonedDateTime.of(2026, 1, 30, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));

        assertThat(RecurrenceRule.parse("FREQ=YEARLY;BYMONTH=2").occurrences(due, 1).limit(5).toList())
                .extracting(Occurrence::at).containsExactly(due);
    }

    @Test
    void hourlyRulesAreValidAndExpandByTheHour() {
        RecurrenceRule rule = RecurrenceRule.parse("FREQ=HOURLY;INTERVAL=2");
        ZonedDateTime due = ZonedDateTime.of(2026, 3, 4, 22, 0, 0, 0, ZoneId.of("Europe/Berlin"));

        assertThat(rule.frequency()).isEqualTo(RecurrenceRule.Frequency.HOURLY);
        assertThat(rule.occurrences(due, 1).limit(3).map(o -> o.at().toLocalDateTime().toString()).toList())
                .containsExactly("2026-03-04T22:00", "2026-03-05T00:00", "2026-03-05T02:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=MINUTELY", "FREQ=SECONDLY;INTERVAL=30", "FREQ=HOURLY;INTERVAL=0", "FREQ=DAILY;X-FOO=1"})
    void subHourlyRulesAndUnknownPartsAreInvalid(String rule) {
        assertThatThrownBy(() -> RecurrenceRule.parse(rule)).isInstanceOf(InvalidRecurrenceRuleException.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "FREQ=HOURLY|Hourly",
            "FREQ=HOURLY;INTERVAL=2|Every 2 hours",
            "FREQ=DAILY|Daily",
            "FREQ=DAILY;INTERVAL=3;COUNT=5|Every 3 days, 5 times",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR|Every weekday",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,MO|Every 2 weeks on Mon, Thu",
            "FREQ=MONTHLY;BYDAY=3SU|Monthly on the 3rd Sunday",
            "FREQ=MONTHLY;BYDAY=-1FR|Monthly on the last Friday",
            "FREQ=MONTHLY;BYMONTHDAY=1,15|Monthly on the 1st and 15th",
            "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20260430|Monthly on the last day, until April 30, 2026",
            "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=12|Yearly on June 12",
            "FREQ=YEARLY;INTERVAL=2|Every 2 years",
            "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1|Custom: FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1"})
    void rulesAreDescribedInWords(String rule, String words) {
        assertThat(RecurrenceRule.parse(rule).describe()).isEqualTo(words);
    }
}
