package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/dapr: the components the dapr transport relies on, and their twins the chart renders. */
class DaprManifestsTest {

    /** The Secret the chart generates the app API token into (release "ts"). */
    static final String APP_TOKEN_SECRET = Chart.RELEASE + "-taskstream-dapr-app-token";

    static List<GenericKubernetesResource> plain() throws IOException {
        try (Stream<Path> files = Files.list(Chart.DEPLOY_DIR.resolve("dapr"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .flatMap(f -> Chart.documents(f).stream())
                    .map(StrictKubernetes::parse).map(GenericKubernetesResource.class::cast).toList();
        }
    }

    @Test
    void componentsCoverPubSubOnKafkaStateInPostgresqlAndKubernetesSecrets() throws IOException {
        Map<String, GenericKubernetesResource> byType = plain().stream()
                .filter(r -> r.getKind().equals("Component"))
                .collect(Collectors.toMap(c -> Rendered.field(c, "spec", "type").asText(), c -> c, (first, second) -> first));

        assertThat(byType.keySet()).containsExactlyInAnyOrder("pubsub.kafka", "state.postgresql", "secretstores.kubernetes");
        assertThat(metadata(byType.get("pubsub.kafka"))).containsEntry("brokers", "taskstream-kafka-kafka-bootstrap:9092");
        JsonNode connection = item(byType.get("state.postgresql"), "connectionString");
        assertThat(connection.has("value")).as("no connection string in the manifest").isFalse();
        assertThat(connection.path("secretKeyRef").path("name").asText()).isEqualTo("taskstream-db-app");
    }

    @Test
    void tracingConfigurationSamplesAndExportsOverOtlp() throws IOException {
        GenericKubernetesResource configuration = plain().stream()
                .filter(r -> r.getKind().equals("Configuration")).findFirst().orElseThrow();

        assertThat(configuration.getApiVersion()).isEqualTo("dapr.io/v1alpha1");
        assertThat(Rendered.field(configuration, "spec", "tracing", "samplingRate").asText()).isNotBlank();
        assertThat(Rendered.field(configuration, "spec", "tracing", "otel", "endpointAddress").asText()).isNotBlank();
    }

    @Test
    void chartRendersTheSameComponentTypesScopedToItsAppIds() throws IOException {
        Rendered rendered = Rendered.of(Variant.DEFAULT.with("dapr.enabled", "true"));
        List<String> appIds = rendered.deployments().stream()
                .map(d -> Rendered.podAnnotations(d).get("dapr.io/app-id")).toList();

        assertThat(rendered.custom("Component")).extracting(c -> Rendered.field(c, "spec", "type").asText())
                .containsExactlyInAnyOrderElementsOf(plain().stream().filter(r -> r.getKind().equals("Component"))
                        .map(c -> Rendered.field(c, "spec", "type").asText()).toList());
        assertThat(rendered.custom("Component")).allSatisfy(component -> assertThat(
                Chart.YAML.convertValue(Rendered.field(component, "scopes"), List.class))
                .containsExactlyInAnyOrderElementsOf(appIds));
        String config = rendered.custom("Configuration").getFirst().getMetadata().getName();
        assertThat(rendered.deployments()).allSatisfy(d ->
                assertThat(Rendered.podAnnotations(d)).containsEntry("dapr.io/config", config));
    }

    @Test
    void broadcastPubSubGivesEveryPodItsOwnConsumerGroupAndTheAppIsToldItsName() throws IOException {
        Rendered rendered = Rendered.of(Variant.DEFAULT.with("dapr.enabled", "true"));
        List<GenericKubernetesResource> broadcast = Stream.concat(plain().stream(), rendered.custom("Component").stream())
                .filter(c -> c.getKind().equals("Component") && c.getMetadata().getName().endsWith("-broadcast")).toList();

        assertThat(broadcast).hasSize(2).allSatisfy(component -> {
            assertThat(Rendered.field(component, "spec", "type").asText()).isEqualTo("pubsub.kafka");
            assertThat(metadata(component)).containsEntry("consumerID", "{podName}").containsEntry("initialOffset", "newest")
                    .doesNotContainKey("consumerGroup");
        });
        assertThat(rendered.deployments()).allSatisfy(d -> {
            assertThat(Rendered.envValue(d, "TASKSTREAM_EVENTS_DAPR_BROADCASTPUBSUB")).isEqualTo("taskstream-pubsub-broadcast");
            assertThat(Rendered.envValue(d, "TASKSTREAM_EVENTS_DAPR_PUBSUB")).isEqualTo("taskstream-pubsub");
        });
    }

    @Test
    void withDaprTheRemindersSchedulerComesFromValuesAndDefaultsToDbScheduler() {
        Rendered dapr = Rendered.of(Variant.DEFAULT.with("dapr.enabled", "true"));
        Rendered jobs = Rendered.of(Variant.DEFAULT.with("dapr.enabled", "true").with("dapr.remindersScheduler", "dapr"));

        assertThat(dapr.deployments()).allSatisfy(d ->
                assertThat(Rendered.env(d, "TASKSTREAM_REMINDERS_SCHEDULER")).hasValueSatisfying(e ->
                        assertThat(e.getValue()).isEqualTo("db-scheduler")));
        assertThat(jobs.deployments()).allSatisfy(d ->
                assertThat(Rendered.env(d, "TASKSTREAM_REMINDERS_SCHEDULER")).hasValueSatisfying(e ->
                        assertThat(e.getValue()).isEqualTo("dapr")));
        assertThat(Rendered.of(Variant.DEFAULT).deployments()).allSatisfy(d ->
                assertThat(Rendered.env(d, "TASKSTREAM_REMINDERS_SCHEDULER")).as("no Dapr, no Dapr jobs").isEmpty());
    }

    @Test
    void chartStateStoreReadsItsConnectionStringFromTheDatabaseSecret() {
        JsonNode external = item(component(Variant.DEFAULT.with("dapr.enabled", "true"), "state.postgresql"), "connectionString");
        JsonNode cnpg = item(component(Variant.prod().with("dapr.enabled", "true"), "state.postgresql"), "connectionString");

        assertThat(external.path("secretKeyRef").path("name").asText()).isEqualTo("taskstream-database");
        assertThat(external.path("secretKeyRef").path("key").asText()).isEqualTo("url");
        assertThat(cnpg.path("secretKeyRef").path("name").asText()).isEqualTo("taskstream-db-app");
        assertThat(cnpg.path("secretKeyRef").path("key").asText()).isEqualTo("uri");
    }

    @Test
    void withDaprTheChartGeneratesTheAppApiTokenIntoASecretThatTheSidecarAndTheAppReadByReference() {
        Rendered rendered = Rendered.of(Variant.DEFAULT.with("dapr.enabled", "true"));

        Secret secret = rendered.named(Secret.class, APP_TOKEN_SECRET);
        assertThat(secret.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(secret.getData()).containsOnlyKeys("token");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("token")))).hasSizeGreaterThanOrEqualTo(32);
        assertThat(rendered.deployments()).isNotEmpty().allSatisfy(d -> {
            assertThat(Rendered.podAnnotations(d)).containsEntry("dapr.io/app-token-secret", APP_TOKEN_SECRET);
            assertThat(Rendered.envValue(d, "TASKSTREAM_SECRETS_DAPR_REFS").split(","))
                    .as("read through the Dapr secret store, like the other secrets")
                    .contains("APP_API_TOKEN=" + APP_TOKEN_SECRET + "/token");
            assertThat(Rendered.env(d, "APP_API_TOKEN")).isEmpty();
        });
        assertThat(rendered.all(io.fabric8.kubernetes.api.model.rbac.Role.class).getFirst().getRules().getFirst()
                .getResourceNames()).as("the sidecar's secret store may read it").contains(APP_TOKEN_SECRET);
    }

