/**
 * The event backbone: a transactional outbox, a relay that publishes it in order, the transports (embedded, Kafka,
 * Dapr pub/sub) behind one small interface, idempotent delivery to {@link io.taskstream.events.EventHandler}s, a retry
 * queue that retries a failing shared handler off the delivery path ({@code event_retry}), and dead letters with their
 * replay. Business modules see {@link io.taskstream.events.Outbox}, {@link io.taskstream.events.CloudEvent},
 * {@link io.taskstream.events.Topic}, {@link io.taskstream.events.EventHandler},
 * {@link io.taskstream.events.PublishedEvents} (published events read back by position, for the live stream) and
 * {@link io.taskstream.events.EventsProperties} ({@code taskstream.events.*}).
 */
package io.taskstream.events;
