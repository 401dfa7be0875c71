package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One behaviour of the chart per test, on the values file where it matters. */
class ChartFeaturesTest {

    private static final String PREFIX = Chart.RELEASE + "-taskstream-";

    @Test
    void prodRunsEveryGroupTwiceOrMoreWithDisruptionBudgetAndCpuAutoscaling() {
        Rendered prod = Rendered.of(Variant.prod());

        assertThat(prod.deployments()).hasSize(3);
        for (Deployment deployment : prod.deployments()) {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getReplicas()).as(name + ": the HPA owns replicas").isNull();
            HorizontalPodAutoscaler hpa = prod.named(HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMetrics()).singleElement()
                    .satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
            PodDisruptionBudget pdb = prod.named(PodDisruptionBudget.class, name);
            assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
            assertThat(pdb.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .extracting(c -> c.getTopologyKey())
                    .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        }
    }

    @Test
    void devRunsOneReplicaPerGroupWithoutAutoscalingOrTls() {
        Rendered dev = Rendered.of(Variant.dev());

        assertThat(dev.deployments()).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(dev.all(Ingress.class)).singleElement().satisfies(ingress -> {
            assertThat(ingress.getSpec().getTls()).isNullOrEmpty();
            assertThat(ingress.getMetadata().getAnnotations()).doesNotContainKey("cert-manager.io/cluster-issuer");
        });
        assertThat(dev.custom("Cluster")).singleElement()
                .satisfies(c -> assertThat(Rendered.field(c, "spec", "instances").asInt()).isEqualTo(1));
    }

