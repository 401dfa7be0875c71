/**
 * The event backbone: a transactional outbox, a relay that publishes it in order, the transports
 * (embedded, Kafka) behind one small interface, and idempotent delivery to {@link io.taskstream.events.EventHandler}s.
 * Business modules see {@link io.taskstream.events.Outbox}, {@link io.taskstream.events.CloudEvent},
 * {@link io.taskstream.events.Topic} and {@link io.taskstream.events.EventHandler}.
 */
package io.taskstream.events;
