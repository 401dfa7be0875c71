package io.taskstream.recurrence;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of RFC 5545 section 3.8.5.3, with their DTSTART (09:00 America/New_York) and the dates the
 * RFC lists, expanded through the API: a task due at DTSTART with the rule, previewed with GET occurrences.
 */
class RfcRecurrenceExamplesIT extends ApiIT {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Session user;

    @BeforeEach
    void newYorker() {
        user = api.signup("America/New_York");
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                example("Daily for 10 occurrences", "1997-09-02", "FREQ=DAILY;COUNT=10",
                        "1997-09-02 03 04 05 06 07 08 09 10 11"),
                example("Every other day - forever", "1997-09-02", "FREQ=DAILY;INTERVAL=2",
                        "1997-09-02 04 06 08 10 12 14 16 18 20 22 24 26 28 30", "1997-10-02 04 06 08 10 12 14 16 18 20 22 24"),
                example("Every 10 days, 5 occurrences", "1997-09-02", "FREQ=DAILY;INTERVAL=10;COUNT=5",
                        "1997-09-02 12 22", "1997-10-02 12"),
                example("Weekly for 10 occurrences", "1997-09-02", "FREQ=WEEKLY;COUNT=10",
                        "1997-09-02 09 16 23 30", "1997-10-07 14 21 28", "1997-11-04"),
                example("Weekly on Tuesday and Thursday for five weeks", "1997-09-02", "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
                        "1997-09-02 04 09 11 16 18 23 25 30", "1997-10-02"),
                example("Every other week on Monday, Wednesday, and Friday until December 24, 1997", "1997-09-01",
                        "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
                        "1997-09-01 03 05 15 17 19 29", "1997-10-01 03 13 15 17 27 29 31", "1997-11-10 12 14 24 26 28",
                        "1997-12-08 10 12 22"),
                example("Every other week on Tuesday and Thursday, for 8 occurrences", "1997-09-02",
                        "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
                        "1997-09-02 04 16 18 30", "1997-10-02 14 16"),
                example("Monthly on the first Friday for 10 occurrences", "1997-09-05", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
                        "1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02", "1998-02-06", "1998-03-06",
                        "1998-04-03", "1998-05-01", "1998-06-05"),
                example("Every other month on the first and last Sunday of the month for 10 occurrences", "1997-09-07",
                        "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
                        "1997-09-07 28", "1997-11-02 30", "1998-01-04 25", "1998-03-01 29", "1998-05-03 31"),
                example("Monthly on the second-to-last Monday of the month for 6 months", "1997-09-22", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
                        "1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19", "1998-02-16"),
                example("Monthly on the first and last day of the month for 10 occurrences", "1997-09-30",
                        "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
                        "1997-09-30", "1997-10-01 31", "1997-11-01 30", "1997-12-01 31", "1998-01-01 31", "1998-02-01"),
                example("Every 18 months on the 10th thru 15th of the month for 10 occurrences", "1997-09-10",
                        "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
                        "1997-09-10 11 12 13 14 15", "1999-03-10 11 12 13"),
                example("The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months",
                        "1997-09-04", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
                        "1997-09-04", "1997-10-07", "1997-11-06"),
                example("The second-to-last weekday of the month (first 7)", "1997-09-29", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
                        "1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29", "1998-02-26", "1998-03-30"),
                example("Yearly in June and July for 10 occurrences", "1997-06-10", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
                        "1997-06-10", "1997-07-10", "1998-06-10", "1998-07-10", "1999-06-10", "1999-07-10", "2000-06-10",
                        "2000-07-10", "2001-06-10", "2001-07-10"),
                example("Every third year on the 1st, 100th, and 200th day for 10 occurrences", "1997-01-01",
                        "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
                        "1997-01-01", "1997-04-10", "1997-07-19", "2000-01-01", "2000-04-09", "2000-07-18", "2003-01-01",
                        "2003-04-10", "2003-07-19", "2006-01-01"),
                example("Every Thursday in March (first 11)", "1997-03-13", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
                        "1997-03-13 20 27", "1998-03-05 12 19 26", "1999-03-04 11 18 25"),
                example("Monday of week number 20, forever (first 3)", "1997-05-12", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
                        "1997-05-12", "1998-05-11", "1999-05-17"),
                example("The first Saturday that follows the first Sunday of the month (first 10)", "1997-09-13",
                        "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
                        "1997-09-13", "1997-10-11", "1997-11-08", "1997-12-13", "1998-01-10", "1998-02-07", "1998-03-07",
                        "1998-04-11", "1998-05-09", "1998-06-13"),
                example("US Presidential Election day, every 4 years (first 3)", "1996-11-05",
                        "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
                        "1996-11-05", "2000-11-07", "2004-11-02"),
                example("WKST=MO: every other week on Tuesday and Sunday, 4 occurrences", "1997-08-05",
                        "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05 10 19 24"),
                example("WKST=SU: every other week on Tuesday and Sunday, 4 occurrences", "1997-08-05",
                        "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05 17 19 31"),
                example("Invalid dates (February 30) are ignored", "2007-01-15", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
                        "2007-01-15 30", "2007-02-15", "2007-03-15 30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void anRfcExampleExpandsToTheDatesTheRfcLists(String name, String dtstart, String rule, List<LocalDate> expected) {
        long id = createId(user, task(name).due(dtstart + "T09:00:00").recurrence(rule));
        // A bounded series is asked for more than it has, to see that it ends where the RFC says.
        boolean bounded = rule.contains("COUNT=") || rule.contains("UNTIL=");
        int count = bounded ? expected.size() + 5 : expected.size();

        Response preview = api.as(user).get(user.task(id) + "/occurrences?count=" + count);

        assertThat(preview.status()).isEqualTo(200);
        List<OffsetDateTime> actual = preview.json().valueStream().map(n -> OffsetDateTime.parse(n.asString())).toList();
        assertThat(actual).containsExactlyElementsOf(expected.stream()
                .map(date -> ZonedDateTime.of(date, LocalTime.of(9, 0), NEW_YORK).toOffsetDateTime()).toList());
    }

    @Test
    void dailyUntilDecember24KeepsNineInTheMorningAcrossTheEndOfDaylightSavingTime() {
        long id = createId(user, task("Daily until Dec 24").due("1997-09-02T09:00:00").recurrence("RRULE:FREQ=DAILY;UNTIL=19971224T000000Z"));

        List<String> preview = new ArrayList<>();
        api.as(user).get(user.task(id) + "/occurrences?count=100").json().forEach(n -> preview.add(n.asString()));

        assertThat(preview).hasSize(100).allSatisfy(at -> assertThat(at).contains("T09:00:00"));
        assertThat(preview.get(0)).isEqualTo("1997-09-02T09:00:00-04:00");
        assertThat(preview).contains("1997-10-25T09:00:00-04:00", "1997-10-26T09:00:00-05:00");
        assertThat(preview.get(99)).isEqualTo("1997-12-10T09:00:00-05:00");
    }

    @Test
    void everyDayInJanuaryForThreeYearsEndsAtItsUntil() {
        long id = createId(user, task("January").due("1998-01-01T09:00:00")
                .recurrence("FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA"));

        Response preview = api.as(user).get(user.task(id) + "/occurrences?count=100");

        assertThat(preview.json().size()).isEqualTo(93);
        assertThat(preview.json().get(92).asString()).isEqualTo("2000-01-31T09:00:00-05:00");
    }

    @Test
    void aStartThatDoesNotMatchTheRuleIsStillTheFirstOccurrence() {
        // RFC 5545: "Every Friday the 13th, forever" from Tuesday 1997-09-02 (which the RFC then excludes by EXDATE).
        long id = createId(user, task("Friday 13th").due("1997-09-02T09:00:00").recurrence("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13"));

        Response preview = api.as(user).get(user.task(id) + "/occurrences?count=6");

        assertThat(preview.json().valueStream().map(n -> n.asString().substring(0, 10)).toList())
                .containsExactly("1997-09-02", "1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13");
    }

    /** Dates as "1997-09-02 03 04": a full date, then further days of the same month. */
    private static Arguments example(String name, String dtstart, String rule, String... dateGroups) {
        List<LocalDate> dates = new ArrayList<>();
        for (String group : dateGroups) {
            String[] parts = group.split(" ");
            LocalDate first = LocalDate.parse(parts[0]);
            dates.add(first);
            Arrays.stream(parts).skip(1).forEach(day -> dates.add(first.withDayOfMonth(Integer.parseInt(day))));
        }
        return Arguments.of(name, dtstart, rule, dates);
    }
}
