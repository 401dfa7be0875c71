package io.taskstream.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code consumed_event} table: which events each shared handler has applied, so none applies twice. */
@Repository
class ConsumedEventRepository {

    private final JdbcClient jdbc;

    ConsumedEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the events (a SQL array literal of ids) as applied by the consumer; returns the ids new to it. */
    List<String> recordNew(String consumer, String ids, Instant now) {
        return jdbc.sql("insert into consumed_event (consumer, event_id, consumed_at) "
                        + "select :consumer, id, :now from unnest(:ids::uuid[]) as id on conflict do nothing returning event_id::text")
                .param("consumer", consumer)
                .param("ids", ids)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .list();
    }
}
