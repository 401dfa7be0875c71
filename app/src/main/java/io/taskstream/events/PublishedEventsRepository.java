package io.taskstream.events;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

@Component
class PublishedEventsRepository implements PublishedEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventsProperties properties;

    PublishedEventsRepository(JdbcClient jdbc, JsonMapper json, EventsProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public List<CloudEvent> after(Topic topic, String key, long position, int limit) {
        return jdbc.sql("select position, payload::text as payload from event_outbox "
                        + "where topic = :topic and message_key = :key and position > :position order by position limit :limit")
                .param("topic", properties.topics().name(topic))
                .param("key", key)
                .param("position", position)
                .param("limit", limit)
                .query((rs, row) -> json.readValue(rs.getString("payload"), CloudEvent.class).withSequence(rs.getLong("position")))
                .list();
    }

    @Override
    public long oldestRetainedPosition() {
        return jdbc.sql("select coalesce(min(position), 9223372036854775807) from event_outbox where position is not null")
                .query(Long.class).single();
    }
}
