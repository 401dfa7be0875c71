package io.taskstream.task;

import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.ProblemAssertions.assertProblem;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The coming days, day by day in the user's zone: Auckland is 13 hours ahead of UTC in December, so a day there is
 * never the UTC day, and a task due late in the evening falls on the next UTC date.
 */
class UpcomingIT extends ApiIT {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private Session ann;
    private LocalDate today;

    @BeforeEach
    void annLivesInAuckland() {
        ann = api.signup(AUCKLAND.getId());
        today = LocalDate.now(AUCKLAND);
    }

    private String at(int daysFromToday, String time) {
        return ZonedDateTime.of(today.plusDays(daysFromToday), LocalTime.parse(time), AUCKLAND).toOffsetDateTime().toString();
    }

    private JsonNode upcoming(String query) {
        Response response = api.as(ann).get("/api/" + ann.userId() + "/upcoming" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Each day's entries as "title" or "title (next)" for an occurrence, earliest first. */
    private List<List<String>> titlesByDay(JsonNode days) {
        List<List<String>> result = new ArrayList<>();
        for (JsonNode day : days) {
            List<String> titles = new ArrayList<>();
            for (JsonNode item : day.get("items")) {
                titles.add(item.get("task").get("title").asString() + (item.get("occurrence").asBoolean() ? " (next)" : ""));
            }
            result.add(titles);
        }
        return result;
    }

    @Test
    void listsTheNextSevenDaysFromTodayInTheUsersZone() {
        JsonNode days = upcoming("");

        assertThat(days).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(days.get(i).get("date").asString()).isEqualTo(today.plusDays(i).toString());
        }
    }

    @Test
    void placesOpenTasksOnTheDayTheyAreDueInTheUsersZone() {
        createId(ann, task("dentist").due(at(2, "10:00")));
        createId(ann, task("late call").due(at(1, "23:30")));
        createId(ann, task("all-day errand").due(today.plusDays(3).toString()));
        createId(ann, task("after the week").due(at(7, "00:00")));
        createId(ann, task("no date"));
        long done = createId(ann, task("already done").due(at(1, "09:00")));
        api.as(ann).patch(ann.complete(done), "{\"completed\":true}");

        List<List<String>> days = titlesByDay(upcoming(""));

        assertThat(days.get(1)).containsExactly("late call");
        assertThat(days.get(2)).containsExactly("dentist");
        assertThat(days.get(3)).containsExactly("all-day errand");
        assertThat(days.stream().flatMap(List::stream)).doesNotContain("after the week", "no date", "already done");
    }

    @Test
    void showsTheNextOccurrencesOfARecurringTaskWhereTheyFall() {
        createId(ann, task("stand-up").due(at(1, "09:00")).recurrence("FREQ=DAILY"));
        createId(ann, task("review").due(at(1, "08:00")).recurrence("FREQ=WEEKLY"));

        JsonNode days = upcoming("");
        List<List<String>> titles = titlesByDay(days);

        assertThat(titles.get(0)).isEmpty();
        assertThat(titles.get(1)).containsExactly("review", "stand-up");
        for (int i = 2; i < 7; i++) {
            assertThat(titles.get(i)).as("day %d", i).containsExactly("stand-up (next)");
        }
        JsonNode third = days.get(3).get("items").get(0);
        assertThat(OffsetDateTime.parse(third.get("dueAt").asString())).isEqualTo(at(3, "09:00"));
        assertThat(OffsetDateTime.parse(third.get("task").get("dueAt").asString())).as("the task itself is still due on day 1")
                .isEqualTo(at(1, "09:00"));
    }

    @Test
    void anOverdueRecurringTaskShowsOnlyItsOccurrencesInTheComingDays() {
        createId(ann, task("weekly plants").due(at(-3, "18:00")).recurrence("FREQ=WEEKLY"));
        createId(ann, task("overdue once").due(at(-1, "12:00")));

        List<List<String>> titles = titlesByDay(upcoming(""));

        assertThat(titles.get(4)).containsExactly("weekly plants (next)");
        assertThat(titles.stream().flatMap(List::stream)).containsExactly("weekly plants (next)");
    }

    @Test
    void anHourlyTaskShowsAtMostADayOfOccurrences() {
        createId(ann, task("drink water").due(at(1, "00:00")).recurrence("FREQ=HOURLY"));

        List<List<String>> titles = titlesByDay(upcoming("?days=3"));

        assertThat(titles).hasSize(3);
        assertThat(titles.stream().flatMap(List::stream).filter(t -> t.endsWith("(next)")))
                .hasSize(UpcomingTasks.MAX_OCCURRENCES_PER_TASK);
        assertThat(titles.get(1)).as("its own due and 23 more hours").hasSize(24);
    }

    @Test
    void refusesAnUnreasonableNumberOfDays() {
        for (String days : List.of("0", "32", "-1")) {
            assertFieldErrors(api.as(ann).get("/api/" + ann.userId() + "/upcoming?days=" + days), "validation", "days");
        }
        assertProblem(api.as(ann).get("/api/" + ann.userId() + "/upcoming?days=week"), 400, "bad-parameter");
    }

    @Test
    void noOneSeesAnotherUsersComingDays() {
        createId(ann, task("ann's secret").due(at(1, "10:00")));
        Session bob = api.signup();

        assertProblem(api.as(bob).get("/api/" + ann.userId() + "/upcoming"), 403, "forbidden");
        assertThat(titlesByDay(upcoming("")).get(1)).containsExactly("ann's secret");
    }
}
