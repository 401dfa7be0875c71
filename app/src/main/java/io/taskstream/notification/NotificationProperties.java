package io.taskstream.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification delivery settings ({@code taskstream.notifications.*}).
 *
 * @param delivery retries of an outbound delivery (email, webhook)
 * @param email the sender of notification emails (sent only when {@code spring.mail.host} is set)
 * @param webhook how webhooks are called
 */
@ConfigurationProperties("taskstream.notifications")
public record NotificationProperties(
        @DefaultValue Delivery delivery,
        @DefaultValue Email email,
        @DefaultValue Webhook webhook) {

    /**
     * @param maxAttempts attempts of one delivery before it is marked failed
     * @param initialBackoff pause after the first failed attempt; doubles after each further one
     */
    public record Delivery(@DefaultValue("5") int maxAttempts, @DefaultValue("PT1S") Duration initialBackoff) {
    }

    /** @param from the From address of notification emails */
    public record Email(@DefaultValue("Taskstream <notifications@taskstream.invalid>") String from) {
    }

    /**
     * @param timeout connect and response timeout of one call
     * @param maxConsecutiveFailures failed calls in a row after which the user's webhook is disabled
     * @param allowPrivateNetworks admin setting: allow loopback, private, link-local and other internal
     *     addresses (off: a user's URL may not reach into our network)
     */
    public record Webhook(
            @DefaultValue("PT5S") Duration timeout,
            @DefaultValue("5") int maxConsecutiveFailures,
            @DefaultValue("false") boolean allowPrivateNetworks) {
    }
}
