package io.taskstream.assistant.chat;

import io.taskstream.assistant.tools.TaskTools;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

/** Puts the model engine in front of the offline one when a model is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class ModelEngineConfiguration {

    @Bean
    @Primary
    @ConditionalOnExpression("'${taskstream.ai.base-url:}' != '' or '${taskstream.ai.api-key:}' != ''")
    ModelEngine modelEngine(AiProperties properties, TaskTools tools, OfflineEngine offline, JsonMapper json,
            MeterRegistry meters) {
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .baseUrl(properties.effectiveBaseUrl())
                .apiKey(properties.effectiveApiKey())
                .model(properties.model())
                .timeout(properties.timeout())
                .maxRetries(properties.maxRetries())
                .build();
        OpenAiChatModel model = OpenAiChatModel.builder().options(options).build();
        return new ModelEngine(ChatClient.create(model), tools, offline, json, properties, meters);
    }
}
