package io.taskstream.account;

import static io.taskstream.support.HttpApi.someClientAddress;
import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventDeliveries;
import io.taskstream.support.AccountJson;
import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.SecondInstance;
import io.taskstream.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Logout, password change, account deletion and export, through real HTTP (ADR 035). */
class AccountLifecycleIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    /** A second replica of the API on the same database, with the same JWT secret, as in a Deployment. */
    private SecondInstance replica() {
        String secret = new String(context.getBean(SecretKey.class).getEncoded(), StandardCharsets.UTF_8);
        return SecondInstance.sharing(dataSource, "target/it-data/replica-" + System.nanoTime(), "--taskstream.roles=api",
                "--taskstream.auth.jwt-secret=" + secret);
    }

    private Response logout(HttpApi client) {
        return client.post("/api/auth/logout", "");
    }

    private Response changePassword(HttpApi client, String current, String next) {
        return client.post("/api/auth/password", HttpApi.JSON.createObjectNode()
                .put("currentPassword", current).put("newPassword", next).toString());
    }

    private Response deleteAccount(HttpApi client, String password) {
        return client.send("/api/auth/me", "DELETE", "application/json",
                HttpApi.JSON.createObjectNode().put("password", password).toString());
    }

    private String apiToken(Session user) {
        Response created = api.as(user).post("/api/" + user.userId() + "/api-tokens", "{\"name\":\"script\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private String login(Session user, String password) {
        Response login = api.withHeader("X-Forwarded-For", someClientAddress()).login(user.email(), password);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().get("token").asString();
    }

    @Test
    void aLoggedOutTokenIsRefusedAtOnceWhileTheAccountsOtherSessionsGoOn() {
        Session ann = api.signup();
        String otherDevice = login(ann, HttpApi.PASSWORD);
        assertThat(api.as(ann).get("/api/auth/me").status()).as("remembered by the decoder's cache").isEqualTo(200);

        Response out = logout(api.as(ann));

        assertThat(out.status()).as(out.toString()).isEqualTo(204);
        assertProblem(api.as(ann).get("/api/auth/me"), 401, "unauthorized");
        assertProblem(api.as(ann).get(ann.tasks()), 401, "unauthorized");
        assertThat(api.withToken(otherDevice).get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void aTokenIssuedBeforeTokensHadAnIdCanBeLoggedOutToo() {
        Session ann = api.signup();
        String legacy = Tokens.signedWith(context.getBean(SecretKey.class).getEncoded()).subject(ann.userId()).sign();
        assertThat(api.withToken(legacy).get("/api/auth/me").status()).isEqualTo(200);

        assertThat(logout(api.withToken(legacy)).status()).isEqualTo(204);

        assertProblem(api.withToken(legacy).get("/api/auth/me"), 401, "unauthorized");
        assertThat(api.as(ann).get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void revocationsOfTokensThatHaveExpiredAnywayAreSweptAndTheOthersKept() {
        Session ann = api.signup();
        UUID user = UUID.fromString(ann.userId());
        String expired = "expired-" + UUID.randomUUID();
        jdbc.sql("insert into revoked_token (jti, user_id, expires_at) values (:jti, :user, now() - interval '1 second')")
                .param("jti", expired).param("user", user).update();
        assertThat(logout(api.as(ann)).status()).isEqualTo(204);

        context.getBean(SessionRepository.class).sweep();

        assertThat(jdbc.sql("select jti from revoked_token where user_id = :user").param("user", user)
                .query(String.class).list()).as("only the logged-out token that has not expired yet")
                .hasSize(1).doesNotContain(expired);
        assertProblem(api.as(ann).get("/api/auth/me"), 401, "unauthorized");
    }

    @Test
    void aSecondInstanceRefusesARevokedToken() {
        Session ann = api.signup();
        try (SecondInstance replica = replica()) {
            HttpApi atReplica = new HttpApi(replica.port()).as(ann);
            assertThat(atReplica.get("/api/auth/me").status()).as("known to the replica").isEqualTo(200);

            assertThat(logout(api.as(ann)).status()).isEqualTo(204);

            assertProblem(atReplica.get("/api/auth/me"), 401, "unauthorized");
        }
    }

    @Test
    void anApiTokenCannotSignOutNorChangeThePasswordNorDeleteTheAccount() {
        Session ann = api.signup();
        HttpApi script = api.withToken(apiToken(ann));

        assertProblem(logout(script), 403, "forbidden");
        assertProblem(changePassword(script, HttpApi.PASSWORD, "another-long-password"), 403, "forbidden");
        assertProblem(deleteAccount(script, HttpApi.PASSWORD), 403, "forbidden");

        assertThat(script.get("/api/auth/me").status()).as("the API token itself was not revoked").isEqualTo(200);
        assertThat(api.as(ann).get("/api/auth/me").status()).isEqualTo(200);
        assertThat(login(ann, HttpApi.PASSWORD)).isNotBlank();
    }

    @Test
    void anApiTokenCannotCreateOrRevokeApiTokens() {
        Session ann = api.signup();
        String tokens = "/api/" + ann.userId() + "/api-tokens";
        HttpApi script = api.withToken(apiToken(ann));
        long id = api.as(ann).get(tokens).json().get(0).get("id").asLong();

        assertProblem(script.post(tokens, "{\"name\":\"minted by a script\"}"), 403, "forbidden");
        assertProblem(script.delete(tokens + "/" + id), 403, "forbidden");

        assertThat(script.get(tokens).json().size()).as("listing is allowed").isEqualTo(1);
        assertThat(api.as(ann).delete(tokens + "/" + id).status()).as("a session may revoke").isEqualTo(204);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButKeepsApiTokensAndGivesTheCallerAFreshToken() {
        Session ann = api.signup();
        String phone = login(ann, HttpApi.PASSWORD);
        String script = apiToken(ann);
        assertThat(api.withToken(phone).get("/api/auth/me").status()).isEqualTo(200);

        Response changed = changePassword(api.as(ann), HttpApi.PASSWORD, "a-brand-new-password");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        String fresh = changed.json().get("token").asString();
        assertThat(api.withToken(fresh).get("/api/auth/me").status()).isEqualTo(200);
        assertProblem(api.withToken(phone).get("/api/auth/me"), 401, "unauthorized");
        assertProblem(api.as(ann).get("/api/auth/me"), 401, "unauthorized");
        assertThat(api.withToken(script).get("/api/auth/me").status()).isEqualTo(200);
        assertThat(changed.json().get("apiTokens").size()).isEqualTo(1);
        assertThat(changed.json().get("apiTokens").get(0).get("name").asString()).isEqualTo("script");
        assertThat(changed.body()).doesNotContain(script);
        assertProblem(api.withHeader("X-Forwarded-For", someClientAddress()).login(ann.email(), HttpApi.PASSWORD), 401,
                "invalid-credentials");
        assertThat(login(ann, "a-brand-new-password")).isNotBlank();
    }

    @Test
    void aSessionOpenedAfterThePasswordChangeWorksAtASecondInstanceAndTheOldOneDoesNot() {
        Session ann = api.signup();
        String fresh = changePassword(api.as(ann), HttpApi.PASSWORD, "a-brand-new-password").json().get("token")
                .asString();
        try (SecondInstance replica = replica()) {
            HttpApi atReplica = new HttpApi(replica.port());
            assertThat(atReplica.withToken(fresh).get("/api/auth/me").status()).isEqualTo(200);
            assertProblem(atReplica.as(ann).get("/api/auth/me"), 401, "unauthorized");
        }
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountsAsAFailedLogin() {
        Session ann = api.signup();
        HttpApi fromOneAddress = api.as(ann).withHeader("X-Forwarded-For", someClientAddress());

        for (int i = 0; i < 10; i++) {
            assertProblem(changePassword(fromOneAddress, "guess-" + i, "a-brand-new-password"), 403, "forbidden");
        }

        assertProblem(changePassword(fromOneAddress, HttpApi.PASSWORD, "a-brand-new-password"), 429, "too-many-requests");
        assertThat(api.as(ann).get("/api/auth/me").status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void aNewPasswordIsValidatedLikeAtSignUp() {
        Session ann = api.signup();

        assertFieldErrors(changePassword(api.as(ann), HttpApi.PASSWORD, "short"), "validation", "newPassword");
        assertThat(api.as(ann).get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void deletingTheAccountNeedsThePassword() {
        Session ann = api.signup();

        assertProblem(deleteAccount(api.as(ann), "not-the-password"), 403, "forbidden");

        assertThat(api.as(ann).get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void deletingTheAccountDeletesEveryRowOfItsDataRefusesItsTokensAndFreesTheEmail() {
        Session ann = api.signup();
        Session bob = api.signup();
        long bobsTask = createId(bob, task("Bob keeps this"));
        Instant due = Instant.now().plus(Duration.ofDays(2));
        long recurring = createId(ann, task("Water the plants").due(due.toString()).recurrence("FREQ=DAILY")
                .remindBefore("PT1H"));
        createId(ann, task("Call mum").description("about the holidays").due(due.toString()).remindBefore("PT30M"));
        api.as(ann).send(ann.complete(recurring), "PATCH", "application/json", "{\"completed\":true}");
        api.as(ann).post("/api/" + ann.userId() + "/chat", "{\"message\":\"show my tasks\"}");
        api.as(ann).put("/api/" + ann.userId() + "/notification-settings",
                "{\"inApp\":true,\"webhook\":{\"enabled\":true,\"url\":\"https://hooks.example.com/ann\"}}");
        String script = apiToken(ann);
        String phone = login(ann, HttpApi.PASSWORD);
        logout(api.withToken(phone));
        UUID user = UUID.fromString(ann.userId());
        Eventually.await(WAIT, () -> rows("audit_entry", user), n -> n >= 2);
        Eventually.await(WAIT, () -> scheduledReminders(user), n -> n >= 2);
        Map<String, Long> before = rowsPerTable(user);
        assertThat(before).as("the user has data in these tables").containsKeys("task", "task_term", "audit_entry",
                "conversation", "conversation_message", "api_token", "revoked_token");

        Response deleted = deleteAccount(api.as(ann), HttpApi.PASSWORD);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(rowsPerTable(user)).as("rows left per table").isEmpty();
        assertThat(scheduledReminders(user)).isZero();
        assertThat(jdbc.sql("select count(*) from app_user where id = :id").param("id", user).query(Long.class).single())
                .isZero();
        assertProblem(api.as(ann).get("/api/auth/me"), 401, "unauthorized");
        assertProblem(api.withToken(script).get("/api/auth/me"), 401, "unauthorized");
        assertThat(fetch(bob, bobsTask).get("title").asString()).as("other users keep theirs").isEqualTo("Bob keeps this");
        Response again = api.signup(AccountJson.account().email(ann.email()));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    @Test
    void eventsAboutADeletedAccountAreDroppedNotDeadLettered() {
        Session ann = api.signup();
        long id = createId(ann, task("Soon gone"));
        EventDeliveries deliveries = new EventDeliveries(context);
        List<CloudEvent> created = deliveries.written("task-events", "taskstream.task.created", id);
        assertThat(created).hasSize(1);
        UUID user = UUID.fromString(ann.userId());
        Eventually.await(WAIT, () -> rows("audit_entry", user), n -> n >= 1);
        assertThat(deleteAccount(api.as(ann), HttpApi.PASSWORD).status()).isEqualTo(204);

        CloudEvent late = EventDeliveries.copyWithNewId(created.get(0));
        boolean applied = deliveries.deliver("audit", late);

        assertThat(applied).as("consumed, with no effect").isTrue();
        assertThat(rows("audit_entry", user)).isZero();
    }

    @Test
    void aReminderThatFiredForADeletedAccountNotifiesNobody() {
        Session ann = api.signup();
        UUID user = UUID.fromString(ann.userId());
        assertThat(deleteAccount(api.as(ann), HttpApi.PASSWORD).status()).isEqualTo(204);
        Instant now = Instant.now();
        var data = HttpApi.JSON.createObjectNode()
                .put("taskId", 1L).put("title", "Gone").put("remindAt", now.toString()).put("userId", user.toString())
                .put("reminderId", "1-0").put("late", false).put("firedAt", now.toString());
        CloudEvent fired = CloudEvent.of("/test/reminders", "taskstream.reminder.due", "1", now, user.toString(), data);

        boolean applied = new EventDeliveries(context).deliver("notifier", fired);

        assertThat(applied).as("consumed, with no effect").isTrue();
        assertThat(rows("notification", user)).isZero();
        assertThat(rows("notification_delivery", user)).isZero();
    }

    @Test
    void theExportHoldsEverythingOfTheUserAndNoSecret() {
        Session ann = api.signup();
        Instant due = Instant.now().plus(Duration.ofDays(2));
        createId(ann, task("Water the plants").due(due.toString()).recurrence("FREQ=WEEKLY").remindBefore("PT1H"));
        api.as(ann).post("/api/" + ann.userId() + "/chat", "{\"message\":\"show my tasks\"}");
        String script = apiToken(ann);
        String webhookSecret = api.as(ann).put("/api/" + ann.userId() + "/notification-settings",
                "{\"inApp\":true,\"webhook\":{\"enabled\":true,\"url\":\"https://hooks.example.com/ann\"}}")
                .json().get("webhook").get("secret").asString();
        UUID user = UUID.fromString(ann.userId());
        Eventually.await(WAIT, () -> rows("audit_entry", user), n -> n >= 1);

        Response export = api.as(ann).get("/api/" + ann.userId() + "/export");

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains("taskstream-export-");
        JsonNode document = export.json();
        assertThat(document.get("profile").get("email").asString()).isEqualTo(ann.email());
        JsonNode task = document.get("tasks").get(0);
        assertThat(task.get("title").asString()).isEqualTo("Water the plants");
        assertThat(task.get("recurrenceRule").asString()).contains("FREQ=WEEKLY");
        assertThat(task.get("reminders").toString()).contains("PT1H");
        assertThat(document.get("history").size()).isGreaterThanOrEqualTo(1);
        assertThat(document.get("conversations").get(0).get("messages").size()).isGreaterThanOrEqualTo(1);
        assertThat(document.get("apiTokens").get(0).get("name").asString()).isEqualTo("script");
        assertThat(document.get("notifications").get("settings").get("webhookUrl").asString())
                .isEqualTo("https://hooks.example.com/ann");
        assertThat(document.has("reminderFirings")).isTrue();
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", user)
                .query(String.class).single();
        assertThat(export.body()).doesNotContain(script).doesNotContain(ApiTokenService.hash(script))
                .doesNotContain(hash).doesNotContain(webhookSecret).doesNotContain("password");
    }

    @Test
    void nobodyExportsAnotherUsersData() {
        Session ann = api.signup();
        Session bob = api.signup();

        assertProblem(api.as(bob).get("/api/" + ann.userId() + "/export"), 403, "forbidden");
    }

    private long rows(String table, UUID user) {
        return jdbc.sql("select count(*) from " + table + " where user_id = :user").param("user", user)
                .query(Long.class).single();
    }

    private long scheduledReminders(UUID user) {
        return jdbc.sql("select count(*) from scheduled_tasks where convert_from(task_data, 'UTF8')::jsonb ->> 'userId' = :user")
                .param("user", user.toString()).query(Long.class).single();
    }

    /**
     * The user's rows in every table with a {@code user_id} column, found in the catalogue so that a table added
     * later is checked too; only tables where the user has rows.
     */
    private Map<String, Long> rowsPerTable(UUID user) {
        List<String> tables = jdbc.sql("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and c.column_name = 'user_id' and t.table_type = 'BASE TABLE'
                        order by c.table_name""")
                .query(String.class).list();
        assertThat(tables).contains("task", "audit_entry", "notification", "revoked_token");
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : tables) {
            long n = rows(table, user);
            if (n > 0) {
                counts.put(table, n);
            }
        }
        return counts;
    }
}
