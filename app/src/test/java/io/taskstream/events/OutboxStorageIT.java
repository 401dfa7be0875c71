package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Session;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox stores each event as the text the application serialized and hands the relay that same
 * text: the database neither parses it into jsonb nor prints it back (ADR 027).
 */
class OutboxStorageIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void anEventIsStoredExactlyAsSerialized() {
        Session ann = api.signup();
        createId(ann, task("Stored as written").tags("a", "b"));

        List<String> stored = jdbc.sql("select payload::text from event_outbox where message_key = :user order by id")
                .param("user", ann.userId()).query(String.class).list();

        assertThat(stored).hasSize(2).allSatisfy(text ->
                assertThat(text).isEqualTo(json.writeValueAsString(json.readValue(text, CloudEvent.class))));
    }
}
