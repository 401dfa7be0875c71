package io.taskstream.task;

import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.QueryString.query;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two users, every route crosswise: Bob can neither see nor change Ann's data, whether he names Ann in
 * the path (403) or Ann's task under his own name (404, exactly as for a task that does not exist).
 */
class UserIsolationIT extends ApiIT {

    private static final String HIJACK = task("Hijacked").json();

    /** Routes that address one task. */
    private static final List<Route> TASK_ROUTES = List.of(
            new Route("get", (client, owner, id) -> client.get(owner.task(id))),
            new Route("replace", (client, owner, id) -> client.put(owner.task(id), HIJACK)),
            new Route("merge patch", (client, owner, id) -> client.patch(owner.task(id), "{\"title\":\"Hijacked\"}")),
            new Route("patch as json", (client, owner, id) -> client.patchAsJson(owner.task(id), "{\"priority\":\"low\"}")),
            new Route("toggle", (client, owner, id) -> client.send(owner.complete(id), "PATCH", null, null)),
            new Route("complete", (client, owner, id) ->
                    client.send(owner.complete(id), "PATCH", "application/json", "{\"completed\":true}")),
            new Route("delete", (client, owner, id) -> client.delete(owner.task(id))));

    /** Routes that address the user's collection. */
    private static final List<Route> COLLECTION_ROUTES = List.of(
            new Route("list", (client, owner, id) -> client.get(owner.tasks())),
            new Route("search", (client, owner, id) -> client.get(owner.tasks(query("q", "secret")))),
            new Route("create", (client, owner, id) -> client.post(owner.tasks(), HIJACK)),
            new Route("tags", (client, owner, id) -> client.get(owner.tags())),
            new Route("upcoming", (client, owner, id) -> client.get("/api/" + owner.userId() + "/upcoming")));

    private Session ann;
    private Session bob;
    private long annsTask;
    private JsonNode annsTaskBefore;
    private JsonNode annsListBefore;
    private JsonNode annsTagsBefore;

    @BeforeEach
    void annAndBobHaveTasks() {
        ann = api.signup();
        bob = api.signup();
        annsTask = createId(ann, task("Ann's secret plan").description("world domination").priority("high")
                .tags("secret", "plan").due("2026-05-01T09:00:00Z"));
        createId(bob, task("Bob's own task").tags("bobs"));
        annsTaskBefore = fetch(ann, annsTask);
        annsListBefore = api.as(ann).get(ann.tasks()).json();
        annsTagsBefore = api.as(ann).get(ann.tags()).json();
    }

    @Test
    void namingAnotherUserInThePathIsForbiddenOnEveryRoute() {
        for (Route route : Stream.concat(COLLECTION_ROUTES.stream(), TASK_ROUTES.stream()).toList()) {
            Response response = route.call(api.as(bob), ann, annsTask);

            assertProblem(response, 403, "forbidden");
            assertThat(response.body()).as(route.name()).doesNotContain("secret", "domination");
        }
        assertAnnsDataUnchanged();
    }

    @Test
    void anotherUsersTaskIsNotFoundExactlyLikeAMissingOne() {
        long missing = annsTask + 1_000_000;
        for (Route route : TASK_ROUTES) {
            Response response = route.call(api.as(bob), bob, annsTask);
            Response forMissing = route.call(api.as(bob), bob, missing);

            JsonNode problem = assertProblem(response, 404, "not-found");
            JsonNode missingProblem = assertProblem(forMissing, 404, "not-found");
            assertThat(response.body()).as(route.name()).doesNotContain("secret", "domination", ann.userId());
            assertThat(problem.get("detail").asString().replace(Long.toString(annsTask), "ID"))
                    .as("%s reveals nothing that a missing id would not", route.name())
                    .isEqualTo(missingProblem.get("detail").asString().replace(Long.toString(missing), "ID"));
        }
        assertAnnsDataUnchanged();
    }

    @Test
    void listsSearchesAndTagsShowOnlyOnesOwnTasks() {
        Response list = api.as(bob).get(bob.tasks());
        Response search = api.as(bob).get(bob.tasks(query("q", "secret plan")));
        Response tagged = api.as(bob).get(bob.tasks(query("tag", "secret")));
        Response tags = api.as(bob).get(bob.tags());

        assertThat(list.titles()).containsExactly("Bob's own task");
        assertThat(list.totalCount()).isEqualTo(1);
        assertThat(search.json().isEmpty()).isTrue();
        assertThat(search.totalCount()).isZero();
        assertThat(tagged.json().isEmpty()).isTrue();
        assertThat(tags.json().toString()).contains("bobs").doesNotContain("secret", "plan");
        assertAnnsDataUnchanged();
    }

    private void assertAnnsDataUnchanged() {
        assertThat(fetch(ann, annsTask)).isEqualTo(annsTaskBefore);
        assertThat(api.as(ann).get(ann.tasks()).json()).isEqualTo(annsListBefore);
        assertThat(api.as(ann).get(ann.tags()).json()).isEqualTo(annsTagsBefore);
    }

    /** One API call made by {@code client} on {@code owner}'s path, for task {@code id} where it needs one. */
    private record Route(String name, Call call) {

        Response call(HttpApi client, Session owner, long id) {
            return call.make(client, owner, id);
        }
    }

    @FunctionalInterface
    private interface Call {
        Response make(HttpApi client, Session owner, long id);
    }
}
