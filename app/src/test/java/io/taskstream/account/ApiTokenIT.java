package io.taskstream.account;

import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiTokenIT extends ApiIT {

    private String tokens(Session user) {
        return "/api/" + user.userId() + "/api-tokens";
    }

    private JsonNode issue(Session user, String name) {
        Response r = api.as(user).post(tokens(user), "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aNewTokenIsShownOnceAndListedWithoutItsSecret() {
        Session ann = api.signup();

        JsonNode created = issue(ann, "Claude Desktop");
        JsonNode listed = api.as(ann).get(tokens(ann)).json();

        assertThat(created.get("token").asString()).startsWith("tsk_").hasSizeGreaterThan(40);
        assertThat(created.get("name").asString()).isEqualTo("Claude Desktop");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.toString()).doesNotContain(created.get("token").asString());
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isTrue();
    }

    @Test
    void aTokenAuthenticatesAsItsUserAndRecordsItsUse() {
        Session ann = api.signup();
        String token = issue(ann, "script").get("token").asString();
        HttpApi withToken = api.withToken(token);

        Response created = withToken.post(ann.tasks(), task("Made by a script").json());
        Response me = withToken.get("/api/auth/me");

        assertThat(created.status()).isEqualTo(201);
        assertThat(me.json().get("userId").asString()).isEqualTo(ann.userId());
        assertThat(api.as(ann).get(tokens(ann)).json().get(0).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void aTokenNeverOpensAnotherUsersResources() {
        Session ann = api.signup();
        Session bob = api.signup();
        String token = issue(ann, "script").get("token").asString();

        assertThat(api.withToken(token).get(bob.tasks()).status()).isEqualTo(403);
        assertThat(api.withToken(token).get(tokens(bob)).status()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        Session ann = api.signup();
        JsonNode created = issue(ann, "old laptop");
        String token = created.get("token").asString();

        assertThat(api.as(ann).delete(tokens(ann) + "/" + created.get("id").asLong()).status()).isEqualTo(204);
        Response refused = api.withToken(token).get(ann.tasks());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.as(ann).get(tokens(ann)).json().isEmpty()).isTrue();
        assertThat(api.as(ann).delete(tokens(ann) + "/" + created.get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Session ann = api.signup();
        String expiresAt = Instant.now().plusMillis(1500).toString();
        Response created = api.as(ann).post(tokens(ann), "{\"name\":\"brief\",\"expiresAt\":\"" + expiresAt + "\"}");
        String token = created.json().get("token").asString();

        assertThat(api.withToken(token).get(ann.tasks()).status()).isEqualTo(200);
        Eventually.await(Duration.ofSeconds(10), () -> api.withToken(token).get(ann.tasks()).status(), s -> s == 401);
    }

    @Test
    void unknownTokensAreRefusedWhileJwtsKeepWorking() {
        Session ann = api.signup();

        assertThat(api.withToken("tsk_" + "x".repeat(43)).get(ann.tasks()).status()).isEqualTo(401);
        assertThat(api.withToken("not-a-jwt").get(ann.tasks()).status()).isEqualTo(401);
        assertThat(api.as(ann).get(ann.tasks()).status()).isEqualTo(200);
    }

    @Test
    void aPastExpiryOrAMissingNameIsInvalid() {
        Session ann = api.signup();

        Response past = api.as(ann).post(tokens(ann), "{\"name\":\"x\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
        Response nameless = api.as(ann).post(tokens(ann), "{\"expiresAt\":\"2099-01-01T00:00:00Z\"}");

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        assertThat(nameless.status()).isEqualTo(400);
    }

    @Test
    void aMissingNameAndABadExpiryAreReportedTogether() {
        Session ann = api.signup();

        Response past = api.as(ann).post(tokens(ann), "{\"name\":\" \",\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
        Response unreadable = api.as(ann).post(tokens(ann), "{\"expiresAt\":\"next year\"}");

        assertFieldErrors(past, "validation", "name", "expiresAt");
        assertThat(past.json().get("errors").toString()).contains("must be in the future");
        assertFieldErrors(unreadable, "validation", "name", "expiresAt");
        assertThat(unreadable.json().get("errors").toString()).contains("RFC 3339");
    }

    @Test
    void anExpiryBeyondTheSupportedYearsOrANulInTheNameIsAValidationProblemNamingTheField() {
        Session ann = api.signup();

        for (String far : new String[] {"+294277-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-4714-11-24T00:00:00Z"}) {
            Response response = api.as(ann).post(tokens(ann), "{\"name\":\"x\",\"expiresAt\":\"" + far + "\"}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        }
        Response nul = api.as(ann).post(tokens(ann), "{\"name\":\"Claude\\u0000\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(api.as(ann).get(tokens(ann)).json().isEmpty()).isTrue();
    }
}
