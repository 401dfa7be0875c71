package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's log format and tracing values, rendered to the app's environment. */
class LogsAndTracesChartTest {

    private static final String ENDPOINT = "http://otel-collector-opentelemetry-collector.monitoring:4318/v1/traces";

    @Test
    void prodLogsEcsJsonNamingEachPodAndTracesNothingByDefault() {
        for (Deployment deployment : Rendered.of(Variant.prod()).deployments()) {
            assertThat(Rendered.envValue(deployment, "LOGGING_STRUCTURED_FORMAT_CONSOLE")).isEqualTo("ecs");
            EnvVar node = Rendered.env(deployment, "LOGGING_STRUCTURED_ECS_SERVICE_NODENAME").orElseThrow();
            assertThat(node.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
            assertThat(Rendered.env(deployment, "MANAGEMENT_TRACING_EXPORT_ENABLED")).isEmpty();
            assertThat(Rendered.env(deployment, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).isEmpty();
        }
    }

    @Test
    void devLogsPlainTextWithoutTheStructuredFields() {
        for (Deployment deployment : Rendered.of(Variant.dev()).deployments()) {
            assertThat(Rendered.env(deployment, "LOGGING_STRUCTURED_FORMAT_CONSOLE")).isEmpty();
            assertThat(Rendered.env(deployment, "LOGGING_STRUCTURED_ECS_SERVICE_NODENAME")).isEmpty();
        }
    }

    @Test
    void tracingOnSendsSampledSpansToTheCollectorAndLetsThemThroughTheNetworkPolicy() {
        Rendered traced = Rendered.of(Variant.prod().with("tracing.enabled", "true")
                .with("tracing.samplingProbability", "0.05").with("tracing.otlpEndpoint", ENDPOINT));

        for (Deployment deployment : traced.deployments()) {
            assertThat(Rendered.envValue(deployment, "MANAGEMENT_TRACING_EXPORT_ENABLED")).isEqualTo("true");
            assertThat(Rendered.envValue(deployment, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY")).isEqualTo("0.05");
            assertThat(Rendered.envValue(deployment, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
                    .isEqualTo(ENDPOINT);
        }
        List<NetworkPolicy> groups = traced.all(NetworkPolicy.class).stream()
                .filter(policy -> !policy.getSpec().getEgress().isEmpty()).toList();
        assertThat(groups).as("a policy per role group").hasSize(3).allSatisfy(policy -> {
            List<NetworkPolicyEgressRule> toCollector = policy.getSpec().getEgress().stream()
                    .filter(rule -> rule.getPorts() != null
                            && rule.getPorts().stream().anyMatch(p -> p.getPort() != null && Integer.valueOf(4318).equals(p.getPort().getIntVal())))
                    .toList();
            assertThat(toCollector).singleElement().satisfies(rule -> assertThat(rule.getTo()).singleElement()
                    .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .containsEntry("kubernetes.io/metadata.name", "monitoring")));
        });
        assertThat(Rendered.of(Variant.prod()).all(NetworkPolicy.class)).allSatisfy(policy -> assertThat(
                policy.getSpec().getEgress()).noneSatisfy(rule -> assertThat(rule.getPorts())
                        .anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(4318))));
    }

    @Test
    void aSamplingProbabilityOutsideZeroToOneOrAnEndpointThatIsNoUrlIsRefused() {
        assertThat(Rendered.of(Variant.prod().with("tracing.enabled", "true").with("tracing.samplingProbability", "1"))
                .deployments()).allSatisfy(d -> assertThat(
                        Rendered.envValue(d, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY")).isEqualTo("1"));
        assertThatThrownBy(() -> Chart.render(Variant.prod().with("tracing.samplingProbability", "1.5")))
                .hasMessageContaining("samplingProbability");
        assertThatThrownBy(() -> Chart.render(Variant.prod().with("tracing.samplingProbability", "often")))
                .hasMessageContaining("samplingProbability");
        assertThatThrownBy(() -> Chart.render(Variant.prod().with("tracing.otlpEndpoint", "otel-collector:4318")))
                .hasMessageContaining("otlpEndpoint");
    }
}
