package io.taskstream.assistant.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional OpenAI-compatible chat model ({@code TASKSTREAM_AI_*}; the key also from
 * {@code OPENAI_API_KEY}). With neither a base URL nor a key the offline engine answers alone.
 *
 * @param baseUrl Chat Completions base URL including {@code /v1} (OpenAI, Ollama {@code http://localhost:11434/v1},
 *     vLLM, LM Studio); default OpenAI's when only a key is set
 * @param apiKey secret; never logged. Local servers that need none may leave it empty
 * @param model model name
 * @param timeout how long one model request may take before the offline engine answers instead
 * @param maxRetries retries of a failed model request (the offline fallback is usually the better retry)
 */
@ConfigurationProperties("taskstream.ai")
record AiProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("0") int maxRetries) {

    static final String OPENAI = "https://api.openai.com/v1";

    boolean configured() {
        return !baseUrl.isBlank() || !apiKey.isBlank();
    }

    String effectiveBaseUrl() {
        return baseUrl.isBlank() ? OPENAI : baseUrl.strip();
    }

    /** Local servers accept any key; the OpenAI client library insists on one. */
    String effectiveApiKey() {
        return apiKey.isBlank() ? "none" : apiKey.strip();
    }

    @Override
    public String toString() {
        return "AiProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isBlank() ? "" : "***") + ", model=" + model
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
    }
}
