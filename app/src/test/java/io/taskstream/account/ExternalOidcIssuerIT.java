package io.taskstream.account;

import static io.taskstream.support.FakeOidcProvider.person;
import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.FakeOidcProvider;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tokens of an external OpenID Connect issuer (TASKSTREAM_OIDC_ISSUER_URI) next to our own. */
class ExternalOidcIssuerIT extends ApiIT {

    static final FakeOidcProvider IDP = new FakeOidcProvider();

    @DynamicPropertySource
    static void externalIssuer(DynamicPropertyRegistry registry) {
        registry.add("taskstream.auth.oidc-issuer-uri", IDP::issuer);
        registry.add("taskstream.auth.oidc-audience", () -> "taskstream");
    }

    @AfterAll
    static void stopIssuer() {
        IDP.close();
    }

    /** The session of the account the external token maps to, as /api/auth/me names it. */
    private Session externalSession(String token) {
        Response me = api.withToken(token).get("/api/auth/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return new Session(me.json().get("userId").asString(), token, me.json().get("email").asString());
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> more = new HashMap<>(claims);
        more.put(name, value);
        return more;
    }

    @Test
    void theFirstTokenOfANewPersonCreatesTheirAccountFromTheClaims() {
        Map<String, Object> olga = with(person("Olga"), "zoneinfo", "Europe/Berlin");

        Response me = api.withToken(IDP.token("olga-" + UUID.randomUUID(), olga)).get("/api/auth/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(olga.get("email"));
        assertThat(me.json().get("name").asString()).isEqualTo("Olga");
        assertThat(me.json().get("timeZone").asString()).isEqualTo("Europe/Berlin");
        UUID.fromString(me.json().get("userId").asString());
    }

    @Test
    void theSameSubjectIsAlwaysTheSameAccountAndUsesTheTaskRoutes() {
        String subject = "piet-" + UUID.randomUUID();
        Session first = externalSession(IDP.token(subject, person("Piet")));
        long id = createId(first, task("Water the plants"));

        Session again = externalSession(IDP.token(subject, person("Piet, new address")));

        assertThat(again.userId()).isEqualTo(first.userId());
        assertThat(fetch(again, id).get("title").asString()).isEqualTo("Water the plants");
        assertThat(api.as(again).get(again.tasks()).json().size()).isEqualTo(1);
    }

    @Test
    void aVerifiedEmailLinksTheIdentityToTheExistingAccount() {
        Session ann = api.signup();
        long id = createId(ann, task("Ann's task"));

        Session external = externalSession(IDP.token("ann-" + UUID.randomUUID(),
                Map.of("email", ann.email().toUpperCase(), "email_verified", true)));

        assertThat(external.userId()).isEqualTo(ann.userId());
        assertThat(fetch(external, id).get("title").asString()).isEqualTo("Ann's task");
        assertThat(api.login(ann.email(), io.taskstream.support.HttpApi.PASSWORD).status())
                .as("the password keeps working").isEqualTo(200);
    }

    @Test
    void anUnverifiedEmailOfAnExistingAccountOrNoEmailAtAllIsRefused() {
        Session bob = api.signup();

        Response unverified = api.withToken(IDP.token("mallory-" + UUID.randomUUID(),
                Map.of("email", bob.email(), "email_verified", false))).get(bob.tasks());
        Response noEmail = api.withToken(IDP.token("anon-" + UUID.randomUUID(), Map.of())).get("/api/auth/me");

        assertProblem(unverified, 401, "unauthorized");
        assertThat(unverified.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(noEmail, 401, "unauthorized");
    }

    @Test
    void forgedExpiredOrOtherAudienceTokensAreRefused() {
        String subject = "eve-" + UUID.randomUUID();
        Map<String, Object> eve = person("Eve");

        assertProblem(api.withToken(IDP.foreignToken(subject, eve)).get("/api/auth/me"), 401, "unauthorized");
        assertProblem(api.withToken(IDP.expiredToken(subject, eve)).get("/api/auth/me"), 401, "unauthorized");
        assertProblem(api.withToken(IDP.token(subject, with(eve, "aud", "another-app"))).get("/api/auth/me"), 401,
                "unauthorized");
    }

    @Test
    void anExternalTokenOpensOnlyItsOwnUsersResources() {
        Session ann = api.signup();
        Session carl = externalSession(IDP.token("carl-" + UUID.randomUUID(), person("Carl")));

        assertProblem(api.withToken(carl.token()).get(ann.tasks()), 403, "forbidden");
        assertThat(api.as(ann).get(ann.tasks()).status()).as("our own tokens keep working").isEqualTo(200);
    }

    @Test
    void mcpAcceptsExternalTokensAsTheMappedUser() {
        Session dora = externalSession(IDP.token("dora-" + UUID.randomUUID(), person("Dora")));
        createId(dora, task("Dora's MCP task"));
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tasks\","
                + "\"arguments\":{}}}";

        assertThat(mcp(dora, initialize).status()).isEqualTo(200);
        Response listed = mcp(dora, list);

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).contains("Dora's MCP task");
    }

    private Response mcp(Session user, String json) {
        return api.as(user).send(api.as(user).request("/mcp")
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void anExternalSessionManagesApiTokensButSignsOutAndChangesPasswordsAtItsIssuer() {
        Session gus = externalSession(IDP.token("gus-" + UUID.randomUUID(), person("Gus")));
        String tokens = "/api/" + gus.userId() + "/api-tokens";

        assertThat(api.as(gus).post(tokens, "{\"name\":\"script\"}").status()).isEqualTo(201);
        assertProblem(api.as(gus).post("/api/auth/logout", ""), 403, "forbidden");
        assertProblem(api.as(gus).post("/api/auth/password",
                "{\"currentPassword\":\"whatever-it-was\",\"newPassword\":\"a-brand-new-one\"}"), 403, "forbidden");
        assertThat(api.as(gus).get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void theIssuersKeysAreFetchedOnceNotPerRequest() {
        Session fay = externalSession(IDP.token("fay-" + UUID.randomUUID(), person("Fay")));
        int fetched = IDP.jwksRequests();

        for (int i = 0; i < 5; i++) {
            assertThat(api.as(fay).get(fay.tasks()).status()).isEqualTo(200);
        }

        assertThat(IDP.jwksRequests()).isEqualTo(fetched);
        assertThat(fetched).isPositive();
    }
}
