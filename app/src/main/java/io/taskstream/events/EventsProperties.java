package io.taskstream.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event backbone settings ({@code taskstream.events.*}).
 *
 * @param transport where the relay publishes: {@code embedded} (in-process consumers), {@code kafka} or {@code dapr}
 *         (Dapr pub/sub through the sidecar)
 * @param source the CloudEvents {@code source} prefix of our events
 * @param topics topic names
 * @param relay outbox relay tuning
 * @param consumer retry policy of consumers before an event goes to the dead letters
 * @param kafka topic layout when the transport is Kafka
 * @param deadLetterReplayInterval how often dead letters whose replay was requested are looked for
 * @param dapr pub/sub components when the transport is Dapr (the sidecar itself: {@code taskstream.dapr.*})
 */
@ConfigurationProperties("taskstream.events")
public record EventsProperties(
        @DefaultValue("embedded") Transport transport,
        @DefaultValue("/taskstream") String source,
        @DefaultValue Topics topics,
        @DefaultValue Relay relay,
        @DefaultValue Consumer consumer,
        @DefaultValue Kafka kafka,
        @DefaultValue("PT5S") Duration deadLetterReplayInterval,
        @DefaultValue Dapr dapr) {

    /** The bean of these settings, for expressions such as a {@code @Scheduled} interval. */
    public static final String BEAN = "taskstream.events-io.taskstream.events.EventsProperties";

    public enum Transport { EMBEDDED, KAFKA, DAPR }

    /**
     * @param taskEvents the topic of every task lifecycle event
     * @param taskUpdates the topic of what live clients need to refresh (task changes, notifications)
     * @param reminders the topic of reminder events (scheduled, due)
     */
    public record Topics(
            @DefaultValue("task-events") String taskEvents,
            @DefaultValue("task-updates") String taskUpdates,
            @DefaultValue("reminders") String reminders) {

        public String name(Topic topic) {
            return switch (topic) {
                case TASK_EVENTS -> taskEvents;
                case TASK_UPDATES -> taskUpdates;
                case REMINDERS -> reminders;
            };
        }
    }

    /**
     * @param enabled whether this process relays the outbox (one relay at a time publishes, cluster-wide)
     * @param pollInterval how often to look for events committed elsewhere (local commits wake it at once)
     * @param batchSize events published per round
     * @param retention how long published events are kept (live-stream resume reads them; at least 5 minutes)
     * @param retryBackoff pause after a failed publish (broker down)
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT0.25S") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("P1D") Duration retention,
            @DefaultValue("PT1S") Duration retryBackoff) {
    }

    /**
     * @param maxAttempts deliveries of one event before it is dead-lettered
     * @param initialBackoff pause before the first retry, doubled each time up to {@code maxBackoff}
     * @param maxBackoff the longest pause between two deliveries
     * @param retryPollInterval how often the retry worker looks for due retries (it also sleeps just until the
     *     next one it knows of is due); retries happen off the delivery path, see ADR 034
     */
    public record Consumer(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("PT0.2S") Duration initialBackoff,
            @DefaultValue("PT2S") Duration maxBackoff,
            @DefaultValue("PT1S") Duration retryPollInterval) {
    }

    /**
     * @param partitions partitions of each topic created by the app
     * @param replicationFactor replication of each topic created by the app
     * @param createTopics whether the app creates its topics (off when Strimzi KafkaTopic resources own them)
     */
    public record Kafka(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("true") boolean createTopics) {
    }

    /**
     * @param pubsub the pub/sub component events are published and shared subscriptions are made through
     * @param broadcastPubsub the pub/sub component of broadcast subscriptions (consumer group per pod)
     */
    public record Dapr(
            @DefaultValue("pubsub") String pubsub,
            @DefaultValue("pubsub-broadcast") String broadcastPubsub) {
    }
}
