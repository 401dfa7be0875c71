package io.taskstream.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskstream.platform.config.DaprSecretsEnvironmentPostProcessor.SecretRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class DaprSecretsEnvironmentPostProcessorTest {

    @Test
    void referencesNameTheVariableTheSecretAndTheKeyWithOptionalMarked() {
        assertThat(SecretRef.parseAll(" DATABASE_URL=db/url , TASKSTREAM_AI_API_KEY=app-secrets/ai-api-key? ,"))
                .containsExactly(new SecretRef("DATABASE_URL", "db", "url", false),
                        new SecretRef("TASKSTREAM_AI_API_KEY", "app-secrets", "ai-api-key", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATABASE_URL", "DATABASE_URL=db", "DATABASE_URL=db/", "=db/url", "DATABASE_URL=/url"})
    void malformedReferenceIsRejectedWithTheExpectedShape(String entry) {
        assertThatThrownBy(() -> SecretRef.parse(entry))
                .hasMessageContaining(entry).hasMessageContaining("VARIABLE=secret/key");
    }

    @Test
    void withoutAStoreNothingIsReadAndNoSidecarIsNeeded() {
        MockEnvironment env = new MockEnvironment().withProperty("taskstream.secrets.dapr.refs", "DATABASE_URL=db/url");
        new DaprSecretsEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getPropertySources().contains(DaprSecretsEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
    }

    @Test
    void storeWithoutReferencesIsAConfigurationMistake() {
        MockEnvironment env = new MockEnvironment().withProperty("taskstream.secrets.dapr.store", "secretstore");
        assertThatThrownBy(() -> new DaprSecretsEnvironmentPostProcessor(new DeferredLogs())
                .postProcessEnvironment(env, new SpringApplication()))
                .hasMessageContaining("taskstream.secrets.dapr.refs");
    }
}
