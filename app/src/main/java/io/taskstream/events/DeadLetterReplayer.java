package io.taskstream.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays dead letters an operator asked for ({@code update dead_letter set replay_requested_at = now()
 * where ...}, see docs/runbooks/dead-letters.md): each goes to its consumer again through the idempotent
 * dispatcher. Success marks it replayed; failure keeps it dead with the new error and clears the request.
 */
@Component
class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, EventHandler> handlers;

    DeadLetterReplayer(JdbcClient jdbc, TransactionTemplate tx, EventDispatcher dispatcher, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
        this.handlers = dispatcher.handlers().stream().collect(Collectors.toMap(EventHandler::name, Function.identity()));
    }

    @Scheduled(fixedDelayString = "#{@'" + EventsProperties.BEAN + "'.deadLetterReplayInterval()}")
    void replayRequested() {
        tx.executeWithoutResult(status -> {
            List<Letter> letters = jdbc.sql("select id, consumer, payload::text as payload from dead_letter "
                            + "where replay_requested_at is not null and replayed_at is null "
                            + "order by id limit 100 for update skip locked")
                    .query((rs, n) -> new Letter(rs.getLong("id"), rs.getString("consumer"), rs.getString("payload")))
                    .list();
            for (Letter letter : letters) {
                EventHandler handler = handlers.get(letter.consumer());
                if (handler == null) {
                    continue;
                }
                try {
                    dispatcher.dispatch(handler, json.readValue(letter.payload(), CloudEvent.class));
                    jdbc.sql("update dead_letter set replayed_at = :now where id = :id")
                            .param("now", Timestamp.from(clock.instant())).param("id", letter.id()).update();
                    log.info("Replayed dead letter {} to {}", letter.id(), letter.consumer());
                } catch (RuntimeException e) {
                    jdbc.sql("update dead_letter set replay_requested_at = null, error = :error, failed_at = :now where id = :id")
                            .param("error", String.valueOf(e)).param("now", Timestamp.from(clock.instant()))
                            .param("id", letter.id()).update();
                    log.warn("Dead letter {} failed again in {}: {}", letter.id(), letter.consumer(), e.toString());
                }
            }
        });
    }

    private record Letter(long id, String consumer, String payload) {
    }
}
