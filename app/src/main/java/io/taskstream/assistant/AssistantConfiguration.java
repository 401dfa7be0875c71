package io.taskstream.assistant;

import io.taskstream.assistant.parse.IntentRecognizer;
import io.taskstream.assistant.parse.QuickAddParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stateless, thread-safe parser shared by quick-add and the offline engine. */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    QuickAddParser quickAddParser() {
        return new QuickAddParser();
    }

    @Bean
    IntentRecognizer intentRecognizer(QuickAddParser parser) {
        return new IntentRecognizer(parser);
    }
}