    @Test
    void withoutTheSecretStoreTheAppGetsTheAppApiTokenFromASecretKeyReference() {
        Rendered rendered = Rendered.of(Variant.prod().with("dapr.enabled", "true")
                .with("dapr.components.secretStore.useForApp", "false"));

        assertThat(rendered.deployments()).isNotEmpty().allSatisfy(d -> {
            EnvVar token = Rendered.env(d, "APP_API_TOKEN").orElseThrow();
            assertThat(token.getValue()).as("never inline").isNull();
            assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo(APP_TOKEN_SECRET);
            assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
            assertThat(Rendered.podAnnotations(d)).containsEntry("dapr.io/app-token-secret", APP_TOKEN_SECRET);
        });
    }

    @Test
    void anExistingAppTokenSecretIsUsedAndNoneIsGenerated() {
        Rendered rendered = Rendered.of(Variant.prod().with("dapr.enabled", "true")
                .with("dapr.components.secretStore.useForApp", "false").with("dapr.appToken.existingSecret", "our-app-token"));

        assertThat(rendered.all(Secret.class)).isEmpty();
        assertThat(rendered.deployments()).isNotEmpty().allSatisfy(d -> {
            assertThat(Rendered.podAnnotations(d)).containsEntry("dapr.io/app-token-secret", "our-app-token");
            assertThat(Rendered.env(d, "APP_API_TOKEN").orElseThrow().getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("our-app-token");
        });
    }

    @Test
    void withoutDaprThereIsNoAppTokenAtAll() {
        Rendered rendered = Rendered.of(Variant.DEFAULT);

        assertThat(rendered.all(Secret.class)).isEmpty();
        assertThat(rendered.deployments()).allSatisfy(d -> {
            assertThat(Rendered.env(d, "APP_API_TOKEN")).isEmpty();
            assertThat(Rendered.podAnnotations(d)).doesNotContainKey("dapr.io/app-token-secret");
        });
    }

    @Test
    void theGeneratedTokenSurvivesAnUpgradeBecauseTheTemplateKeepsTheSecretInTheCluster() throws IOException {
        String template = Files.readString(Chart.DIR.resolve("templates/dapr-app-token.yaml"));

        assertThat(template).contains("if .Release.IsUpgrade")
                .contains("$existing = lookup \"v1\" \"Secret\" .Release.Namespace $name")
                .contains("$token = index $existing.data \"token\"");
    }

    private static GenericKubernetesResource component(Variant variant, String type) {
        return Rendered.of(variant).custom("Component").stream()
                .filter(c -> Rendered.field(c, "spec", "type").asText().equals(type)).findFirst().orElseThrow();
    }

    private static Map<String, String> metadata(GenericKubernetesResource component) {
        return java.util.stream.StreamSupport.stream(Rendered.field(component, "spec", "metadata").spliterator(), false)
                .filter(item -> item.has("value"))
                .collect(Collectors.toMap(item -> item.path("name").asText(), item -> item.path("value").asText()));
    }

    private static JsonNode item(GenericKubernetesResource component, String name) {
        for (JsonNode item : Rendered.field(component, "spec", "metadata")) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(component.getMetadata().getName() + " has no metadata item " + name);
    }
}
