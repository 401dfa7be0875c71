package io.taskstream.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** A Dapr mode needs the app API token to start (ADR 033). */
class DaprCallbackGuardTest {

    private static final String REFUSAL = "Dapr mode is on but APP_API_TOKEN is not set: anyone who reaches the port "
            + "could deliver events and trigger reminder jobs.";

    @Test
    void theDaprTransportWithoutATokenRefusesToStartWithOneLine() {
        assertThatThrownBy(() -> DaprCallbackGuard.requireToken(new MockEnvironment()
                .withProperty("taskstream.events.transport", "dapr")))
                .isInstanceOf(FailureAnalyzedException.class)
                .hasMessage(REFUSAL)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theDaprSchedulerWithoutATokenOrWithABlankOneRefusesToStart() {
        assertThatThrownBy(() -> DaprCallbackGuard.requireToken(new MockEnvironment()
                .withProperty("taskstream.reminders.scheduler", "DAPR")))
                .hasMessage(REFUSAL);
        assertThatThrownBy(() -> DaprCallbackGuard.requireToken(new MockEnvironment()
                .withProperty("taskstream.reminders.scheduler", "dapr")
                .withProperty("taskstream.dapr.app-api-token", "  ")))
                .hasMessage(REFUSAL);
    }

    @Test
    void aTokenFromAppApiTokenLetsTheProcessStart() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "taskstream.events.transport", "dapr", "APP_API_TOKEN", "from-the-sidecar-secret",
                "taskstream.data-dir", "target/guard")));

        assertThatCode(() -> new TaskstreamEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication()))
                .doesNotThrowAnyException();
        assertThat(DaprCallbackGuard.token(env)).isEqualTo("from-the-sidecar-secret");
    }

    @Test
    void theAliasesPostProcessorRefusesADaprModeWithoutAToken() {
        MockEnvironment env = new MockEnvironment().withProperty("taskstream.events.transport", "dapr");

        assertThatThrownBy(() -> new TaskstreamEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication()))
                .hasMessage(REFUSAL);
    }

    @Test
    void theExplicitOptOutOrNoDaprModeNeedsNoToken() {
        assertThatCode(() -> DaprCallbackGuard.requireToken(new MockEnvironment()
                .withProperty("taskstream.events.transport", "dapr")
                .withProperty("taskstream.dapr.insecure-allow-unauthenticated-callbacks", "true")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DaprCallbackGuard.requireToken(new MockEnvironment()
                .withProperty("taskstream.events.transport", "kafka")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DaprCallbackGuard.requireToken(new MockEnvironment())).doesNotThrowAnyException();
    }
}
