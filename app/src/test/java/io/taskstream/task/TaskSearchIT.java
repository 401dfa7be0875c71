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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Full-text search ({@code q}) over title and description: prefix terms, English stemming, relevance order. */
class TaskSearchIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

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
    void theWeightsOfEveryWordAddUp() {
        long bothInTitle = createId(ann, task("Fence paint"));
        long oneInTitle = createId(ann, task("Paint the shed").description("and the fence"));
        long bothInDescription = createId(ann, task("Chores").description("paint the fence"));

        assertThat(list(ann, query("q", "fence paint")).ids()).containsExactly(bothInTitle, oneInTitle, bothInDescription);
    }

    @Test
    void filtersKeepTheRelevanceOrder() {
        long titleMatch = createId(ann, task("Paint the fence").tags("home"));
        long descriptionMatch = createId(ann, task("Weekend chores").description("paint the fence").tags("home"));
        createId(ann, task("Fence posts").tags("work"));

        Response found = list(ann, query("q", "fence").and("tag", "home"));

        assertThat(found.ids()).containsExactly(titleMatch, descriptionMatch);
        assertThat(found.totalCount()).isEqualTo(2);
    }

    @Test
    void equallyRankedMatchesComeNewestFirst() {
        long older = createId(ann, task("Fence repair"));
        long newer = createId(ann, task("Fence check"));

        assertThat(list(ann, query("q", "fence")).ids()).containsExactly(newer, older);
    }

    @Test
    void aStopWordAmongOtherWordsIsIgnored() {
        assertThat(list(ann, query("q", "the plumb")).titles()).containsExactly("Call the plumber");
    }

    @Test
    void editingATaskChangesTheWordsThatFindIt() {
        long id = createId(ann, task("Paint the fence"));

        assertThat(api.as(ann).patch(ann.task(id), "{\"title\":\"Mow the lawn\",\"description\":\"front yard\"}").status())
                .isEqualTo(200);

        assertThat(list(ann, query("q", "fence")).totalCount()).isZero();
        assertThat(list(ann, query("q", "lawn yard")).ids()).containsExactly(id);
        assertThat(api.as(ann).put(ann.task(id), task("Mow the lawn").json()).status()).isEqualTo(200);
        assertThat(list(ann, query("q", "yard")).totalCount()).as("the description was removed").isZero();
    }

    @Test
    void theTermIndexHoldsExactlyTheWordsOfEveryTask() {
        long edited = createId(ann, task("Paint the fence").description("white"));
        long deleted = createId(ann, task("Mow the lawn"));
        long completed = createId(ann, task("Water the plants"));
        api.as(ann).patch(ann.task(edited), "{\"description\":\"green, then white again\"}");
        api.as(ann).delete(ann.task(deleted));
        api.as(ann).patch(ann.complete(completed), "{\"completed\":true}");

        String termsOfTasks = "select t.user_id, e.term, t.id, e.weight from task t, task_terms(t.search) e";
        String terms = "select user_id, term, task_id, weight from task_term";
        assertThat(jdbc.sql("select count(*) from (" + terms + ")").query(Long.class).single())
                .as("entries").isPositive();
        assertThat(jdbc.sql("(" + terms + " except " + termsOfTasks + ") union all (" + termsOfTasks + " except " + terms + ")")
                .query().listOfRows()).isEmpty();
    }

    @Test
    void truncatingTasksEmptiesTheTermIndex() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            TemporaryTaskTables.create(jdbc);
            jdbc.sql("insert into task (user_id, title, created_at, updated_at) values (:user::uuid, 'Paint the fence', now(), now())")
                    .param("user", ann.userId()).update();
            assertThat(jdbc.sql("select count(*) from task_term").query(Long.class).single()).isEqualTo(2);

            jdbc.sql("truncate task").update();

            assertThat(jdbc.sql("select count(*) from task_term").query(Long.class).single()).isZero();
            tx.setRollbackOnly();
        });
    }

    @Test
    void aDeletedTaskIsNoLongerFound() {
        long id = createId(ann, task("Paint the fence"));

        assertThat(api.as(ann).delete(ann.task(id)).status()).isEqualTo(204);

        assertThat(list(ann, query("q", "fence")).totalCount()).isZero();
    }

    @Test
    void relevanceAndOtherSortsFindTheSameTasks() {
        createId(ann, task("Buy milk for the office").description("oat milk, two cartons"));
        createId(ann, task("Milkshake recipe"));
        createId(ann, task("Groceries").description("milk, eggs"));

        for (String text : new String[] {"milk", "mil", "groc mil", "the milk", "office"}) {
            Response byRelevance = list(ann, query("q", text));
            Response byTitle = list(ann, query("q", text).and("sort", "title"));

            assertThat(byRelevance.ids()).as(text).containsExactlyInAnyOrderElementsOf(byTitle.ids());
            assertThat(byRelevance.totalCount()).as(text).isEqualTo(byTitle.totalCount());
        }
    }

    @Test
    void anotherUsersTasksAreNeverFound() {
        Session bob = api.signup();
        createId(bob, task("Buy groceries and milk"));

        assertThat(list(ann, query("q", "groceries")).totalCount()).isEqualTo(1);
        assertThat(list(bob, query("q", "plumber")).totalCount()).isZero();
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
