package io.taskstream.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.platform.config.DaprProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the transport ({@code taskstream.events.transport}: embedded, kafka or dapr) and starts the
 * relay and consumers.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventsConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = "taskstream.events.relay.enabled", matchIfMissing = true)
    RelayDatabase relayDatabase(DataSource dataSource, PlatformTransactionManager transactions, EventsProperties properties) {
        return properties.transport() == EventsProperties.Transport.EMBEDDED
                ? RelayDatabase.shared(dataSource, transactions)
                : RelayDatabase.own(dataSource, transactions);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "taskstream.events.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(RelayDatabase database, EventTransport transport, EventsProperties properties,
            RelaySignal signal, JsonMapper json, Clock clock, MeterRegistry meters, EventTracing tracing) {
        return new OutboxRelay(database.jdbc(), database.tx(), transport, properties, signal, json, clock, meters,
                tracing);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "taskstream.events.relay.enabled", matchIfMissing = true)
    OutboxNotifications outboxNotifications(RelayDatabase database, RelaySignal signal) {
        return new OutboxNotifications(database.dataSource(), signal);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "taskstream.events.transport", havingValue = "embedded", matchIfMissing = true)
    static class Embedded {

        @Bean
        EventTransport embeddedTransport(EventDispatcher dispatcher, EventsProperties properties, DeadLetterRepository deadLetters,
                HandlerRetries retries) {
            return new EmbeddedTransport(dispatcher, properties, deadLetters, retries);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "taskstream.events.transport", havingValue = "dapr")
    static class Dapr {

        @Bean
        EventTransport daprTransport(DaprProperties sidecar, EventsProperties properties) {
            return new DaprTransport(sidecar, properties);
        }

        /** Dead letters of shared handlers also go to the pub/sub's {@code <topic>.dlt}, as the subscriptions declare. */
        @Bean
        DeadLetterTopic daprDeadLetterTopic(DaprProperties sidecar, EventsProperties properties) {
            DaprTransport dapr = new DaprTransport(sidecar, properties);
            return (handler, topic, event, payload) -> dapr.publish(List.of(new OutboundMessage(0, handler.topic(),
                    topic + ".dlt", event.userid(), event, payload)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "taskstream.events.transport", havingValue = "kafka")
    static class Kafka {

        @Bean
        EventTransport kafkaTransport(KafkaTemplate<String, String> template) {
            return new KafkaTransport(template);
        }

        @Bean
        DeadLetterTopic kafkaDeadLetterTopic(KafkaTemplate<String, String> template) {
            return (handler, topic, event, payload) -> template.send(topic + ".dlt", event.userid(), payload)
                    .get(15, TimeUnit.SECONDS);
        }

        @Bean
        KafkaConsumers kafkaConsumers(ConcurrentKafkaListenerContainerFactory<String, String> factory,
                KafkaTemplate<String, String> template, EventDispatcher dispatcher, HandlerRetries retries,
                EventsProperties properties, JsonMapper json) {
            return new KafkaConsumers(factory, template, dispatcher, retries, properties, json);
        }

        @Bean
        @ConditionalOnBooleanProperty(name = "taskstream.events.kafka.create-topics", matchIfMissing = true)
        KafkaAdmin.NewTopics taskstreamTopics(EventsProperties properties) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                String name = properties.topics().name(topic);
                topics.add(new NewTopic(name, properties.kafka().partitions(), properties.kafka().replicationFactor()));
                topics.add(new NewTopic(name + ".dlt", properties.kafka().partitions(), properties.kafka().replicationFactor()));
            }
            return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
        }
    }
}
