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

    private String streamWithTicket(Session user) {
        return "/api/" + user.userId() + "/stream?ticket=" + ticket(user);
    }

    private String ticket(Session user) {
        var response = api.as(user).post("/api/" + user.userId() + "/stream/ticket", "");
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("ticket").asString();
    }
}
