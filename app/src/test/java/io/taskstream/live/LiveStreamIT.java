package io.taskstream.live;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.SseStream;
import io.taskstream.support.SseStream.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class LiveStreamIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(800);
    /** Far less than a heartbeat: the streams end at once on the replica where their session ended. */
    private static final Duration ENDS = Duration.ofSeconds(5);

    @Test
    void eachUserSeesOnlyTheirOwnUpdates() {
        Session ann = api.signup();
        Session bob = api.signup();
        try (SseStream annStream = SseStream.open(api.anonymous().request(streamWithTicket(ann)));
             SseStream bobStream = SseStream.open(api.as(bob).request("/api/" + bob.userId() + "/stream"))) {
            api.as(ann).post(ann.tasks(), task("Ann's secret").json());
            api.as(bob).post(bob.tasks(), task("Bob's secret").json());

            List<Event> annEvents = annStream.drain("task", QUIET);
            List<Event> bobEvents = bobStream.drain("task", QUIET);

            assertThat(annEvents).hasSize(1);
            assertThat(annEvents.getFirst().data()).contains("Ann's secret").doesNotContain("Bob's secret");
            assertThat(bobEvents).hasSize(1);
            assertThat(bobEvents.getFirst().data()).contains("Bob's secret").doesNotContain("Ann's secret");
        }
    }

    @Test
    void reconnectingWithLastEventIdDeliversWhatWasMissedInOrder() {
        Session ann = api.signup();
        String lastId;
        try (SseStream stream = SseStream.open(api.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            api.as(ann).post(ann.tasks(), task("Seen").json());
            Event seen = stream.next("task", WAIT);
            assertThat(seen).isNotNull();
            lastId = seen.id();
        }
        api.as(ann).post(ann.tasks(), task("Missed one").json());
        api.as(ann).post(ann.tasks(), task("Missed two").json());
        Eventually.await(WAIT, () -> jdbc.sql("select count(*) from event_outbox where message_key = :user and published_at is null")
                .param("user", ann.userId()).query(Long.class).single(), pending -> pending == 0);

        try (SseStream resumed = SseStream.open(api.as(ann).request("/api/" + ann.userId() + "/stream")
                .header("Last-Event-ID", lastId))) {
            List<Event> replayed = resumed.drain("task", QUIET);

            assertThat(replayed).hasSize(2);
            assertThat(replayed.get(0).data()).contains("Missed one");
            assertThat(replayed.get(1).data()).contains("Missed two");
            assertThat(Long.parseLong(replayed.get(0).id())).isGreaterThan(Long.parseLong(lastId));
            assertThat(Long.parseLong(replayed.get(1).id())).isGreaterThan(Long.parseLong(replayed.get(0).id()));
        }
    }

    @Test
    void aTicketOpensTheStreamOnceAndOnlyForItsOwner() {
        Session ann = api.signup();
        Session bob = api.signup();
        String ticket = ticket(ann);
        HttpApi stranger = api.anonymous();

        assertThat(stranger.get("/api/" + bob.userId() + "/stream?ticket=" + ticket).status()).isEqualTo(401);
        String fresh = ticket(ann);
        try (SseStream first = SseStream.open(stranger.request("/api/" + ann.userId() + "/stream?ticket=" + fresh))) {
            assertThat(first.status()).isEqualTo(200);
        }
        assertThat(stranger.get("/api/" + ann.userId() + "/stream?ticket=" + fresh).status()).isEqualTo(401);
        assertThat(stranger.get("/api/" + ann.userId() + "/stream").status()).isEqualTo(401);
        assertThat(api.as(bob).post("/api/" + ann.userId() + "/stream/ticket", "").status()).isEqualTo(403);
    }

    @Test
    void aStreamOpenedWithATokenEndsWhenThatTokenSignsOut() {
        Session ann = api.signup();
        try (SseStream stream = SseStream.open(api.as(ann).request(streamOf(ann)))) {
            assertThat(stream.status()).isEqualTo(200);

            assertThat(api.as(ann).post("/api/auth/logout", "").status()).isEqualTo(204);

            assertThat(stream.endsWithin(ENDS)).as("the stream of the signed-out token ended").isTrue();
        }
        assertThat(api.as(ann).get(streamOf(ann)).status()).as("and cannot be opened again").isEqualTo(401);
    }

    @Test
    void aStreamOpenedWithATicketEndsWhenTheSessionThatAskedForTheTicketSignsOut() {
        Session ann = api.signup();
        try (SseStream stream = SseStream.open(api.anonymous().request(streamWithTicket(ann)))) {
            assertThat(stream.status()).isEqualTo(200);

            assertThat(api.as(ann).post("/api/auth/logout", "").status()).isEqualTo(204);

            assertThat(stream.endsWithin(ENDS)).isTrue();
        }
    }

    @Test
    void aTicketOfASessionThatHasEndedNoLongerOpensTheStream() {
        Session ann = api.signup();
        String ticket = ticket(ann);
        assertThat(api.as(ann).post("/api/auth/logout", "").status()).isEqualTo(204);

        assertThat(api.anonymous().get(streamOf(ann) + "?ticket=" + ticket).status()).isEqualTo(401);
    }

    @Test
    void aStreamOfASessionThatDidNotEndKeepsReceivingUpdates() {
        Session ann = api.signup();
        Session phone = new Session(ann.userId(), login(ann, HttpApi.PASSWORD), ann.email());
        try (SseStream onLaptop = SseStream.open(api.anonymous().request(streamWithTicket(ann)));
             SseStream onPhone = SseStream.open(api.as(phone).request(streamOf(phone)))) {

            assertThat(api.as(phone).post("/api/auth/logout", "").status()).isEqualTo(204);
            assertThat(onPhone.endsWithin(ENDS)).isTrue();

            api.as(ann).post(ann.tasks(), task("After the phone signed out").json());
            Event seen = onLaptop.next("task", WAIT);
            assertThat(seen).isNotNull();
            assertThat(seen.data()).contains("After the phone signed out");
            assertThat(onLaptop.isOpen()).isTrue();
        }
    }

    @Test
    void aPasswordChangeEndsTheStreamsOfOtherSessionsWhileTheNewSessionKeepsWorking() {
        Session ann = api.signup();
        Session thief = new Session(ann.userId(), login(ann, HttpApi.PASSWORD), ann.email());
        try (SseStream thiefs = SseStream.open(api.anonymous().request(streamWithTicket(thief)))) {
            assertThat(thiefs.status()).isEqualTo(200);

            var changed = api.as(ann).withHeader("X-Forwarded-For", HttpApi.someClientAddress())
                    .post("/api/auth/password", HttpApi.JSON.createObjectNode()
                            .put("currentPassword", HttpApi.PASSWORD).put("newPassword", "a-brand-new-password").toString());
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(thiefs.endsWithin(ENDS)).as("the other session's stream ended").isTrue();

            Session renewed = new Session(ann.userId(), changed.json().get("token").asString(), ann.email());
            try (SseStream mine = SseStream.open(api.anonymous().request(streamWithTicket(renewed)))) {
                api.as(renewed).post(ann.tasks(), task("Only for me now").json());
                Event seen = mine.next("task", WAIT);
                assertThat(seen).isNotNull();
                assertThat(seen.data()).contains("Only for me now");
            }
        }
    }

    @Test
    void aStreamEndsWhenTheAccountIsDeleted() {
        Session ann = api.signup();
        try (SseStream stream = SseStream.open(api.anonymous().request(streamWithTicket(ann)))) {
            assertThat(stream.status()).isEqualTo(200);

            var deleted = api.as(ann).withHeader("X-Forwarded-For", HttpApi.someClientAddress()).send("/api/auth/me",
                    "DELETE", "application/json",
                    HttpApi.JSON.createObjectNode().put("password", HttpApi.PASSWORD).toString());
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);

            assertThat(stream.endsWithin(ENDS)).isTrue();
        }
    }

    @Test
    void aStreamOpenedWithAnApiTokenEndsWhenTheTokenIsRevoked() {
        Session ann = api.signup();
        String tokens = "/api/" + ann.userId() + "/api-tokens";
        var created = api.as(ann).post(tokens, "{\"name\":\"script\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        HttpApi script = api.withToken(created.json().get("token").asString());
        long id = created.json().get("id").asLong();
        try (SseStream scripts = SseStream.open(script.request(streamOf(ann)));
             SseStream mine = SseStream.open(api.as(ann).request(streamOf(ann)))) {
            assertThat(scripts.status()).isEqualTo(200);

            assertThat(api.as(ann).delete(tokens + "/" + id).status()).isEqualTo(204);

            assertThat(scripts.endsWithin(ENDS)).isTrue();
            assertThat(mine.isOpen()).as("the session that revoked it goes on").isTrue();
        }
    }

    private String login(Session user, String password) {
        var login = api.withHeader("X-Forwarded-For", HttpApi.someClientAddress()).login(user.email(), password);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().get("token").asString();
    }

    private static String streamOf(Session user) {
        return "/api/" + user.userId() + "/stream";
    }

    private String streamWithTicket(Session user) {
        return "/api/" + user.userId() + "/stream?ticket=" + ticket(user);
    }

    private String ticket(Session user) {
        var response = api.as(user).post("/api/" + user.userId() + "/stream/ticket", "");
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("ticket").asString();
    }
}
