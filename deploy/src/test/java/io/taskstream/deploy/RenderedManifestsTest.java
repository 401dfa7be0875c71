package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy every supported install (default, dev, prod; with and without Dapr) must satisfy. */
class RenderedManifestsTest {

    private static final Pattern CREDENTIAL_ENV = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY|DATABASE_URL|DATASOURCE_URL).*");
    /** Where the app finds its secrets in the Dapr secret store: names of Secrets and keys, no values. */
    private static final Pattern DAPR_SECRET_LOOKUP = Pattern.compile("TASKSTREAM_SECRETS_DAPR_(STORE|REFS)");

    static List<Variant> variants() {
        return Variant.supported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyRenderedDocumentIsAValidKubernetesResource(Variant variant) {
        List<JsonNode> documents = Chart.render(variant);

        assertThat(documents).isNotEmpty();
        documents.forEach(StrictKubernetes::parse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyContainerIsProbedOnActuatorHealth(Variant variant) {
        for (Rendered.Workload deployment : Rendered.of(variant).workloads()) {
            for (Container container : deployment.template().getSpec().getContainers()) {
                String where = deployment.name() + "/" + container.getName();
                assertThat(container.getReadinessProbe()).as(where + " readiness").isNotNull();
                assertThat(container.getLivenessProbe()).as(where + " liveness").isNotNull();
                assertThat(container.getStartupProbe()).as(where + " startup").isNotNull();
                assertThat(path(container.getReadinessProbe())).as(where).isEqualTo("/actuator/health/readiness");
                assertThat(path(container.getLivenessProbe())).as(where).isEqualTo("/actuator/health/liveness");
                assertThat(path(container.getStartupProbe())).as(where).startsWith("/actuator/health/");
                for (var probe : List.of(container.getReadinessProbe(), container.getLivenessProbe(),
                        container.getStartupProbe())) {
                    assertThat(probe.getHttpGet().getPort().getStrVal()).as(where + " probes Actuator's port")
                            .isEqualTo("management");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void actuatorListensOnlyOnTheManagementPortSoTheAppPortServesNoMetrics(Variant variant) {
        for (Rendered.Workload deployment : Rendered.of(variant).workloads()) {
            Container app = deployment.app();
            Map<String, Integer> ports = new java.util.HashMap<>();
            app.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
            assertThat(ports).containsEntry("http", 8080).containsEntry("management", 8081);
            assertThat(deployment.envValue("SERVER_PORT")).isEqualTo("8080");
            assertThat(deployment.envValue("MANAGEMENT_SERVER_PORT"))
                    .as("Spring Boot then serves /actuator (and /actuator/prometheus) on this port alone").isEqualTo("8081");
            if (variant.daprEnabled()) {
                assertThat(deployment.podAnnotations()).as("Dapr calls the app, not Actuator")
                        .containsEntry("dapr.io/app-port", "8080").containsEntry("dapr.io/metrics-port", "9090");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyContainerHasResourceRequestsAndLimits(Variant variant) {
        for (Rendered.Workload deployment : Rendered.of(variant).workloads()) {
            for (Container container : deployment.template().getSpec().getContainers()) {
                String where = deployment.name() + "/" + container.getName();
                assertThat(container.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(where).containsKey("memory");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyPodRunsNonRootOnAReadOnlyRootWithoutCapabilities(Variant variant) {
        for (Rendered.Workload deployment : Rendered.of(variant).workloads()) {
            String name = deployment.name();
            PodSecurityContext pod = deployment.template().getSpec().getSecurityContext();
            assertThat(pod.getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getRunAsUser()).as(name).isPositive();
            assertThat(pod.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            for (Container container : deployment.template().getSpec().getContainers()) {
                SecurityContext security = container.getSecurityContext();
                assertThat(security.getRunAsNonRoot()).as(name).isTrue();
                assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(name).isNullOrEmpty();
                assertThat(security.getPrivileged()).as(name).isNotEqualTo(Boolean.TRUE);
                assertThat(container.getVolumeMounts()).as(name + ": /tmp is the only writable path")
                        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
                assertThat(deployment.envValue("TASKSTREAM_DATA_DIR")).startsWith("/tmp/");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachRoleGroupRunsExactlyItsRoles(Variant variant) throws IOException {
        JsonNode groups = Chart.values(variant).path("roleGroups");
        Rendered rendered = Rendered.of(variant);

        assertThat(rendered.workloads()).hasSize(groups.size());
        groups.fields().forEachRemaining(group -> {
            List<String> roles = new ArrayList<>();
            group.getValue().path("roles").forEach(role -> roles.add(role.asText()));
            assertThat(rendered.workload(group.getKey()).envValue("TASKSTREAM_ROLES"))
                    .isEqualTo(String.join(",", roles));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void daprSidecarAnnotationsAndTransportAppearExactlyWhenDaprIsEnabled(Variant variant) {
        for (Rendered.Workload deployment : Rendered.of(variant).workloads()) {
            Map<String, String> annotations = deployment.podAnnotations();
            String transport = deployment.envValue("TASKSTREAM_EVENTS_TRANSPORT");
            if (variant.daprEnabled()) {
                assertThat(annotations).containsEntry("dapr.io/enabled", "true")
                        .containsEntry("dapr.io/app-port", "8080")
                        .containsKeys("dapr.io/app-id", "dapr.io/config");
                assertThat(transport).isEqualTo("dapr");
            } else {
                assertThat(annotations.keySet()).noneMatch(key -> key.startsWith("dapr.io/"));
                assertThat(transport).isEqualTo("kafka");
            }
        }
        List<GenericKubernetesResource> components = Rendered.of(variant).custom("Component");
        if (variant.daprEnabled()) {
            assertThat(components).extracting(c -> Rendered.field(c, "spec", "type").asText())
                    .containsExactlyInAnyOrder("pubsub.kafka", "pubsub.kafka", "secretstores.kubernetes", "state.postgresql");
            assertThat(Rendered.of(variant).custom("Configuration")).hasSize(1);
        } else {
            assertThat(components).isEmpty();
            assertThat(Rendered.of(variant).custom("Configuration")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void serviceAccountTokensAreMountedOnlyForTheDaprSidecar(Variant variant) {
        Rendered rendered = Rendered.of(variant);
        for (Rendered.Workload deployment : rendered.workloads()) {
            assertThat(deployment.template().getSpec().getAutomountServiceAccountToken())
                    .as(deployment.name()).isEqualTo(variant.daprEnabled());
        }
        assertThat(rendered.all(ServiceAccount.class)).singleElement()
                .satisfies(sa -> assertThat(sa.getAutomountServiceAccountToken()).isEqualTo(variant.daprEnabled()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void networkTrafficIsDeniedByDefault(Variant variant) {
        Rendered rendered = Rendered.of(variant);
        NetworkPolicy deny = rendered.named(NetworkPolicy.class, Chart.RELEASE + "-taskstream-default-deny");

        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        Map<String, String> scope = deny.getSpec().getPodSelector().getMatchLabels();
        for (Rendered.Workload deployment : rendered.workloads()) {
            assertThat(deployment.template().getMetadata().getLabels()).containsAllEntriesOf(scope);
            // and each group has its own allow-list
            rendered.named(NetworkPolicy.class, deployment.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void noSecretIsRenderedAndCredentialsComeFromSecretReferences(Variant variant) {
        Rendered rendered = Rendered.of(variant);

        assertThat(rendered.all(Secret.class)).as("the chart creates no Secret but the Dapr app token it generates")
                .allSatisfy(secret -> assertThat(secret.getMetadata().getName()).isEqualTo(DaprManifestsTest.APP_TOKEN_SECRET));
        for (Rendered.Workload deployment : rendered.workloads()) {
            for (EnvVar env : deployment.app().getEnv()) {
                if (CREDENTIAL_ENV.matcher(env.getName()).matches() && !DAPR_SECRET_LOOKUP.matcher(env.getName()).matches()) {
                    assertThat(env.getValue()).as(env.getName() + " must not be a literal").isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
                }
            }
        }
        for (GenericKubernetesResource component : rendered.custom("Component")) {
            for (JsonNode item : Rendered.field(component, "spec", "metadata")) {
                if (item.path("name").asText().matches("(?i).*(password|secret|token|connectionstring|key).*")) {
                    assertThat(item.has("value")).as(item.toString()).isFalse();
                    assertThat(item.has("secretKeyRef")).as(item.toString()).isTrue();
                }
            }
        }
        assertThat(literalCredentials(Chart.render(variant).stream()
                .filter(d -> !d.path("metadata").path("name").asText().equals(DaprManifestsTest.APP_TOKEN_SECRET)).toList()))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyGroupConnectsToTheSharedDatabaseSoNoEmbeddedPostgresqlStarts(Variant variant) {
        for (Rendered.Workload deployment : Rendered.of(variant).workloads()) {
            var daprRefs = deployment.env("TASKSTREAM_SECRETS_DAPR_REFS");
            if (daprRefs.isPresent()) {
                assertThat(daprRefs.get().getValue().split(",")).as("required, read through the Dapr secret store")
                        .anyMatch(ref -> ref.startsWith("DATABASE_URL=") && !ref.endsWith("?"));
                continue;
            }
            EnvVar url = deployment.env("DATABASE_URL")
                    .orElseThrow(() -> new AssertionError(deployment.name() + " has no DATABASE_URL"));
            assertThat(url.getValueFrom().getSecretKeyRef().getOptional()).isNotEqualTo(Boolean.TRUE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void appTopicsAreCreatedByTheAppOnlyWhenNoStrimziTopicOwnsThem(Variant variant) {
        Rendered rendered = Rendered.of(variant);
        boolean strimziTopics = !rendered.custom("KafkaTopic").isEmpty();
        for (Rendered.Workload deployment : rendered.workloads()) {
            assertThat(deployment.envValue("TASKSTREAM_EVENTS_KAFKA_CREATETOPICS"))
                    .isEqualTo(Boolean.toString(!strimziTopics));
            assertThat(deployment.envValue("KAFKA_BOOTSTRAP_SERVERS")).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyContainerImageIsPinnedByATagOrADigestAndNeverLatest(Variant variant) {
        List<JsonNode> documents = new ArrayList<>(Chart.render(variant));
        documents.addAll(Chart.renderTestHooks(variant));
        List<String> images = new ArrayList<>();
        documents.forEach(d -> collectImages(d, images));

        assertThat(images).as("images of workloads, analysis Jobs and test pods").isNotEmpty()
                .allSatisfy(image -> assertThat(image).as(image)
                        .matches(".+(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[a-f0-9]{64})$")
                        .doesNotEndWith(":latest"));
    }

    /** The image of every container, wherever a pod spec sits (Deployment, Rollout, Job in an analysis, Pod). */
    private static void collectImages(JsonNode node, List<String> images) {
        if (node.isObject()) {
            for (String list : List.of("containers", "initContainers")) {
                node.path(list).forEach(container -> images.add(container.path("image").asText("")));
            }
            node.forEach(child -> collectImages(child, images));
        } else if (node.isArray()) {
            node.forEach(child -> collectImages(child, images));
        }
    }

    /** Keys named like a credential that carry a literal anywhere in the rendered documents. */
    static Map<String, String> literalCredentials(List<JsonNode> documents) {
        Map<String, String> found = new LinkedHashMap<>();
        documents.forEach(d -> collect(d, "", found));
        return found;
    }

    private static void collect(JsonNode node, String path, Map<String, String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (value.isValueNode() && !value.asText().isEmpty()
                        && key.matches("(?i)(password|passwd|secret|token|api[-_]?key|client[-_]?secret)")) {
                    found.put(path + "." + key, value.asText());
                }
                collect(value, path + "." + key, found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }
}
