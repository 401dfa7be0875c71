package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The checks above are only as good as the parser: it must reject what the API server would reject. */
class StrictKubernetesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              replicas: %s
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      %s:
                        httpGet: {path: /actuator/health/readiness, port: http}
            """;

    private static JsonNode yaml(String text) {
        return Chart.documents(text).getFirst();
    }

    @Test
    void acceptsAWellFormedDeploymentAsTheTypedModel() {
        HasMetadata parsed = StrictKubernetes.parse(yaml(DEPLOYMENT.formatted("2", "readinessProbe")));

        assertThat(parsed).isInstanceOf(Deployment.class);
        assertThat(((Deployment) parsed).getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
    }

    @Test
    void rejectsAMisspelledField() {
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml(DEPLOYMENT.formatted("2", "readinesProbe"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readinesProbe");
    }

    @Test
    void rejectsAQuotedNumberWhereKubernetesWantsAnInteger() {
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml(DEPLOYMENT.formatted("\"2\"", "readinessProbe"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAKindTheChartIsNotExpectedToRender() {
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: demo}
                """))).hasMessageContaining("unexpected resource type batch/v1/CronJob");
    }

    @Test
    void rejectsAnUnknownTopLevelFieldOrMisspelledMetadataInACustomResource() {
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                sepc: {partitions: 3}
                """))).hasMessageContaining("sepc");
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, label: {a: b}}
                spec: {partitions: 3}
                """))).hasMessageContaining("label");
    }

    @Test
    void readsARolloutsPodTemplateAndAnAnalysisJobAsStrictlyAsADeployment() {
        String rollout = """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: demo}
                spec:
                  selector: {matchLabels: {app: demo}}
                  template:
                    metadata: {labels: {app: demo}}
                    spec:
                      containers: [{name: demo, image: "demo:1", %s: {httpGet: {path: /, port: http}}}]
                  strategy:
                    blueGreen: {activeService: demo, %s: demo-preview}
                """;
        StrictKubernetes.parse(yaml(rollout.formatted("readinessProbe", "previewService")));

        assertThatThrownBy(() -> StrictKubernetes.parse(yaml(rollout.formatted("readinesProbe", "previewService"))))
                .hasMessageContaining("readinesProbe");
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml(rollout.formatted("readinessProbe", "previewServce"))))
                .hasMessageContaining("previewServce");
        assertThatThrownBy(() -> StrictKubernetes.parse(yaml("""
                apiVersion: argoproj.io/v1alpha1
                kind: AnalysisTemplate
                metadata: {name: t}
                spec:
                  metrics:
                    - name: smoke
                      provider:
                        job:
                          spec:
                            template:
                              spec:
                                restartPolicy: Never
                                containers: [{name: t, image: "t:1", comand: [sh]}]
                """))).hasMessageContaining("comand");
    }
}
