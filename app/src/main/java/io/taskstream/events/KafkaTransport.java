package io.taskstream.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes to Kafka: structured-mode CloudEvents keyed by user id (one user's events stay in order on
 * one partition), idempotent producer with {@code acks=all}; returns when every record is acknowledged (the
 * relay marks the batch while the acknowledgements are on their way).
 */
class KafkaTransport implements EventTransport {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaTemplate<String, String> template;

    KafkaTransport(KafkaTemplate<String, String> template) {
        this.template = template;
    }

    @Override
    public void publish(List<OutboundMessage> batch) throws Exception {
        publish(batch, () -> { });
    }

    @Override
    public void publish(List<OutboundMessage> batch, Runnable meanwhile) throws Exception {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        for (OutboundMessage message : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(message.topicName(), message.key(), message.json());
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            if (message.event().traceparent() != null) {
                // Also as a header, where Kafka-aware tracing tools look for it.
                record.headers().add(EventTracing.TRACEPARENT, message.event().traceparent().getBytes(StandardCharsets.UTF_8));
            }
            sends.add(template.send(record));
        }
        meanwhile.run();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
