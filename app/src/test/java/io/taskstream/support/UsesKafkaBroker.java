package io.taskstream.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the test's application at the suite's shared Kafka broker ({@link KafkaBroker#shared()}, started on
 * first use): {@code @Import(UsesKafkaBroker.class)} on a {@code @SpringBootTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class UsesKafkaBroker {

    @Bean
    DynamicPropertyRegistrar sharedKafkaBroker() {
        return registry -> registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
    }
}
