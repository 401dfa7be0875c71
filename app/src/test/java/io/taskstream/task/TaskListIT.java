package io.taskstream.task;

import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.QueryString.query;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.QueryString;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Filtering, sorting and paging of {@code GET /api/{userId}/tasks}, and the tag counts. */
class TaskListIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;

    private List<String> titles(Session user, QueryString query) {
        return list(user, query).titles();
    }

    private void complete(Session user, long id) {
        api.as(user).send(user.complete(id), "PATCH", "application/json", "{\"completed\":true}");
    }

    @Test
    void statusFiltersByCompletion() {
        Session ann = api.signup();
        createId(ann, task("open"));
        complete(ann, createId(ann, task("done")));

        assertThat(titles(ann, query())).containsExactly("open", "done");
        assertThat(titles(ann, query("status", "all"))).containsExactly("open", "done");
        assertThat(titles(ann, query("status", "pending"))).containsExactly("open");
        assertThat(titles(ann, query("status", "completed"))).containsExactly("done");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("status", "x"))), "validation", "status");
    }

    @Test
    void priorityFilterIsRepeatable() {
        Session ann = api.signup();
        for (String priority : new String[] {"none", "low", "medium", "high"}) {
            createId(ann, task(priority).priority(priority));
        }

        assertThat(titles(ann, query("priority", "high"))).containsExactly("high");
        assertThat(titles(ann, query("priority", "high").and("priority", "low"))).containsExactly("low", "high");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("priority", "high").and("priority", "urgent"))),
                "validation", "priority");
    }

    @Test
    void tagFilterIsRepeatableAndATaskMustHaveAllTheTags() {
        Session ann = api.signup();
        createId(ann, task("home only").tags("home"));
        createId(ann, task("home and urgent").tags("urgent", "home"));
        createId(ann, task("urgent only").tags("urgent"));

        assertThat(titles(ann, query("tag", "home"))).containsExactly("home only", "home and urgent");
        assertThat(titles(ann, query("tag", "home").and("tag", "URGENT"))).containsExactly("home and urgent");
        assertThat(titles(ann, query("tag", "home").and("tag", "work"))).isEmpty();
    }

    @Test
    void aTagFilterThatNoTagCouldMatchIsABadParameter() {
        Session ann = api.signup();
        createId(ann, task("x").tags("home"));

        for (String bad : new String[] {"a\"b", "{home}", "back\\slash", "x".repeat(41)}) {
            assertFieldErrors(api.as(ann).get(ann.tasks(query("tag", bad))), "validation", "tag");
        }
    }

    @Test
    void dueBoundsAcceptDateTimesWithOffsetsInclusively() {
        Session ann = api.signup("UTC");
        createId(ann, task("before").due("2026-03-05T09:59:59Z"));
        createId(ann, task("from").due("2026-03-05T10:00:00Z"));
        createId(ann, task("to").due("2026-03-05T12:00:00Z"));
        createId(ann, task("after").due("2026-03-05T12:00:01Z"));
        createId(ann, task("no due"));

        assertThat(titles(ann, query("dueFrom", "2026-03-05T11:00:00+01:00").and("dueTo", "2026-03-05T13:00:00+01:00")))
                .containsExactly("from", "to");
        assertThat(titles(ann, query("dueFrom", "2026-03-05T12:00:00Z"))).containsExactly("to", "after");
        assertThat(titles(ann, query("dueTo", "2026-03-05T10:00:00Z"))).containsExactly("before", "from");
    }

    @Test
    void dateBoundsCoverTheWholeDayInTheUsersZone() {
        Session ann = api.signup("Europe/Berlin");
        createId(ann, task("day before").due("2026-03-04T23:59:00+01:00"));
        createId(ann, task("midnight").due("2026-03-05T00:00:00+01:00"));
        createId(ann, task("all day").due("2026-03-05"));
        createId(ann, task("last minute").due("2026-03-05T23:59:59+01:00"));
        createId(ann, task("day after").due("2026-03-06T00:00:00+01:00"));

        assertThat(titles(ann, query("dueFrom", "2026-03-05").and("dueTo", "2026-03-05")))
                .containsExactly("midnight", "all day", "last minute");
        assertThat(titles(ann, query("dueTo", "2026-03-04"))).containsExactly("day before");
        assertThat(titles(ann, query("dueFrom", "2026-03-06"))).containsExactly("day after");
    }

    @Test
    void badDueBoundsAreRejected() {
        Session ann = api.signup();

        assertFieldErrors(api.as(ann).get(ann.tasks(query("dueFrom", "yesterday"))), "validation", "dueFrom");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("dueTo", "2026-02-30"))), "validation", "dueTo");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("dueFrom", "x").and("dueTo", "y"))), "validation",
                "dueFrom", "dueTo");
    }

    @Test
    void overdueMeansPendingAndPastDueWithAllDayTasksOverdueOnlyAfterTheirDay() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Session ann = api.signup(tokyo.getId());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(tokyo);
        createId(ann, task("an hour ago").due(now.minusHours(1).toString()));
        createId(ann, task("in an hour").due(now.plusHours(1).toString()));
        complete(ann, createId(ann, task("done an hour ago").due(now.minusHours(1).toString())));
        createId(ann, task("all day yesterday").due(today.minusDays(1).toString()));
        createId(ann, task("all day today").due(today.toString()));
        createId(ann, task("no due"));

        assertThat(titles(ann, query("overdue", true))).containsExactlyInAnyOrder("an hour ago", "all day yesterday");
        assertThat(titles(ann, query("overdue", false))).hasSize(6);
        assertThat(api.as(ann).get(ann.tasks(query("overdue", "maybe"))).status()).isEqualTo(400);
    }

    @Test
    void defaultOrderIsCreationOrder() {
        Session ann = api.signup();
        long first = createId(ann, task("b"));
        long second = createId(ann, task("a"));
        long third = createId(ann, task("c"));

        assertThat(list(ann, query()).ids()).containsExactly(first, second, third);
        assertThat(list(ann, query("sort", "created").and("order", "desc")).ids()).containsExactly(third, second, first);
    }

    @Test
    void sortByDuePutsTasksWithoutDueLastInBothDirections() {
        Session ann = api.signup();
        createId(ann, task("none 1"));
        createId(ann, task("late").due("2026-05-03T10:00:00Z"));
        createId(ann, task("early").due("2026-05-01T10:00:00Z"));
        createId(ann, task("none 2"));
        createId(ann, task("middle").due("2026-05-02"));

        assertThat(titles(ann, query("sort", "due"))).startsWith("early", "middle", "late")
                .endsWith("none 1", "none 2");
        assertThat(titles(ann, query("sort", "due").and("order", "desc"))).startsWith("late", "middle", "early")
                .containsSubsequence("early", "none 2", "none 1");
    }

    @Test
    void sortByPriorityTitleAndUpdated() {
        Session ann = api.signup();
        long low = createId(ann, task("banana").priority("low"));
        long high = createId(ann, task("Apple").priority("high"));
        long none = createId(ann, task("cherry"));
        api.as(ann).patch(ann.task(low), "{\"description\":\"touched\"}");

        assertThat(list(ann, query("sort", "priority")).ids()).containsExactly(none, low, high);
        assertThat(list(ann, query("sort", "priority").and("order", "desc")).ids()).containsExactly(high, low, none);
        assertThat(titles(ann, query("sort", "title"))).as("case-insensitive").containsExactly("Apple", "banana", "cherry");
        assertThat(titles(ann, query("sort", "title").and("order", "desc"))).containsExactly("cherry", "banana", "Apple");
        assertThat(list(ann, query("sort", "updated").and("order", "desc")).ids().getFirst()).isEqualTo(low);
        assertThat(list(ann, query("sort", "updated")).ids().getLast()).isEqualTo(low);
    }

    @Test
    void badSortOrOrderIsRejected() {
        Session ann = api.signup();

        assertFieldErrors(api.as(ann).get(ann.tasks(query("sort", "x"))), "validation", "sort");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("order", "sideways"))), "validation", "order");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("sort", "relevance"))), "validation", "sort");
    }

    @Test
    void pagesAreZeroBasedWithTotalCountAndLinksThatKeepTheOtherParameters() {
        Session ann = api.signup();
        for (int i = 1; i <= 7; i++) {
            createId(ann, task("task " + i).tags("paged"));
        }

        Response page = list(ann, query("tag", "paged").and("status", "pending").and("page", 1).and("size", 3));

        assertThat(page.titles()).containsExactly("task 4", "task 5", "task 6");
        assertThat(page.totalCount()).isEqualTo(7);
        Map<String, URI> links = page.links();
        assertThat(links).containsOnlyKeys("first", "prev", "next", "last");
        assertThat(pageOf(links.get("first"))).isEqualTo(0);
        assertThat(pageOf(links.get("prev"))).isEqualTo(0);
        assertThat(pageOf(links.get("next"))).isEqualTo(2);
        assertThat(pageOf(links.get("last"))).isEqualTo(2);
        for (URI link : links.values()) {
            var params = UriComponentsBuilder.fromUri(link).build().getQueryParams();
            assertThat(params.getFirst("tag")).isEqualTo("paged");
            assertThat(params.getFirst("status")).isEqualTo("pending");
            assertThat(params.getFirst("size")).isEqualTo("3");
            assertThat(params.get("page")).hasSize(1);
            assertThat(link.getPath()).isEqualTo(ann.tasks());
        }
        Response last = api.as(ann).get(links.get("last").getRawPath() + "?" + links.get("last").getRawQuery());
        assertThat(last.titles()).containsExactly("task 7");
        assertThat(last.links()).containsOnlyKeys("first", "prev", "last");
        assertThat(pageOf(last.links().get("prev"))).isEqualTo(1);
    }

    @Test
    void beyondTenThousandMatchesTheTotalIsLeftOutAndTheLinksSayWhetherAnotherPageFollows() {
        Session ann = api.signup();
        int many = TaskPage.EXACT_TOTAL_UP_TO + 1;
        jdbc.sql("insert into task (user_id, title, created_at, updated_at) "
                        + "select :user, 'bulk ' || i, now() - i * interval '1 second', now() from generate_series(1, :n) i")
                .param("user", java.util.UUID.fromString(ann.userId())).param("n", many).update();

        Response first = list(ann, query("size", 200));
        Response last = list(ann, query("size", 200).and("page", many / 200));
        Response exact = list(ann, query("size", 200).and("q", "bulk"));
        Response filtered = list(ann, query("status", "completed"));

        assertThat(first.header("X-Total-Count")).isNull();
        assertThat(first.json().size()).isEqualTo(200);
        assertThat(first.links()).containsOnlyKeys("first", "next");
        assertThat(last.json().size()).isEqualTo(many % 200);
        assertThat(last.header("X-Total-Count")).isNull();
        assertThat(last.links()).containsOnlyKeys("first", "prev");
        assertThat(exact.totalCount()).as("a search ranks every match, so it counts them all").isEqualTo(many);
        assertThat(filtered.totalCount()).isZero();
    }

    @Test
    void theFirstPageHasNoPreviousAndAPageBeyondTheEndIsEmpty() {
        Session ann = api.signup();
        for (int i = 1; i <= 3; i++) {
            createId(ann, task("task " + i));
        }

        Response first = list(ann, query("size", 2));
        Response beyond = list(ann, query("size", 2).and("page", 5));

        assertThat(first.links()).containsOnlyKeys("first", "next", "last");
        assertThat(first.titles()).containsExactly("task 1", "task 2");
        assertThat(beyond.json().isEmpty()).isTrue();
        assertThat(beyond.totalCount()).isEqualTo(3);
        assertThat(pageOf(beyond.links().get("last"))).isEqualTo(1);
        assertThat(pageOf(beyond.links().get("prev"))).isEqualTo(1);
    }

    @Test
    void pageSizeDefaultsToFiftyAndMayBeUpToTwoHundred() {
        Session ann = api.signup();
        for (int i = 0; i < 51; i++) {
            createId(ann, task("task " + i));
        }

        assertThat(list(ann, query()).json().size()).isEqualTo(50);
        assertThat(list(ann, query()).totalCount()).isEqualTo(51);
        assertThat(list(ann, query("size", 200)).json().size()).isEqualTo(51);
        assertThat(list(ann, query("page", 1)).titles()).containsExactly("task 50");
    }

    @Test
    void badPagingIsRejected() {
        Session ann = api.signup();

        assertFieldErrors(api.as(ann).get(ann.tasks(query("size", 0))), "validation", "size");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("size", 201))), "validation", "size");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("size", -1))), "validation", "size");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("page", -1))), "validation", "page");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("page", -1).and("size", 0))), "validation", "page", "size");
        assertFieldErrors(api.as(ann).get(ann.tasks(query("size", "ten"))), "bad-parameter", "size");
    }

    @Test
    void anEmptyListIsAnEmptyArrayWithZeroTotal() {
        Session ann = api.signup();

        Response empty = list(ann, query());

        assertThat(empty.body()).isEqualTo("[]");
        assertThat(empty.totalCount()).isZero();
    }

    @Test
    void tagsAreCountedAndSortedByCountDescending() {
        Session ann = api.signup();
        createId(ann, task("1").tags("home", "work"));
        createId(ann, task("2").tags("work"));
        createId(ann, task("3").tags("work", "garden"));
        createId(ann, task("4").tags("garden"));
        createId(ann, task("5"));

        JsonNode tags = api.as(ann).get(ann.tags()).json();

        assertThat(tags.toString()).isEqualTo(
                "[{\"tag\":\"work\",\"count\":3},{\"tag\":\"garden\",\"count\":2},{\"tag\":\"home\",\"count\":1}]");
    }

    private static int pageOf(URI link) {
        return Integer.parseInt(UriComponentsBuilder.fromUri(link).build().getQueryParams().getFirst("page"));
    }

    @Test
    void aDueBoundBeyondTheSupportedYearsIsAValidationProblemNamingTheParameter() {
        Session ann = api.signup();

        assertFieldErrors(api.as(ann).get(ann.tasks() + "?dueFrom=%2B294277-01-01T00:00:00Z"), "validation", "dueFrom");
        assertFieldErrors(api.as(ann).get(ann.tasks() + "?dueTo=-4714-11-24T00:00:00Z&dueFrom=-999999999-01-01T00:00:00Z"),
                "validation", "dueFrom", "dueTo");
        assertThat(api.as(ann).get(ann.tasks() + "?dueFrom=0001-01-01&dueTo=9999-12-31").status()).isEqualTo(200);
    }
}
