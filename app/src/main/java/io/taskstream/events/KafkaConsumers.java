package io.taskstream.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One listener container per handler. Shared handlers consume in the group {@code taskstream-<name>}
 * (one replica applies each event) from the earliest offset; broadcast handlers get a group of their
 * own per process, from the latest offset. A shared handler applies each poll's records in one database
 * transaction and the offsets are committed after it (ack mode BATCH: one commit to the database and one
 * to the broker per poll rather than per record, the latter asynchronous; a crash in between redelivers
 * records whose effects the idempotent dispatcher skips).
 * An event a shared handler fails on does not hold the partition: it is queued for retry off this path
 * ({@link HandlerRetries}, written before the offsets are committed) and goes to {@code <topic>.dlt} after
 * its attempts. Unreadable records, broadcast handlers' failures and failures to reach the database are
 * retried here with exponential backoff, then the record goes to {@code <topic>.dlt} and the partition
 * moves on.
 */
class KafkaConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumers.class);

    private final List<ConcurrentMessageListenerContainer<String, String>> containers = new ArrayList<>();
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;

    KafkaConsumers(ConcurrentKafkaListenerContainerFactory<String, String> factory, KafkaTemplate<String, String> template,
            EventDispatcher dispatcher, HandlerRetries retries, EventsProperties properties, JsonMapper json) {
        for (EventHandler handler : dispatcher.handlers()) {
            String topic = properties.topics().name(handler.topic());
            ConcurrentMessageListenerContainer<String, String> container = factory.createContainer(topic);
            ContainerProperties container_ = container.getContainerProperties();
            boolean shared = handler.delivery() == EventHandler.Delivery.SHARED;
            container_.setGroupId(shared ? "taskstream-" + handler.name() : "taskstream-" + handler.name() + "-" + instanceId);
            container_.setAckMode(ContainerProperties.AckMode.BATCH);
            // The next poll need not wait for the broker to confirm the last commit: a commit that is lost
            // only redelivers records whose effects the idempotent dispatcher skips.
            container_.setSyncCommits(false);
            container_.getKafkaConsumerProperties().setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, shared ? "earliest" : "latest");
            container_.getKafkaConsumerProperties().setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            if (shared) {
                container_.setMessageListener((BatchMessageListener<String, String>) records ->
                        applyBatch(retries, handler, records, json));
            } else {
                container_.setMessageListener((MessageListener<String, String>) record ->
                        dispatcher.dispatch(handler, json.readValue(record.value(), CloudEvent.class)));
            }
            container.setCommonErrorHandler(errorHandler(handler, template, dispatcher, properties));
            container.setBeanName("consumer-" + handler.name());
            containers.add(container);
        }
    }

    /**
     * Applies one poll's records (in one transaction when it can); events the handler fails on are queued
     * for retry and the poll's offsets are committed after. An unreadable record is the error handler's: the
     * readable records before it are applied first, then it goes to the dead-letter topic.
     */
    private static void applyBatch(HandlerRetries retries, EventHandler handler,
            List<ConsumerRecord<String, String>> records, JsonMapper json) {
        List<HandlerRetries.Delivery> deliveries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                deliveries.add(new HandlerRetries.Delivery(json.readValue(records.get(i).value(), CloudEvent.class),
                        records.get(i).value()));
            } catch (JacksonException e) {
                if (!deliveries.isEmpty()) {
                    retries.deliver(handler, records.get(i).topic(), deliveries);
                }
                throw new BatchListenerFailedException("unreadable event", e, i);
            }
        }
        if (!deliveries.isEmpty()) {
            retries.deliver(handler, records.getFirst().topic(), deliveries);
        }
    }

    private static DefaultErrorHandler errorHandler(EventHandler handler, KafkaTemplate<String, String> template,
            EventDispatcher dispatcher, EventsProperties properties) {
        DeadLetterPublishingRecoverer toDlt = new DeadLetterPublishingRecoverer(template,
                (ConsumerRecord<?, ?> record, Exception e) -> new TopicPartition(record.topic() + ".dlt", -1));
        ExponentialBackOff backOff = new ExponentialBackOff(properties.consumer().initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.consumer().maxBackoff().toMillis());
        backOff.setMaxAttempts(Math.max(0, properties.consumer().maxAttempts() - 1));
        DefaultErrorHandler errors = new DefaultErrorHandler((record, e) -> {
            log.error("Consumer {} gave up on record {}-{}@{}; sent to {}.dlt", handler.name(), record.topic(),
                    record.partition(), record.offset(), record.topic(), e);
            toDlt.accept(record, e);
            dispatcher.deadLettered(handler, record.topic());
        }, backOff);
        errors.addNotRetryableExceptions(JacksonException.class);
        // The recoverer above is the one error of a given-up record; the container's "Seek to current after
        // exception" that follows is how it moves on, so it is no second error.
        errors.setLogLevel(KafkaException.Level.WARN);
        return errors;
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
