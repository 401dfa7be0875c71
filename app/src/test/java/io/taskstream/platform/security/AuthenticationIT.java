package io.taskstream.platform.security;

import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.Tokens;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every {@code /api/{userId}/**} call needs the user's own valid bearer token. */
class AuthenticationIT extends ApiIT {

    @Autowired
    SecretKey jwtKey;

    /** One call per task route, made by the given client against the given user's paths. */
    private static List<Route> routes(long taskId) {
        String body = task("Intruder").json();
        return List.of(
                new Route("list", (api, user) -> api.get(user.tasks())),
                new Route("create", (api, user) -> api.post(user.tasks(), body)),
                new Route("get", (api, user) -> api.get(user.task(taskId))),
                new Route("replace", (api, user) -> api.put(user.task(taskId), body)),
                new Route("patch", (api, user) -> api.patch(user.task(taskId), "{\"title\":\"Intruder\"}")),
                new Route("delete", (api, user) -> api.delete(user.task(taskId))),
                new Route("complete", (api, user) -> api.send(user.complete(taskId), "PATCH", null, null)),
                new Route("tags", (api, user) -> api.get(user.tags())));
    }

    @Test
    void everyTaskRouteNeedsABearerToken() {
        Session ann = api.signup();
        long id = createId(ann, task("Mine"));

        for (Route route : routes(id)) {
            Response response = route.call().apply(api.anonymous(), ann);

            assertUnauthorized(response, route.name());
        }
        assertThat(fetch(ann, id).get("title").asString()).isEqualTo("Mine");
    }

    @Test
    void garbageTokenIsRejected() {
        Session ann = api.signup();

        Response response = api.withToken("not-a-jwt").get(ann.tasks());

        assertUnauthorized(response, "garbage");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() {
        Session ann = api.signup();
        String forged = Tokens.signedWithUnknownKey().subject(ann.userId()).sign();

        assertUnauthorized(api.withToken(forged).get(ann.tasks()), "unknown key");
    }

    @Test
    void tokenWithATamperedSignatureIsRejected() {
        Session ann = api.signup();

        assertUnauthorized(api.withToken(Tokens.tampered(ann.token())).get(ann.tasks()), "tampered");
    }

    @Test
    void expiredTokenIsRejected() {
        Session ann = api.signup();
        String expired = Tokens.signedWith(jwtKey.getEncoded()).subject(ann.userId()).expired().sign();

        Response response = api.withToken(expired).get(ann.tasks());

        assertUnauthorized(response, "expired");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        Session ann = api.signup();
        String foreign = Tokens.signedWith(jwtKey.getEncoded()).subject(ann.userId()).issuer("https://evil.example").sign();

        assertUnauthorized(api.withToken(foreign).get(ann.tasks()), "issuer");
    }

    @Test
    void unsignedTokenIsRejected() {
        Session ann = api.signup();
        String unsigned = Tokens.signedWith(jwtKey.getEncoded()).subject(ann.userId()).unsigned();

        assertUnauthorized(api.withToken(unsigned).get(ann.tasks()), "alg none");
    }

    @Test
    void aTokenForgedWithTheServersKeyIsAccepted() {
        Session ann = api.signup();
        String token = Tokens.signedWith(jwtKey.getEncoded()).subject(ann.userId()).sign();

        assertThat(api.withToken(token).get(ann.tasks()).status())
                .as("the forgeries above fail for their one flaw, not for the way they are built").isEqualTo(200);
    }

    @Test
    void anotherUsersIdInThePathIsForbidden() {
        Session ann = api.signup();
        Session bob = api.signup();

        assertProblem(api.as(bob).get(ann.tasks()), 403, "forbidden");
        assertProblem(api.as(bob).get("/api/" + UUID.randomUUID() + "/tasks"), 403, "forbidden");
        assertProblem(api.as(bob).get("/api/not-a-user/tasks"), 403, "forbidden");
    }

    @Test
    void theUserIdInThePathMayBeWrittenInAnyLetterCase() {
        Session ann = api.signup();

        assertThat(api.as(ann).get("/api/" + ann.userId().toUpperCase() + "/tasks").status()).isEqualTo(200);
    }

    private static void assertUnauthorized(Response response, String what) {
        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate for " + what).startsWith("Bearer");
    }

    private record Route(String name, BiFunction<HttpApi, Session, Response> call) {
    }
}
