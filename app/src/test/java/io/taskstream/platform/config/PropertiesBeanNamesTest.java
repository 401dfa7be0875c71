package io.taskstream.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.events.EventsProperties;
import io.taskstream.platform.security.AuthProperties;
import io.taskstream.reminder.ReminderProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The bean names that {@code @Scheduled} intervals refer to are the names Spring gives the properties records. */
class PropertiesBeanNamesTest {

    @EnableConfigurationProperties({AuthProperties.class, EventsProperties.class, ReminderProperties.class})
    static class Records {
    }

    @Test
    void theNamedBeansAreTheRecords() {
        new ApplicationContextRunner().withUserConfiguration(Records.class).run(context -> {
            assertThat(context.getBean(AuthProperties.BEAN)).isInstanceOf(AuthProperties.class);
            assertThat(context.getBean(EventsProperties.BEAN)).isInstanceOf(EventsProperties.class);
            assertThat(context.getBean(ReminderProperties.BEAN)).isInstanceOf(ReminderProperties.class);
        });
    }
}
