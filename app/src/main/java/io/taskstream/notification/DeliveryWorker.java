package io.taskstream.notification;

import io.taskstream.account.UserId;
import io.taskstream.notification.Deliveries.Delivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one outbound delivery (a db-scheduler execution). A delivery already sent or given up is skipped;
 * a failed attempt is recorded and answered with the pause before the next one (doubling from the initial
 * backoff), until the last attempt marks it failed. A receiver that fails is an expected outcome, not an
 * error of the scheduler's: nothing is thrown for it. Sending happens outside any transaction; an external
 * side effect cannot join one, so a crash between sending and recording can repeat that one delivery (at
 * least once), while a redelivered event never creates a second one.
 */
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final NotificationRepository store;
    private final EmailChannel email;
    private final WebhookChannel webhook;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Map<Channel, Map<Outcome, Counter>> deliveries = new EnumMap<>(Channel.class);

    /** What became of one delivery attempt: sent, failed (tried again later), failed for the last time. */
    enum Outcome {
        DELIVERED, FAILED, GAVE_UP
    }

    DeliveryWorker(TransactionTemplate tx, JsonMapper json, NotificationRepository store, EmailChannel email,
            WebhookChannel webhook, NotificationProperties properties, Clock clock, MeterRegistry meters) {
        for (Channel channel : Channel.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("taskstream.deliveries")
                        .description("delivery attempts of notifications, by channel and outcome")
                        .tag("channel", channel.id()).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(meters));
            }
            deliveries.put(channel, byOutcome);
        }
        this.tx = tx;
        this.json = json;
        this.store = store;
        this.email = email;
        this.webhook = webhook;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the delivery once; the pause before the next attempt when this one failed and another is due. */
    Optional<Duration> deliver(Delivery delivery) {
        Optional<Pending> pending = store.pendingDelivery(delivery.firing(), delivery.channel().id())
                .map(p -> new Pending(json.readTree(p.payload()), p.attempts()));
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        NotificationSettings settings = store.settings(delivery.user());
        try {
            switch (delivery.channel()) {
                case EMAIL -> email.send(new UserId(delivery.user()), settings, pending.get().payload());
                case WEBHOOK -> {
                    if (!settings.webhookEnabled()) {
                        finish(delivery, "failed", "webhook disabled");
                        count(delivery, Outcome.GAVE_UP);
                        return Optional.empty();
                    }
                    webhook.send(delivery.user(), settings, json.writeValueAsString(pending.get().payload()));
                }
            }
        } catch (RuntimeException e) {
            int attempts = pending.get().attempts() + 1;
            boolean last = attempts >= properties.delivery().maxAttempts();
            tx.executeWithoutResult(s -> {
                store.deliveryAttemptFailed(delivery.firing(), delivery.channel().id(), attempts,
                        String.valueOf(e.getMessage()), last);
                if (delivery.channel() == Channel.WEBHOOK) {
                    webhook.failed(delivery.user());
                }
            });
            count(delivery, last ? Outcome.GAVE_UP : Outcome.FAILED);
            log.info("{} delivery of {} failed (attempt {} of {}{}): {}", delivery.channel().id(), delivery.firing(),
                    attempts, properties.delivery().maxAttempts(), last ? ", giving up" : "", e.getMessage());
            return last ? Optional.empty()
                    : Optional.of(properties.delivery().initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20)));
        }
        tx.executeWithoutResult(s -> {
            finish(delivery, "sent", null);
            if (delivery.channel() == Channel.WEBHOOK) {
                webhook.succeeded(delivery.user());
            }
        });
        count(delivery, Outcome.DELIVERED);
        return Optional.empty();
    }

    private void count(Delivery delivery, Outcome outcome) {
        deliveries.get(delivery.channel()).get(outcome).increment();
    }

    private void finish(Delivery delivery, String status, String error) {
        store.finishDelivery(delivery.firing(), delivery.channel().id(), status, error,
                status.equals("sent") ? clock.instant() : null);
    }

    private record Pending(JsonNode payload, int attempts) {
    }
}