    @Test
    void prodIngressTerminatesTlsByCertManagerAndStreamsServerSentEventsUnbuffered() {
        Ingress ingress = Rendered.of(Variant.prod()).all(Ingress.class).getFirst();

        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt-prod")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("taskstream.example.com");
            assertThat(tls.getSecretName()).isNotBlank();
        });
        assertThat(ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend()
                .getService().getName()).isEqualTo(PREFIX + "api");
    }

    @Test
    void onlyGroupsRunningTheApiRoleGetAService() {
        Rendered rendered = Rendered.of(Variant.DEFAULT);

        assertThat(rendered.all(Service.class)).extracting(s -> s.getMetadata().getName()).containsExactly(PREFIX + "api");
        Service api = rendered.all(Service.class).getFirst();
        assertThat(rendered.deployment("api").getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(api.getSpec().getSelector());
    }

    @Test
    void rolesCanBeRegroupedFreelyFromValues(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("one-process.yaml");
        Files.writeString(values, """
                roleGroups:
                  api: null
                  workers: null
                  reminders: null
                  everything:
                    roles: [api, recurrence, reminders, notifier, audit]
                    replicas: 3
                """);
        Rendered rendered = Rendered.of(new Variant("one group", values.toString(), java.util.Map.of()));

        assertThat(rendered.deployments()).singleElement().satisfies(d -> {
            assertThat(d.getMetadata().getName()).isEqualTo(PREFIX + "everything");
            assertThat(d.getSpec().getReplicas()).isEqualTo(3);
            assertThat(Rendered.envValue(d, "TASKSTREAM_ROLES")).isEqualTo("api,recurrence,reminders,notifier,audit");
        });
        assertThat(rendered.all(Service.class)).extracting(s -> s.getMetadata().getName())
                .containsExactly(PREFIX + "everything");
    }

    @Test
    void valuesSchemaRejectsAnUnknownRoleAMisspelledKeyAndTheEmbeddedTransport(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("billing.yaml");
        Files.writeString(values, "roleGroups: {api: {roles: [api, billing]}}\n");

        assertThatThrownBy(() -> Chart.template(new Variant("billing", values.toString(), java.util.Map.of())))
                .hasMessageContaining("/roleGroups/api/roles/1");
        assertThatThrownBy(() -> Chart.template(Variant.DEFAULT.with("groupDefaults.replica", "2")))
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> Chart.template(Variant.DEFAULT.with("ingress.tls.clusterIsuer", "x")))
                .hasMessageContaining("clusterIsuer");
        assertThatThrownBy(() -> Chart.template(Variant.DEFAULT.with("events.transport", "embedded")))
                .hasMessageContaining("/events/transport");
    }

    @Test
    void templatesRefuseSettingsThatCannotWorkEvenWithoutTheSchema(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("no-kafka.yaml");
        Files.writeString(values, "kafka: {bootstrapServers: \"\"}\ningress: {enabled: true}\n"
                + "roleGroups: {api: null, workers: {roles: [audit]}}\n");

        assertThatThrownBy(() -> Chart.template(new Variant("no kafka", values.toString(), java.util.Map.of())))
                .hasMessageContaining("set kafka.bootstrapServers or kafka.strimzi.enabled");
    }

    @Test
    void theManagementPortMayBeNeitherTheAppPortNorOneOfTheDaprSidecars() {
        assertThatThrownBy(() -> Chart.template(Variant.prod().with("managementPort", "8080")))
                .hasMessageContaining("managementPort must differ from containerPort");
        assertThatThrownBy(() -> Chart.template(Variant.prod().with("dapr.enabled", "true").with("managementPort", "9090")))
                .hasMessageContaining("Dapr sidecar's ports");
        assertThat(Rendered.of(Variant.prod().with("managementPort", "9090")).deployments()).isNotEmpty();
    }

    @Test
    void externalDatabaseAndAppSecretsAreReadFromExistingSecretsOnlyWhereNeeded() {
        Rendered rendered = Rendered.of(Variant.DEFAULT.with("mail.host", "smtp.example.com"));

        for (Deployment deployment : rendered.deployments()) {
            assertThat(secretRef(deployment, "DATABASE_URL").getName()).isEqualTo("taskstream-database");
        }
        Deployment api = rendered.deployment("api");
        assertThat(secretRef(api, "TASKSTREAM_JWT_SECRET").getName()).isEqualTo("taskstream-secrets");
        assertThat(secretRef(api, "TASKSTREAM_JWT_SECRET").getOptional()).isNotEqualTo(Boolean.TRUE);
        assertThat(secretRef(api, "TASKSTREAM_AI_API_KEY").getOptional()).isTrue();
        assertThat(Rendered.env(api, "SPRING_MAIL_PASSWORD")).isEmpty();
        Deployment workers = rendered.deployment("workers");
        assertThat(secretRef(workers, "SPRING_MAIL_PASSWORD").getName()).isEqualTo("taskstream-secrets");
        assertThat(Rendered.envValue(workers, "SPRING_MAIL_HOST")).isEqualTo("smtp.example.com");
        assertThat(Rendered.env(workers, "TASKSTREAM_JWT_SECRET")).isEmpty();
        assertThat(Rendered.env(rendered.deployment("reminders"), "TASKSTREAM_AI_API_KEY")).isEmpty();
    }

    @Test
    void withDaprTheAppReadsItsSecretsThroughTheSecretStoreAndNoneSitInThePodEnvironment() {
        Rendered rendered = Rendered.of(Variant.prod().with("dapr.enabled", "true").with("mail.host", "smtp.example.com"));
        List<String> readable = rendered.all(io.fabric8.kubernetes.api.model.rbac.Role.class).getFirst().getRules()
                .getFirst().getResourceNames();

        for (Deployment deployment : rendered.deployments()) {
            assertThat(Rendered.app(deployment).getEnv()).as(deployment.getMetadata().getName())
                    .noneMatch(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null);
            assertThat(Rendered.envValue(deployment, "TASKSTREAM_SECRETS_DAPR_STORE")).isEqualTo("taskstream-secretstore");
            List<String> refs = List.of(Rendered.envValue(deployment, "TASKSTREAM_SECRETS_DAPR_REFS").split(","));
            assertThat(refs).contains("DATABASE_URL=taskstream-db-app/jdbc-uri",
                    "SPRING_DATASOURCE_PASSWORD=taskstream-db-app/password");
            assertThat(refs).as("the sidecar may read every referenced secret")
                    .allSatisfy(ref -> assertThat(readable).contains(ref.substring(ref.indexOf('=') + 1, ref.indexOf('/'))));
        }
        assertThat(Rendered.envValue(rendered.deployment("api"), "TASKSTREAM_SECRETS_DAPR_REFS"))
                .contains("TASKSTREAM_JWT_SECRET=taskstream-secrets/jwt-secret,", "TASKSTREAM_AI_API_KEY=taskstream-secrets/ai-api-key?")
                .doesNotContain("SPRING_MAIL_PASSWORD");
        assertThat(Rendered.envValue(rendered.deployment("workers"), "TASKSTREAM_SECRETS_DAPR_REFS"))
                .contains("SPRING_MAIL_PASSWORD=taskstream-secrets/smtp-password?").doesNotContain("JWT");

        Rendered viaEnvironment = Rendered.of(Variant.prod().with("dapr.enabled", "true")
                .with("dapr.components.secretStore.useForApp", "false"));
        assertThat(secretRef(viaEnvironment.deployment("api"), "TASKSTREAM_JWT_SECRET").getName()).isEqualTo("taskstream-secrets");
        assertThat(Rendered.env(viaEnvironment.deployment("api"), "TASKSTREAM_SECRETS_DAPR_STORE")).isEmpty();
    }

    @Test
    void onlyTheNamedProxiesMaySetForwardedHeaders() {
        Rendered trusting = Rendered.of(Variant.DEFAULT.with("forwardedHeaders.trustedProxies", "10[.]42[.]0[.]7"));

        assertThat(Rendered.of(Variant.DEFAULT).deployments()).allSatisfy(d ->
                assertThat(Rendered.env(d, "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES")).as("the app's default: loopback only")
                        .isEmpty());
        assertThat(trusting.deployments()).isNotEmpty().allSatisfy(d ->
                assertThat(Rendered.envValue(d, "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES")).isEqualTo("10[.]42[.]0[.]7"));
    }

    @Test
    void cloudNativePgClusterIsRenderedAndTheAppReadsTheJdbcUriOfItsAppSecret() {
        Rendered prod = Rendered.of(Variant.prod());

        GenericKubernetesResource cluster = prod.custom("Cluster").getFirst();
        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(Rendered.field(cluster, "spec", "instances").asInt()).isEqualTo(3);
        assertThat(Rendered.field(cluster, "spec", "bootstrap", "initdb", "database").asText()).isEqualTo("taskstream");
        SecretKeySelector url = secretRef(prod.deployment("api"), "DATABASE_URL");
        assertThat(url.getName()).isEqualTo(cluster.getMetadata().getName() + "-app");
        assertThat(url.getKey()).isEqualTo("jdbc-uri");
    }

    @Test
    void strimziClusterAndTopicsFollowTheEnvironmentsReplication() {
        for (Variant variant : List.of(Variant.dev(), Variant.prod())) {
            Rendered rendered = Rendered.of(variant);
            int replicas = variant.equals(Variant.dev()) ? 1 : 3;
            List<GenericKubernetesResource> topics = rendered.custom("KafkaTopic");

            assertThat(topics).extracting(t -> Rendered.field(t, "spec", "topicName").asText())
                    .containsExactlyInAnyOrderElementsOf(KafkaManifestsTest.TOPICS);
            assertThat(topics).allSatisfy(t -> {
                assertThat(Rendered.field(t, "spec", "partitions").asInt()).isEqualTo(3);
                assertThat(Rendered.field(t, "spec", "replicas").asInt()).as(variant.name()).isEqualTo(replicas);
            });
            GenericKubernetesResource kafka = rendered.custom("Kafka").getFirst();
            assertThat(rendered.deployment("api").getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                    .contains(new EnvVar("KAFKA_BOOTSTRAP_SERVERS", kafka.getMetadata().getName() + "-kafka-bootstrap:9092", null));
            assertThat(rendered.custom("KafkaNodePool")).isNotEmpty();
        }
        assertThat(Rendered.of(Variant.DEFAULT).custom("Kafka")).as("external Kafka by default").isEmpty();
    }

    @Test
    void kedaScalesTheConsumerGroupsOnLagInsteadOfCpu() {
        Rendered rendered = Rendered.of(Variant.prod().with("keda.enabled", "true"));

        GenericKubernetesResource workers = rendered.custom("ScaledObject").stream()
                .filter(s -> s.getMetadata().getName().equals(PREFIX + "workers")).findFirst().orElseThrow();
        JsonNode triggers = Rendered.field(workers, "spec", "triggers");
        assertThat(triggers.findValuesAsText("consumerGroup"))
                .containsExactlyInAnyOrder("taskstream-audit", "taskstream-recurrence", "taskstream-notifier");
        assertThat(Rendered.field(workers, "spec", "scaleTargetRef", "name").asText()).isEqualTo(PREFIX + "workers");
        assertThat(rendered.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getMetadata().getName())
                .doesNotContain(PREFIX + "workers").contains(PREFIX + "api");
        assertThat(rendered.custom("ScaledObject")).as("only groups with consumer roles").hasSize(1);
        assertThat(rendered.deployment("workers").getSpec().getReplicas()).isNull();
    }

    @Test
    void serviceMonitorIsRenderedWhenForcedAndLabelsTargetsWithTheFixedJobAndTheirRoleGroup() {
        assertThat(Rendered.of(Variant.DEFAULT).custom("ServiceMonitor"))
                .as("helm template offline has no Prometheus Operator CRD").isEmpty();

        Rendered forced = Rendered.of(Variant.prod().with("metrics.serviceMonitor.enabled", "true"));
        GenericKubernetesResource monitor = forced.custom("ServiceMonitor").getFirst();
        assertThat(Rendered.field(monitor, "spec", "endpoints").get(0).path("path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(Rendered.field(monitor, "spec", "endpoints").get(0).path("port").asText()).isEqualTo("management");
        Service metrics = forced.named(Service.class, PREFIX + "metrics");
        assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("management");
            assertThat(port.getPort()).isEqualTo(8081);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("management");
        });
        assertThat(Chart.YAML.convertValue(Rendered.field(monitor, "spec", "selector", "matchLabels"), java.util.Map.class))
                .isEqualTo(metrics.getMetadata().getLabels().entrySet().stream()
                        .filter(e -> Rendered.field(monitor, "spec", "selector", "matchLabels").has(e.getKey()))
                        .collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));
        assertThat(forced.deployments()).allSatisfy(d -> assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(metrics.getSpec().getSelector()));
        JsonNode relabelings = Rendered.field(monitor, "spec", "endpoints").get(0).path("relabelings");
        assertThat(relabelings).anySatisfy(r -> {
            assertThat(r.path("targetLabel").asText()).isEqualTo("job");
            assertThat(r.path("replacement").asText()).as("the job the alerts select").isEqualTo("taskstream");
            assertThat(r.has("sourceLabels")).isFalse();
        });
        assertThat(relabelings).anySatisfy(r -> {
            assertThat(r.path("targetLabel").asText()).isEqualTo("role_group");
            assertThat(r.path("sourceLabels").get(0).asText()).isEqualTo("__meta_kubernetes_pod_label_app_kubernetes_io_component");
        });
    }

    @Test
    void prometheusRuleCarriesExactlyTheGroupsOfTheMonitoringRuleFiles() {
        assertThat(Rendered.of(Variant.DEFAULT).custom("PrometheusRule")).as("off by default").isEmpty();

        GenericKubernetesResource rule = Rendered.of(Variant.prod()).custom("PrometheusRule").getFirst();

        JsonNode groups = Rendered.field(rule, "spec", "groups");
        assertThat(groups).hasSize(MonitoringRulesTest.groups().size());
        for (int i = 0; i < groups.size(); i++) {
            assertThat(groups.get(i)).isEqualTo(MonitoringRulesTest.groups().get(i));
        }
        assertThat(groups.toString()).as("Prometheus's templates pass through Helm untouched")
                .contains("{{ $labels.namespace }}", "{{ $value | humanizePercentage }}");
    }

    @Test
    void packagedChartCarriesTheRulesButNotTheirTestsAndOfTheScriptsOnlyTheSmokeTest(@TempDir Path out) throws IOException {
        new com.marcnuri.helm.Helm(Chart.DIR).packageIt().withDestination(out).call();

        Path archive;
        try (var files = Files.list(out)) {
            archive = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow();
        }
        List<String> entries = tarEntries(archive);
        assertThat(entries).contains("taskstream/monitoring/rules/alerts.yaml", "taskstream/monitoring/rules/slos.yaml")
                .noneMatch(e -> e.startsWith("taskstream/monitoring/rules/tests/"));
        assertThat(entries).filteredOn(e -> e.startsWith("taskstream/scripts/"))
                .containsExactly("taskstream/scripts/smoke-test.sh");
    }

    /** The file names in a gzipped tar (ustar headers: name at 0, size in octal at 124, prefix at 345). */
    private static List<String> tarEntries(Path archive) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(archive))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                if (header[156] != 'x' && header[156] != 'g') {
                    names.add(prefix.isEmpty() ? name : prefix + "/" + name);
                }
                in.skipNBytes((size + 511) / 512 * 512);
            }
        }
        return names;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void apiAcceptsTrafficOnlyFromTheIngressControllerTheSmokeTestAndPrometheus() {
        NetworkPolicy api = Rendered.of(Variant.prod()).named(NetworkPolicy.class, PREFIX + "api");

        List<NetworkPolicyIngressRule> rules = api.getSpec().getIngress();
        assertThat(rules).allSatisfy(rule -> assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsAnyOf(8080, 8081).hasSize(1));
        assertThat(rules).flatMap(NetworkPolicyIngressRule::getFrom)
                .allSatisfy(peer -> assertThat(peer.getIpBlock()).as("no CIDR may reach the api directly").isNull());
        assertThat(namespacesAllowedTo(rules, 8080)).containsExactly("ingress-nginx");
        assertThat(namespacesAllowedTo(rules, 8081)).as("only Prometheus reaches Actuator").containsExactly("monitoring");
        assertThat(rules.stream().filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 8081))
                .flatMap(r -> r.getFrom().stream())).allSatisfy(peer -> assertThat(peer.getPodSelector()).isNull());
    }

    @Test
    void everyGroupLetsOnlyTheMonitoringNamespaceReachTheManagementPort() {
        for (Variant variant : List.of(Variant.prod(), Variant.dev(), Variant.prod().with("dapr.enabled", "true"))) {
            Rendered rendered = Rendered.of(variant);
            for (var deployment : rendered.deployments()) {
                List<NetworkPolicyIngressRule> rules = rendered.named(NetworkPolicy.class, deployment.getMetadata().getName())
                        .getSpec().getIngress();
                assertThat(namespacesAllowedTo(rules, 8081)).as(variant + " " + deployment.getMetadata().getName())
                        .containsExactly("monitoring");
            }
        }
        Rendered labelled = Rendered.of(Variant.prod().with("networkPolicy.monitoringNamespaceSelector.team", "observability"));
        NetworkPolicyIngressRule scrape = labelled.named(NetworkPolicy.class, PREFIX + "api").getSpec().getIngress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 8081)).findFirst().orElseThrow();
        assertThat(scrape.getFrom()).singleElement().satisfies(peer ->
                assertThat(peer.getNamespaceSelector().getMatchLabels()).containsExactly(java.util.Map.entry("team", "observability")));
    }

    /** The namespaces (by name) whose pods the rules let reach the port; a peer without a namespace selector is "". */
    private static List<String> namespacesAllowedTo(List<NetworkPolicyIngressRule> rules, int port) {
        return rules.stream().filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port))
                .flatMap(r -> r.getFrom().stream())
                .filter(peer -> peer.getNamespaceSelector() != null)
                .map(peer -> peer.getNamespaceSelector().getMatchLabels().getOrDefault("kubernetes.io/metadata.name", ""))
                .toList();
    }

    @Test
    void onlyTheNotifierMayReachSmtpAndWebhooksAndNeverPrivateRanges() {
        Rendered rendered = Rendered.of(Variant.prod());

        Set<Integer> notifierPorts = egressPorts(rendered.named(NetworkPolicy.class, PREFIX + "workers"));
        assertThat(notifierPorts).contains(25, 465, 587, 443, 53, 5432, 9092);
        assertThat(egressPorts(rendered.named(NetworkPolicy.class, PREFIX + "reminders")))
                .contains(53, 5432, 9092).doesNotContain(25, 465, 587, 443);
        NetworkPolicyEgressRule webhooks = rendered.named(NetworkPolicy.class, PREFIX + "workers").getSpec().getEgress()
                .stream().filter(r -> r.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 443))
                .findFirst().orElseThrow();
        assertThat(webhooks.getTo()).extracting(NetworkPolicyPeer::getIpBlock)
                .allSatisfy(block -> assertThat(block.getExcept()).contains("10.0.0.0/8", "169.254.0.0/16"));
    }

    @Test
    void daprOpensTheSidecarPortsAndLetsTheSidecarReadOnlyTheReleasesSecrets() {
        Rendered rendered = Rendered.of(Variant.prod().with("dapr.enabled", "true"));

        for (Deployment deployment : rendered.deployments()) {
            NetworkPolicy policy = rendered.named(NetworkPolicy.class, deployment.getMetadata().getName());
            Set<Integer> ingress = policy.getSpec().getIngress().stream().flatMap(r -> r.getPorts().stream())
                    .map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
            assertThat(ingress).contains(3500, 50001);
            assertThat(egressPorts(policy)).contains(3500, 50001);
        }
        io.fabric8.kubernetes.api.model.rbac.Role role = rendered.all(io.fabric8.kubernetes.api.model.rbac.Role.class).getFirst();
        assertThat(role.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getResources()).containsExactly("secrets");
            assertThat(rule.getVerbs()).containsExactly("get");
            assertThat(rule.getResourceNames()).containsExactlyInAnyOrder("taskstream-db-app", "taskstream-secrets",
                    DaprManifestsTest.APP_TOKEN_SECRET);
        });
        assertThat(Rendered.of(Variant.prod()).all(io.fabric8.kubernetes.api.model.rbac.Role.class)).isEmpty();
    }

    @Test
    void helmTestSignsUpCreatesATaskAndWaitsForItsAuditEntry() throws IOException {
        assertThat(Files.readString(Chart.DIR.resolve("templates/tests/smoke-test.yaml")))
                .contains("helm.sh/hook: test");

        List<HasMetadata> hooks = Chart.renderTestHooks(Variant.DEFAULT).stream().map(StrictKubernetes::parse).toList();
        ConfigMap script = hooks.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .findFirst().orElseThrow();
        Pod pod = hooks.stream().filter(Pod.class::isInstance).map(Pod.class::cast).findFirst().orElseThrow();

        String sh = script.getData().get("smoke-test.sh");
        assertThat(sh).contains("/api/auth/signup", "/api/$user/tasks", "/api/$user/tasks/$id/history", "ATTEMPTS");
        assertThat(pod.getSpec().getContainers().getFirst().getImage()).startsWith("curlimages/curl:");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getContainers().getFirst().getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getSpec().getContainers().getFirst().getEnv())
                .contains(new EnvVar("TASKSTREAM_URL", "http://" + PREFIX + "api:80", null));
        assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "smoke-test");
    }

    private static SecretKeySelector secretRef(Deployment deployment, String env) {
        return Rendered.env(deployment, env).orElseThrow(() -> new AssertionError("no " + env)).getValueFrom().getSecretKeyRef();
    }

    private static Set<Integer> egressPorts(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream()
                .flatMap(r -> r.getPorts() == null ? java.util.stream.Stream.<NetworkPolicyPort>empty() : r.getPorts().stream())
                .map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
    }
}
