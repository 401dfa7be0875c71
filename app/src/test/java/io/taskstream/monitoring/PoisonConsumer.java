package io.taskstream.monitoring;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventHandler;
import io.taskstream.events.Topic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** One more consumer of task events, which fails on every event of a task whose title contains {@link #POISON}. */
@TestConfiguration(proxyBeanMethods = false)
class PoisonConsumer {

    static final String POISON = "poison";
    static final String NAME = "poison-sensitive";

    @Bean
    EventHandler poisonSensitiveConsumer() {
        return new EventHandler() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Topic topic() {
                return Topic.TASK_EVENTS;
            }

            @Override
            public void handle(CloudEvent event) {
                if (event.data().path("task").path("title").asString("").contains(POISON)) {
                    throw new IllegalStateException("cannot handle a poisoned task");
                }
            }
        };
    }
}
