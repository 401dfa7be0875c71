package io.taskstream.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final DeadLetterRepository deadLetters;
    private final TransactionTemplate tx;
    private final EventDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, EventHandler> handlers;

    DeadLetterReplayer(DeadLetterRepository deadLetters, TransactionTemplate tx, EventDispatcher dispatcher, JsonMapper json, Clock clock) {
        this.deadLetters = deadLetters;
        this.tx = tx;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
        this.handlers = dispatcher.handlers().stream().collect(Collectors.toMap(EventHandler::name, Function.identity()));
    }

    @Scheduled(fixedDelayString = "#{@'" + EventsProperties.BEAN + "'.deadLetterReplayInterval()}")
    void replayRequested() {
        tx.executeWithoutResult(status -> {
            List<DeadLetterRepository.Letter> letters = deadLetters.claimReplayRequests();
            for (DeadLetterRepository.Letter letter : letters) {
                EventHandler handler = handlers.get(letter.consumer());
                if (handler == null) {
                    continue;
                }
                try {
                    dispatcher.dispatch(handler, json.readValue(letter.payload(), CloudEvent.class));
                    deadLetters.replayed(letter.id(), clock.instant());
                    log.info("Replayed dead letter {} to {}", letter.id(), letter.consumer());
                } catch (RuntimeException e) {
                    deadLetters.replayFailed(letter.id(), String.valueOf(e), clock.instant());
                    log.warn("Dead letter {} failed again in {}: {}", letter.id(), letter.consumer(), e.toString());
                }
            }
        });
    }
}
