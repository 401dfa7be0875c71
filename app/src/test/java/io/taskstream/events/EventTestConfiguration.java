package io.taskstream.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test doubles for failure scenarios, around the real transport and dispatcher: a handler that fails on
 * "poison" tasks, and a switch that makes the relay crash right after the transport accepted a batch
 * (before the relay's transaction commits), as a process killed at that moment would.
 */
@TestConfiguration(proxyBeanMethods = false)
class EventTestConfiguration {

    @Bean
    PoisonSensitiveHandler poisonSensitiveHandler() {
        return new PoisonSensitiveHandler();
    }

    @Bean
    CrashAfterPublish crashAfterPublish() {
        return new CrashAfterPublish();
    }

    @Bean
    static BeanPostProcessor crashingTransport(org.springframework.beans.factory.ObjectProvider<CrashAfterPublish> crash) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventTransport transport) {
                    return (EventTransport) batch -> {
                        transport.publish(batch);
                        crash.getObject().maybeCrash();
                    };
                }
                return bean;
            }
        };
    }

    /** Fails every delivery of an event about a task whose title contains "poison", or of a failing user; records the rest. */
    static class PoisonSensitiveHandler implements EventHandler {

        final List<String> handledTitles = new CopyOnWriteArrayList<>();
        /** Once healed, poison no longer makes it fail (as after a fix is deployed). */
        volatile boolean healed;
        /** Every event of these users fails, whatever its task. */
        final java.util.Set<String> failingUsers = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public String name() {
            return "poison-test";
        }

        @Override
        public Topic topic() {
            return Topic.TASK_EVENTS;
        }

        @Override
        public void handle(CloudEvent event) {
            String title = event.data().get("task").get("title").asString();
            if ((title.contains("poison") && !healed) || failingUsers.contains(event.userid())) {
                throw new IllegalStateException("cannot handle " + title);
            }
            handledTitles.add(title);
        }
    }

    /** When armed, the next relay round fails after its batch was published. */
    static class CrashAfterPublish {

        private final AtomicBoolean armed = new AtomicBoolean();

        void arm() {
            armed.set(true);
        }

        void maybeCrash() {
            if (armed.compareAndSet(true, false)) {
                throw new IllegalStateException("simulated crash between publish and commit");
            }
        }
    }
}
