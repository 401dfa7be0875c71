package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Session;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The relay is woken by PostgreSQL when another process commits outbox rows (the outbox trigger's
 * NOTIFY), not by its poll: here the poll is an hour apart.
 */
@TestPropertySource(properties = "taskstream.events.relay.poll-interval=PT1H")
class RelayWakeUpIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventCommittedByAnotherProcessIsPublishedWithoutWaitingForThePoll() {
        Session ann = api.signup();
        long id = createId(ann, task("Written here"));
        Eventually.await(Duration.ofSeconds(30), () -> history(ann, id), n -> n == 1);

        // The same change as another replica would commit it: straight into the outbox, no local wake-up.
        jdbc.sql("insert into event_outbox (event_id, topic, message_key, event_type, payload, created_at) "
                        + "select e.id, topic, message_key, event_type, jsonb_set(payload::jsonb, '{id}', to_jsonb(e.id::text))::json, now() "
                        + "from event_outbox, (select gen_random_uuid() as id) e "
                        + "where topic = 'task-events' and message_key = :user")
                .param("user", ann.userId()).update();

        long unpublished = Eventually.await(Duration.ofSeconds(10), () -> jdbc.sql(
                        "select count(*) from event_outbox where message_key = :user and published_at is null")
                .param("user", ann.userId()).query(Long.class).single(), n -> n == 0);
        assertThat(unpublished).isZero();
        Eventually.await(Duration.ofSeconds(10), () -> history(ann, id), n -> n == 2);
    }

    private int history(Session user, long id) {
        return api.as(user).get(user.task(id) + "/history").json().size();
    }
}
