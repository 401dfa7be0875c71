package io.taskstream.events;

/** One outbox row on its way out: the topic's actual name, the record key and the event with its position. */
record OutboundMessage(long outboxId, Topic topic, String topicName, String key, CloudEvent event, String json) {
}
