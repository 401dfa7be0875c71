package io.taskstream.account;

import static io.taskstream.support.AccountJson.account;
import static io.taskstream.support.HttpApi.someClientAddress;
import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.taskstream.support.AccountJson;
import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.SecondInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AccountIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ClientAllowanceConfiguration.Sweeper sweeper;

    @Test
    void signupReturnsTheNewUsersIdAndAWorkingToken() {
        AccountJson account = account().name("Ann").timeZone("Europe/Berlin");

        Response created = api.signup(account);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("userId", "token", "expiresAt");
        UUID userId = UUID.fromString(body.get("userId").asString());
        assertThat(Instant.parse(body.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(1, ChronoUnit.MINUTES));
        Response me = api.withToken(body.get("token").asString()).get("/api/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("userId").asString()).isEqualTo(userId.toString());
        assertThat(me.json().get("email").asString()).isEqualTo(account.email());
        assertThat(me.json().get("name").asString()).isEqualTo("Ann");
        assertThat(me.json().get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(me.json().get("createdAt").isNull()).isFalse();
    }

    @Test
    void timeZoneDefaultsToUtcAndNameToTheEmailsLocalPart() {
        String email = "zoneless-" + UUID.randomUUID() + "@example.com";

        Response created = api.signup(account().email(email).without("timeZone"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode me = api.withToken(created.json().get("token").asString()).get("/api/auth/me").json();
        assertThat(me.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(me.get("name").asString()).isEqualTo(email.substring(0, email.indexOf('@')));
    }

    @Test
    void renamedTimeZonesAreAcceptedByTheirOldNamesAndKeptByTheirCurrentOnes() {
        Map<String, String> renamed = Map.of("Asia/Calcutta", "Asia/Kolkata", "Europe/Kiev", "Europe/Kyiv",
                "America/Godthab", "America/Nuuk", "Asia/Saigon", "Asia/Ho_Chi_Minh");
        for (Map.Entry<String, String> zone : renamed.entrySet()) {
            Response created = api.signup(account().timeZone(zone.getKey()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Response me = api.withToken(created.json().get("token").asString()).get("/api/auth/me");
            assertThat(me.json().get("timeZone").asString()).as(zone.getKey()).isEqualTo(zone.getValue());
        }
        Session ann = api.signup("UTC");
        assertThat(api.as(ann).patch("/api/auth/me", "{\"timeZone\":\"Europe/Kiev\"}").status()).isEqualTo(200);
        assertThat(api.as(ann).get("/api/auth/me").json().get("timeZone").asString()).isEqualTo("Europe/Kyiv");
        assertThat(api.signup(account().timeZone("Asia/Kolkata")).status()).as("the current name itself").isEqualTo(201);
    }

    @Test
    void emailIsUniqueRegardlessOfLetterCase() {
        String local = "Case-" + UUID.randomUUID();
        assertThat(api.signup(account().email(local + "@Example.com")).status()).isEqualTo(201);

        Response again = api.signup(account().email(local.toLowerCase() + "@EXAMPLE.COM"));

        assertProblem(again, 409, "conflict");
    }

    @Test
    void passwordMustHaveAtLeastEightCharacters() {
        assertFieldErrors(api.signup(account().password("1234567")), "validation", "password");
        assertThat(api.signup(account().password("12345678")).status()).isEqualTo(201);
    }

    @Test
    void everyWrongTypedSignupFieldIsListedAtOnce() {
        assertFieldErrors(api.post("/api/auth/signup", "{\"email\": 1, \"password\": true}"), "wrong-type",
                "email", "password");
        assertFieldErrors(api.post("/api/auth/signup", "{\"email\": 1}"), "wrong-type", "email");
    }

    @Test
    void unknownTimeZoneIsRejectedWithAFieldError() {
        AccountJson account = account().timeZone("Mars/Olympus_Mons");

        JsonNode problem = assertFieldErrors(api.signup(account), "validation", "timeZone");

        assertThat(problem.get("detail").asString()).contains("Mars/Olympus_Mons");
        assertThat(api.login(account.email(), HttpApi.PASSWORD).status()).as("no account was created").isEqualTo(401);
    }

    @Test
    void signupReportsEveryBadFieldAtOnceTheTimeZoneIncluded() {
        AccountJson account = account().email("not-an-email").password("short").timeZone("Mars/Olympus_Mons");

        JsonNode problem = assertFieldErrors(api.signup(account), "validation", "email", "password", "timeZone");

        assertThat(problem.get("detail").asString()).isEqualTo("3 fields are invalid");
        assertThat(problem.get("errors").toString()).contains("Mars/Olympus_Mons");
    }

    @Test
    void profileChangeReportsABlankNameAndABadTimeZoneTogether() {
        Session ann = api.signup("UTC");

        Response response = api.as(ann).patch("/api/auth/me", "{\"name\":\"  \",\"timeZone\":\"+02:00\"}");

        assertFieldErrors(response, "validation", "name", "timeZone");
        assertThat(api.as(ann).get("/api/auth/me").json().get("timeZone").asString()).isEqualTo("UTC");
    }

    @Test
    void aTimeZoneMustBeAnIanaNameNotAnOffset() {
        for (String offset : new String[] {"+01:00", "Z", "GMT+1", "UTC-05:00", "europe/berlin", ""}) {
            assertFieldErrors(api.signup(account().timeZone(offset)), "validation", "timeZone");
        }
        assertThat(api.signup(account().timeZone("Etc/GMT-1")).status()).isEqualTo(201);
        Session ann = api.signup("UTC");
        assertFieldErrors(api.as(ann).patch("/api/auth/me", "{\"timeZone\":\"+02:00\"}"), "validation", "timeZone");
    }

    @Test
    void signupNeedsAnEmailAddress() {
        assertFieldErrors(api.signup(account().without("email")), "validation", "email");
        assertFieldErrors(api.signup(account().email("not-an-email")), "validation", "email");
    }

    @Test
    void passwordIsStoredAsAnArgon2HashNotAsItself() {
        Session ann = api.signup();

        String hash = jdbc.sql("select password_hash from app_user where id = :id")
                .param("id", UUID.fromString(ann.userId())).query(String.class).single();

        assertThat(hash).startsWith("{argon2}").doesNotContain(HttpApi.PASSWORD);
    }

    @Test
    void loginReturnsATokenForTheAccountWhateverTheEmailsCase() {
        Session ann = api.signup();

        Response login = api.login(ann.email().toUpperCase(), HttpApi.PASSWORD);

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().propertyNames()).containsExactlyInAnyOrder("userId", "token", "expiresAt");
        assertThat(login.json().get("userId").asString()).isEqualTo(ann.userId());
        Response list = api.withToken(login.json().get("token").asString()).get(ann.tasks());
        assertThat(list.status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Session ann = api.signup();

        JsonNode wrongPassword = assertProblem(api.login(ann.email(), "not-the-password"), 401, "invalid-credentials");
        JsonNode unknownEmail = assertProblem(api.login("nobody-" + UUID.randomUUID() + "@example.com", HttpApi.PASSWORD),
                401, "invalid-credentials");

        assertThat(wrongPassword.get("detail")).isEqualTo(unknownEmail.get("detail"));
        assertThat(wrongPassword.get("title")).isEqualTo(unknownEmail.get("title"));
        assertThat(wrongPassword.get("detail").asString().toLowerCase()).contains("email or password");
    }

    @Test
    void tenWrongPasswordsFromOneAddressMakeItWaitWhileOtherAddressesStillLogIn() {
        Session ann = api.signup();
        HttpApi guesser = api.withHeader("X-Forwarded-For", someClientAddress());

        for (int i = 0; i < 10; i++) {
            assertProblem(guesser.login(ann.email(), "guess-" + i), 401, "invalid-credentials");
        }
        Response refused = guesser.login(ann.email(), HttpApi.PASSWORD);

        JsonNode problem = assertProblem(refused, 429, "too-many-requests");
        assertThat(problem.get("detail").asString()).startsWith("Too many failed logins from this address");
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("one failure comes back every 15 min / 10")
                .isBetween(60L, 90L);
        assertThat(api.withHeader("X-Forwarded-For", someClientAddress()).login(ann.email(), HttpApi.PASSWORD).status())
                .as("Ann, from her own address").isEqualTo(200);
    }

    @Test
    void wrongPasswordsSentAllAtOnceGetNoMoreTriesThanOneAfterAnother() throws Exception {
        Session ann = api.signup();
        HttpApi guesser = api.withHeader("X-Forwarded-For", someClientAddress());

        Map<Integer, Long> answers;
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "guess-" + i;
                guesses.add(parallel.submit(() -> guesser.login(ann.email(), guess).status()));
            }
            answers = new TreeMap<>();
            for (Future<Integer> guess : guesses) {
                answers.merge(guess.get(), 1L, Long::sum);
            }
        }

        assertThat(answers).as("status -> answers").isEqualTo(Map.of(401, 10L, 429, 10L));
    }

    @Test
    void loginsThatSucceedAreNotCountedAgainstTheAddress() {
        Session ann = api.signup();
        HttpApi annsPhone = api.withHeader("X-Forwarded-For", someClientAddress());

        for (int i = 0; i < 12; i++) {
            Response login = annsPhone.login(ann.email(), HttpApi.PASSWORD);
            assertThat(login.status()).as("login %d: %s", i + 1, login).isEqualTo(200);
        }
    }

    @Test
    void failedLoginsAtOneReplicaCountAtTheOtherToo() {
        Session ann = api.signup();
        String address = someClientAddress();
        try (SecondInstance replica = SecondInstance.sharing(dataSource, "target/it-data/replica-" + System.nanoTime(),
                "--taskstream.roles=api", "--taskstream.events.relay.enabled=false")) {
            HttpApi here = api.withHeader("X-Forwarded-For", address);
            HttpApi there = new HttpApi(replica.port()).withHeader("X-Forwarded-For", address);
            for (int i = 0; i < 10; i++) {
                assertProblem((i % 2 == 0 ? here : there).login(ann.email(), "guess-" + i), 401, "invalid-credentials");
            }

            assertProblem(there.login(ann.email(), HttpApi.PASSWORD), 429, "too-many-requests");
            assertProblem(here.login(ann.email(), HttpApi.PASSWORD), 429, "too-many-requests");
        }
    }

    @Test
    void anAddressWithNoAttemptsLeftIsRefusedWithoutAskingTheDatabaseAgain() {
        Session ann = api.signup();
        String address = someClientAddress();
        HttpApi guesser = api.withHeader("X-Forwarded-For", address);
        for (int i = 0; i < 10; i++) {
            assertProblem(guesser.login(ann.email(), "guess-" + i), 401, "invalid-credentials");
        }
        Response first = guesser.login(ann.email(), HttpApi.PASSWORD);
        assertProblem(first, 429, "too-many-requests");
        // To the database, an address without a row has its whole allowance: from here on only the refusal the
        // process remembers can answer 429, and asking the database would have written the row again.
        jdbc.sql("delete from client_allowance where id = :id").param("id", "login-failure:" + address).update();

        Response again = guesser.login(ann.email(), HttpApi.PASSWORD);

        assertProblem(again, 429, "too-many-requests");
        assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, Long.parseLong(first.header("Retry-After")));
        assertThat(allowanceRows(address)).isEmpty();
    }

    @Test
    void allowancesThatAreFullAgainAreSweptAwayAndTheOthersKept() {
        Session ann = api.signup();
        String idle = someClientAddress();
        String recent = someClientAddress();
        assertProblem(api.withHeader("X-Forwarded-For", idle).login(ann.email(), "guess"), 401, "invalid-credentials");
        assertProblem(api.withHeader("X-Forwarded-For", recent).login(ann.email(), "guess"), 401, "invalid-credentials");
        assertThat(allowanceRows(idle, recent)).hasSize(2);
        jdbc.sql("update client_allowance set expires_at = 0 where id = :id").param("id", "login-failure:" + idle).update();

        sweeper.sweep();

        assertThat(allowanceRows(idle, recent)).containsExactly("login-failure:" + recent);
    }

    private List<String> allowanceRows(String... addresses) {
        return jdbc.sql("select id from client_allowance where id in (:ids)")
                .param("ids", java.util.Arrays.stream(addresses).map(a -> "login-failure:" + a).toList())
                .query(String.class).list();
    }

    @Test
    void twentySignupsFromOneAddressWithinAnHourMakeItWaitWhileOtherAddressesStillSignUp() {
        Session ann = api.signup();
        HttpApi office = api.withHeader("X-Forwarded-For", someClientAddress());
        for (int i = 0; i < 20; i++) {
            Response created = office.signup(account());
            assertThat(created.status()).as("sign-up %d: %s", i + 1, created).isEqualTo(201);
        }
        Response refused = office.signup(account());

        JsonNode problem = assertProblem(refused, 429, "too-many-requests");
        assertThat(problem.get("detail").asString()).startsWith("Too many sign-ups from this address");
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("one sign-up comes back every hour / 20")
                .isBetween(150L, 180L);
        assertThat(office.login(ann.email(), HttpApi.PASSWORD).status()).as("Ann logs in from there").isEqualTo(200);
        assertThat(api.withHeader("X-Forwarded-For", someClientAddress()).signup(account()).status())
                .as("someone else, from another address").isEqualTo(201);
    }

    @Test
    void profileNeedsAToken() {
        assertProblem(api.anonymous().get("/api/auth/me"), 401, "unauthorized");
    }

    @Test
    void profileNameAndTimeZoneCanBeChanged() {
        Session ann = api.signup("UTC");

        Response changed = api.as(ann).patch("/api/auth/me", "{\"name\":\"  Annie  \",\"timeZone\":\"Asia/Tokyo\"}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Annie");
        assertThat(changed.json().get("timeZone").asString()).isEqualTo("Asia/Tokyo");
        JsonNode me = api.as(ann).get("/api/auth/me").json();
        assertThat(me.get("name").asString()).isEqualTo("Annie");
        assertThat(me.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(me.get("email").asString()).isEqualTo(ann.email());
    }

    @Test
    void changingOnlyTheNameKeepsTheTimeZone() {
        Session ann = api.signup("Europe/Paris");

        Response changed = api.as(ann).patchAsJson("/api/auth/me", "{\"name\":\"Ann\"}");

        assertThat(changed.json().get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(changed.json().get("name").asString()).isEqualTo("Ann");
    }

    @Test
    void profileChangesAreValidated() {
        Session ann = api.signup("Europe/Paris");

        assertFieldErrors(api.as(ann).patch("/api/auth/me", "{\"timeZone\":\"Europe/Nowhere\"}"), "validation", "timeZone");
        assertFieldErrors(api.as(ann).patch("/api/auth/me", "{\"name\":\"   \"}"), "validation", "name");
        assertFieldErrors(api.as(ann).patch("/api/auth/me", "{\"email\":\"x@example.com\"}"), "unknown-field", "email");

        JsonNode me = api.as(ann).get("/api/auth/me").json();
        assertThat(me.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(me.get("name").asString()).isEqualTo("Test User");
    }

    @Test
    void changingTheTimeZoneChangesHowDueDatesAreRendered() {
        Session ann = api.signup("UTC");
        long id = createId(ann, task("Call Bob").due("2026-07-01T12:00:00Z"));
        assertThat(fetch(ann, id).get("dueAt").asString()).isEqualTo("2026-07-01T12:00:00Z");

        api.as(ann).patch("/api/auth/me", "{\"timeZone\":\"America/New_York\"}");

        assertThat(fetch(ann, id).get("dueAt").asString()).isEqualTo("2026-07-01T08:00:00-04:00");
        assertThat(api.as(ann).get(ann.tasks()).json().get(0).get("dueAt").asString())
                .isEqualTo("2026-07-01T08:00:00-04:00");
    }

    @Test
    void aPasswordOfLoneSurrogatesIsAValidationProblemNamingIt() {
        Response login = api.anonymous().post("/api/auth/login", "{\"email\":\"ann@example.com\",\"password\":\"\\ud800\"}");
        Response signup = api.anonymous().withHeader("X-Forwarded-For", someClientAddress()).post("/api/auth/signup",
                "{\"email\":\"" + UUID.randomUUID() + "@example.com\",\"password\":\"\\udc00\\ud800\\ud800\\ud800\\ud800"
                        + "\\ud800\\ud800\\ud800\"}");

        assertFieldErrors(login, "validation", "password");
        assertFieldErrors(signup, "validation", "password");
    }

    @Test
    void aNulInANameOrEmailIsAValidationProblemNamingTheField() {
        assertFieldErrors(api.signup(account().name("Ann\u0000")), "validation", "name");
        assertFieldErrors(api.signup(account().email("ann\u0000@example.com")), "validation", "email");
        Session ann = api.signup("UTC");
        assertFieldErrors(api.as(ann).patch("/api/auth/me", "{\"name\":\"\\u0000\"}"), "validation", "name");
    }
}
