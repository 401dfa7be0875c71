package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/kafka: the Strimzi cluster and the topics the app publishes to, per environment. */
class KafkaManifestsTest {

    static final List<String> TOPICS = List.of(
            "task-events", "task-events.dlt", "task-updates", "task-updates.dlt", "reminders", "reminders.dlt");

    static List<GenericKubernetesResource> resources(String file) {
        return Chart.documents(Chart.DEPLOY_DIR.resolve("kafka").resolve(file)).stream()
                .map(StrictKubernetes::parse).map(GenericKubernetesResource.class::cast).toList();
    }

    @ParameterizedTest(name = "topics-{0}.yaml: replication {1}")
    @CsvSource({"dev, 1, 1", "prod, 3, 2"})
    void everyTopicHasThreePartitionsAndTheEnvironmentsReplication(String env, int replicas, int minInSync) {
        List<GenericKubernetesResource> topics = resources("topics-" + env + ".yaml");

        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
            assertThat(topic.getKind()).isEqualTo("KafkaTopic");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "taskstream-kafka");
            assertThat(Rendered.field(topic, "spec", "partitions").asInt()).isEqualTo(3);
            assertThat(Rendered.field(topic, "spec", "replicas").asInt()).isEqualTo(replicas);
            assertThat(Rendered.field(topic, "spec", "config", "min.insync.replicas").asInt()).isEqualTo(minInSync);
        });
        assertThat(topics).extracting(t -> Rendered.field(t, "spec", "topicName").asText())
                .containsExactlyInAnyOrderElementsOf(TOPICS);
    }

    @ParameterizedTest(name = "kafka-{0}.yaml")
    @CsvSource({"dev, 1, 1", "prod, 3, 3"})
    void clusterRunsKraftNodePoolsWithEnoughBrokersForTheReplication(String env, int brokers, int controllers) {
        List<GenericKubernetesResource> resources = resources("kafka-" + env + ".yaml");
        Map<String, List<GenericKubernetesResource>> byKind =
                resources.stream().collect(Collectors.groupingBy(GenericKubernetesResource::getKind));

        assertThat(byKind.keySet()).containsExactlyInAnyOrder("Kafka", "KafkaNodePool");
        GenericKubernetesResource kafka = byKind.get("Kafka").getFirst();
        assertThat(kafka.getMetadata().getName()).isEqualTo("taskstream-kafka");
        assertThat(Rendered.field(kafka, "spec").has("zookeeper")).isFalse();
        assertThat(Rendered.field(kafka, "spec", "kafka", "listeners").findValuesAsText("port"))
                .contains("9092");
        assertThat(Rendered.field(kafka, "spec", "kafka", "config", "default.replication.factor").asInt())
                .isEqualTo(brokers);
        assertThat(poolReplicas(byKind.get("KafkaNodePool"), "broker")).isEqualTo(brokers);
        assertThat(poolReplicas(byKind.get("KafkaNodePool"), "controller")).isEqualTo(controllers);
        assertThat(byKind.get("KafkaNodePool")).allSatisfy(pool ->
                assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "taskstream-kafka"));
    }

    private static int poolReplicas(List<GenericKubernetesResource> pools, String role) {
        int sum = 0;
        for (GenericKubernetesResource pool : pools) {
            JsonNode roles = Rendered.field(pool, "spec", "roles");
            for (JsonNode r : roles) {
                if (r.asText().equals(role)) {
                    sum += Rendered.field(pool, "spec", "replicas").asInt();
                }
            }
        }
        return sum;
    }
}
