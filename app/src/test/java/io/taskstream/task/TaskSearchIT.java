package io.taskstream.task;

import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.QueryString.query;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-text search ({@code q}) over title and description: prefix terms, English stemming, relevance order. */
class TaskSearchIT extends ApiIT {

    private Session ann;

    @BeforeEach
    void annHasTasks() {
        ann = api.signup();
        createId(ann, task("Buy groceries and milk").tags("errands"));
        createId(ann, task("Go running in the park").description("five kilometres"));
        createId(ann, task("Call the plumber").description("kitchen sink is leaking"));
    }

    @Test
    void everyWordIsAPrefixThatMustMatch() {
        assertThat(list(ann, query("q", "groc mil")).titles()).containsExactly("Buy groceries and milk");
        assertThat(list(ann, query("q", "groc plumb")).titles()).isEmpty();
    }

    @Test
    void englishStemmingFindsOtherFormsOfAWord() {
        assertThat(list(ann, query("q", "runs")).titles()).containsExactly("Go running in the park");
        assertThat(list(ann, query("q", "grocery")).titles()).containsExactly("Buy groceries and milk");
        assertThat(list(ann, query("q", "leaks")).titles()).containsExactly("Call the plumber");
    }

    @Test
    void searchCoversTheDescriptionAndIgnoresCaseAndPunctuation() {
        assertThat(list(ann, query("q", "KITCHEN")).titles()).containsExactly("Call the plumber");
        assertThat(list(ann, query("q", "sink & !leak")).titles()).as("operators are plain text")
                .containsExactly("Call the plumber");
        assertThat(list(ann, query("q", "sink:* | park")).titles()).isEmpty();
    }

    @Test
    void aTitleMatchRanksAboveADescriptionOnlyMatch() {
        long titleMatch = createId(ann, task("Paint the fence"));
        long descriptionMatch = createId(ann, task("Weekend chores").description("paint the fence and mow"));

        Response found = list(ann, query("q", "fence"));

        assertThat(found.ids()).containsExactly(titleMatch, descriptionMatch);
    }

    @Test
    void anExplicitSortWinsOverRelevance() {
        long titleMatch = createId(ann, task("Paint the fence"));
        long descriptionMatch = createId(ann, task("A weekend job").description("paint the fence"));

        assertThat(list(ann, query("q", "fence").and("sort", "title")).ids()).containsExactly(descriptionMatch, titleMatch);
    }

    @Test
    void searchCombinesWithFiltersAndPaging() {
        createId(ann, task("Buy milk for the office").tags("work"));

        Response found = list(ann, query("q", "milk").and("tag", "errands").and("size", 1));

        assertThat(found.titles()).containsExactly("Buy groceries and milk");
        assertThat(found.totalCount()).isEqualTo(1);
        assertThat(list(ann, query("q", "milk")).totalCount()).isEqualTo(2);
    }

    @Test
    void aQueryMatchingNothingIsAnEmptyArray() {
        for (String nothing : new String[] {"zebra", "!!!", "the"}) {
            Response found = list(ann, query("q", nothing));

            assertThat(found.body()).as(nothing).isEqualTo("[]");
            assertThat(found.totalCount()).as(nothing).isZero();
        }
    }

    @Test
    void aBlankQueryIsNoSearch() {
        assertThat(list(ann, query("q", "  ")).totalCount()).isEqualTo(3);
    }

    @Test
    void anOverlongQueryIsRejected() {
        assertFieldErrors(api.as(ann).get(ann.tasks(query("q", "a".repeat(201)))), "validation", "q");
    }
}
