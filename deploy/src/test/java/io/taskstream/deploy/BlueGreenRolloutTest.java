package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rollout.enabled: the api group deployed blue-green by Argo Rollouts, its analysis, and the default left as it was. */
class BlueGreenRolloutTest {

    private static final String API = Chart.RELEASE + "-taskstream-api";
    private static final String HASH_ARG = "{{args.preview-hash}}";
    /** Labels the analysis may select on: the app's own (metrics.md) and those the scrape adds (ServiceMonitor). */
    private static final Set<String> LABELS = Set.of("application", "uri", "method", "outcome", "le",
            "job", "namespace", "role_group", "rollouts_pod_template_hash");

    private final Rendered blueGreen = Rendered.of(Variant.blueGreen());

    @Test
    void disabledByDefaultTheApiGroupStaysARollingDeploymentAsBefore() {
        for (Variant variant : List.of(Variant.DEFAULT, Variant.prod())) {
            Rendered rendered = Rendered.of(variant);

            assertThat(rendered.rollouts()).as(variant.name()).isEmpty();
            assertThat(rendered.custom("AnalysisTemplate")).as(variant.name()).isEmpty();
            assertThat(rendered.all(Service.class)).extracting(s -> s.getMetadata().getName()).containsExactly(API);
            Deployment api = rendered.deployment("api");
            assertThat(api.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(api.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
            PodSpec pod = api.getSpec().getTemplate().getSpec();
            assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(40);
            assertThat(Rendered.app(api).getLifecycle().getPreStop().getExec().getCommand()).containsExactly("sleep", "5");
            assertThat(rendered.all(ConfigMap.class)).as("the smoke test script exists only as a helm test hook")
                    .noneMatch(c -> c.getMetadata().getName().endsWith("-smoke-test"));
        }
        assertThat(Rendered.of(Variant.prod()).named(PodDisruptionBudget.class, API).getSpec().getMaxUnavailable()
                .getIntVal()).isEqualTo(1);
        JsonNode relabelings = Rendered.field(Rendered.of(Variant.prod().with("metrics.serviceMonitor.enabled", "true"))
                .custom("ServiceMonitor").getFirst(), "spec", "endpoints").get(0).path("relabelings");
        assertThat(relabelings.findValuesAsText("targetLabel")).doesNotContain("rollouts_pod_template_hash");
    }

    @Test
    void theApiGroupBecomesARolloutWithTheDeploymentsPodTemplateWhileWorkersKeepRolling() {
        Rendered rolling = Rendered.of(Variant.prod().with("metrics.serviceMonitor.enabled", "true"));

        assertThat(blueGreen.rollouts()).extracting(r -> r.getMetadata().getName()).containsExactly(API);
        assertThat(blueGreen.deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder(Chart.RELEASE + "-taskstream-workers", Chart.RELEASE + "-taskstream-reminders");
        assertThat(blueGreen.deployments()).allSatisfy(d -> assertThat(d.getSpec().getStrategy().getRollingUpdate()
                .getMaxUnavailable().getIntVal()).isZero());
        Rendered.Workload rollout = blueGreen.workload("api");
        assertThat(rollout.kind()).isEqualTo("Rollout");
        assertThat(rollout.template()).as("one pod template, whichever controller runs it")
                .isEqualTo(rolling.deployment("api").getSpec().getTemplate());
        assertThat(rollout.selector()).isEqualTo(rolling.deployment("api").getSpec().getSelector().getMatchLabels());
        Lifecycle lifecycle = rollout.app().getLifecycle();
        assertThat(lifecycle.getPreStop().getExec().getCommand()).containsExactly("sleep", "5");
        assertThat(Rendered.field(blueGreen.rollout("api"), "spec", "replicas").isMissingNode())
                .as("the HPA owns replicas").isTrue();
    }

    @Test
    void theActiveServiceIsTheOneUsersReachAndThePreviewServiceShowsTheNewPods() {
        JsonNode strategy = Rendered.field(blueGreen.rollout("api"), "spec", "strategy");
        JsonNode bg = strategy.path("blueGreen");

        assertThat(strategy.has("canary")).isFalse();
        assertThat(bg.path("activeService").asText()).isEqualTo(API);
        assertThat(bg.path("previewService").asText()).isEqualTo(API + "-preview");
        assertThat(bg.path("autoPromotionEnabled").isBoolean()).isTrue();
        assertThat(bg.path("autoPromotionEnabled").asBoolean()).as("promotion waits for a person by default").isFalse();
        assertThat(bg.path("previewReplicaCount").asInt()).isEqualTo(1);
        assertThat(bg.path("scaleDownDelaySeconds").asInt()).isEqualTo(600);

        assertThat(blueGreen.all(Ingress.class).getFirst().getSpec().getRules().getFirst().getHttp().getPaths()
                .getFirst().getBackend().getService().getName()).isEqualTo(API);
        Service active = blueGreen.named(Service.class, API);
        Service preview = blueGreen.named(Service.class, API + "-preview");
        assertThat(preview.getSpec().getSelector()).isEqualTo(active.getSpec().getSelector());
        assertThat(blueGreen.workload("api").template().getMetadata().getLabels())
                .containsAllEntriesOf(preview.getSpec().getSelector());
        assertThat(preview.getSpec().getPorts()).isEqualTo(active.getSpec().getPorts());
        assertThat(preview.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(Rendered.of(Variant.blueGreen().with("service.type", "LoadBalancer")).named(Service.class, API + "-preview")
                .getSpec().getType()).as("the preview is never published").isEqualTo("ClusterIP");

        JsonNode automatic = Rendered.field(Rendered.of(Variant.blueGreen().with("rollout.autoPromotionEnabled", "true"))
                .rollout("api"), "spec", "strategy", "blueGreen", "autoPromotionEnabled");
        assertThat(automatic.asBoolean()).isTrue();
    }

    @Test
    void promotionWaitsForTheSmokeTestAndThePreviewsMetricsAndTheMetricsRunAgainAfterIt() {
        JsonNode bg = Rendered.field(blueGreen.rollout("api"), "spec", "strategy", "blueGreen");
        Set<String> templates = new TreeSet<>();
        blueGreen.custom("AnalysisTemplate").forEach(t -> templates.add(t.getMetadata().getName()));

        assertThat(bg.path("prePromotionAnalysis").path("templates").findValuesAsText("templateName"))
                .containsExactly(API + "-smoke-test", API + "-preview-metrics");
        assertThat(bg.path("postPromotionAnalysis").path("templates").findValuesAsText("templateName"))
                .containsExactly(API + "-preview-metrics");
        assertThat(templates).containsExactly(API + "-preview-metrics", API + "-smoke-test");
        for (String step : List.of("prePromotionAnalysis", "postPromotionAnalysis")) {
            JsonNode args = bg.path(step).path("args");
            assertThat(args).singleElement().satisfies(arg -> {
                assertThat(arg.path("name").asText()).isEqualTo("preview-hash");
                assertThat(arg.path("valueFrom").path("podTemplateHashValue").asText())
                        .as("the new ReplicaSet's hash, before and after promotion").isEqualTo("Latest");
            });
        }
        JsonNode without = Rendered.field(Rendered.of(Variant.blueGreen().with("rollout.analysis.postPromotion", "false"))
                .rollout("api"), "spec", "strategy", "blueGreen");
        assertThat(without.has("postPromotionAnalysis")).isFalse();
        assertThat(without.has("prePromotionAnalysis")).isTrue();
    }

    @Test
    void theSmokeTestJobRunsTheHelmTestScriptAgainstThePreviewAndMayReachIt() {
        JsonNode job = Rendered.field(analysisTemplate("smoke-test"), "spec", "metrics").get(0).path("provider").path("job");
        JobSpec spec = StrictKubernetes.parse(job.path("spec"), JobSpec.class);
        PodSpec pod = spec.getTemplate().getSpec();
        Container test = pod.getContainers().getFirst();

        assertThat(spec.getBackoffLimit()).as("one failed run fails the analysis").isZero();
        assertThat(test.getEnv()).contains(new EnvVar("TASKSTREAM_URL", "http://" + API + "-preview:80", null));
        String scripts = pod.getVolumes().getFirst().getConfigMap().getName();
        assertThat(scripts).isEqualTo(Chart.RELEASE + "-taskstream-smoke-test");
        ConfigMap script = blueGreen.named(ConfigMap.class, scripts);
        assertThat(script.getData()).containsKey("smoke-test.sh");
        assertThat(script.getMetadata().getAnnotations()).as("an ordinary resource: the analysis runs during the upgrade")
                .isNullOrEmpty();

        Container helmTest = Chart.renderTestHooks(Variant.blueGreen()).stream().map(StrictKubernetes::parse)
                .filter(io.fabric8.kubernetes.api.model.Pod.class::isInstance)
                .map(p -> ((io.fabric8.kubernetes.api.model.Pod) p).getSpec().getContainers().getFirst())
                .findFirst().orElseThrow();
        assertThat(helmTest.getEnv()).contains(new EnvVar("TASKSTREAM_URL", "http://" + API + ":80", null));
        assertThat(test).usingRecursiveComparison().ignoringFields("env").isEqualTo(helmTest);
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(test.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(test.getResources().getLimits()).containsKeys("cpu", "memory");

        Map<String, String> podLabels = spec.getTemplate().getMetadata().getLabels();
        NetworkPolicy api = blueGreen.named(NetworkPolicy.class, API);
        assertThat(api.getSpec().getIngress()).as("the api group's policy admits the Job's pod on the app port")
                .anySatisfy(rule -> {
                    assertThat(rule.getPorts()).anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080));
                    assertThat(rule.getFrom()).extracting(NetworkPolicyPeer::getPodSelector).filteredOn(java.util.Objects::nonNull)
                            .anySatisfy(selector -> assertThat(podLabels).containsAllEntriesOf(selector.getMatchLabels()));
                });
    }

    @Test
    void argoPlaceholdersSurviveHelmAndNameADeclaredArgument() {
        GenericKubernetesResource metrics = analysisTemplate("preview-metrics");
        String text = Rendered.field(metrics, "spec", "metrics").toString();
        Set<String> declared = new TreeSet<>(Rendered.field(metrics, "spec", "args").findValuesAsText("name"));

        Matcher placeholder = Pattern.compile("\\{\\{\\s*args\\.([\\w-]+)\\s*}}").matcher(text);
        List<String> used = new ArrayList<>();
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        assertThat(used).as("scraped 1, error ratio 2, p99 1").hasSize(4).containsOnly("preview-hash");
        assertThat(declared).containsExactly("preview-hash");
        for (String query : queries().values()) {
            assertThat(query).contains("rollouts_pod_template_hash=\"" + HASH_ARG + "\"");
        }
    }

    @Test
    void theScrapeCarriesTheRoleGroupAndTheReplicaSetHashTheQueriesSelect() {
        JsonNode relabelings = Rendered.field(blueGreen.custom("ServiceMonitor").getFirst(), "spec", "endpoints").get(0)
                .path("relabelings");
        Map<String, String> sources = new LinkedHashMap<>();
        relabelings.forEach(r -> sources.put(r.path("targetLabel").asText(), r.path("sourceLabels").path(0).asText()));

        assertThat(sources).containsEntry("rollouts_pod_template_hash", "__meta_kubernetes_pod_label_rollouts_pod_template_hash")
                .containsEntry("role_group", "__meta_kubernetes_pod_label_app_kubernetes_io_component");
        for (Map.Entry<String, String> query : queries().entrySet()) {
            for (PromQlSelectors.Selector selector : PromQlSelectors.parse(query.getValue()).selectors()) {
                assertThat(MonitoringRulesTest.EXPORTED).as(query.getKey() + " reads " + selector.metric())
                        .contains(selector.metric().replaceFirst("_(bucket|count|sum)$", ""));
                assertThat(LABELS).as(query.getKey()).containsAll(selector.matchers().keySet());
                assertThat(selector.matchers()).as(query.getKey() + ": the preview group's pods in this release")
                        .containsEntry("job", new PromQlSelectors.Matcher("=", "taskstream"))
                        .containsEntry("namespace", new PromQlSelectors.Matcher("=", Chart.NAMESPACE))
                        .containsEntry("role_group", new PromQlSelectors.Matcher("=", "api"))
                        .containsEntry("rollouts_pod_template_hash", new PromQlSelectors.Matcher("=", HASH_ARG));
            }
        }
    }

    @Test
    void thresholdsComeFromValuesAndTheObjectives(@TempDir Path dir) throws IOException {
        Map<String, String> conditions = new LinkedHashMap<>();
        Rendered.field(analysisTemplate("preview-metrics"), "spec", "metrics")
                .forEach(m -> conditions.put(m.path("name").asText(), m.path("successCondition").asText()));

        assertThat(conditions).containsEntry("error-ratio", "len(result) == 0 || isNaN(result[0]) || result[0] <= 0.01")
                .containsEntry("latency-p99", "len(result) == 0 || isNaN(result[0]) || result[0] <= 0.3")
                .containsEntry("scraped", "len(result) == 1 && result[0] >= 1");
        Map<String, String> strict = new LinkedHashMap<>();
        Path values = Files.writeString(dir.resolve("strict.yaml"), "rollout: {analysis: {maxErrorRatio: 0.001}}\n");
        Rendered.field(analysisTemplate(Rendered.of(overlay(values)), "preview-metrics"), "spec", "metrics")
                .forEach(m -> strict.put(m.path("name").asText(), m.path("successCondition").asText()));
        assertThat(strict.get("error-ratio")).endsWith("result[0] <= 0.001");
        assertThat(queries().get("latency-p99")).startsWith("histogram_quantile(0.99,");
    }

    /**
     * Prometheus itself evaluates the queries over series of two ReplicaSets of the api group: the ratio and the p99
     * are the preview's alone, a preview without errors reads 0, and one without requests reads nothing.
     */
    @Test
    void prometheusComputesThePreviewsErrorRatioAndP99FromItsOwnSeriesAlone(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "needs promtool (Debian prometheus)");
        Map<String, String> queries = queries();
        StringBuilder rules = new StringBuilder("groups:\n  - name: blue-green-analysis\n    rules:\n");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            rules.append("      - record: analysis:").append(query.getKey().replace('-', '_')).append('\n')
                    .append("        expr: ").append(json(query.getValue().replace(HASH_ARG, "green"))).append('\n');
        }
        Files.writeString(dir.resolve("analysis.yaml"), rules);
        assertThat(run(dir, promtool.toString(), "check", "rules", "analysis.yaml")).contains("SUCCESS: 3 rules found");

        String pods = "application=\"taskstream\", job=\"taskstream\", namespace=\"taskstream\", role_group=\"api\"";
        StringBuilder series = new StringBuilder();
        for (String hash : List.of("green", "clean")) {
            String get = pods + ", rollouts_pod_template_hash=\"" + hash + "\", method=\"GET\", uri=\"/api/{userId}/tasks\"";
            series.append(series("http_server_requests_seconds_count{" + get + ", outcome=\"SUCCESS\"}", "0+30x10"));
            Map<String, Integer> buckets = new LinkedHashMap<>(Map.of("0.05", 20, "0.1", 25, "0.3", 29, "0.5", 30,
                    "1.0", 30, "2.0", 30, "5.0", 30, "+Inf", 30));
            buckets.forEach((le, n) -> series.append(series(
                    "http_server_requests_seconds_bucket{" + get + ", outcome=\"SUCCESS\", le=\"" + le + "\"}", "0+" + n + "x10")));
        }
        String green = pods + ", rollouts_pod_template_hash=\"green\"";
        String blue = pods + ", rollouts_pod_template_hash=\"blue\"";
        series.append(series("http_server_requests_seconds_count{" + green
                + ", method=\"POST\", uri=\"/api/{userId}/tasks\", outcome=\"SERVER_ERROR\"}", "0+1x10"));
        series.append(series("http_server_requests_seconds_count{" + green
                + ", method=\"GET\", uri=\"/actuator/health\", outcome=\"SERVER_ERROR\"}", "0+50x10"));
        series.append(series("http_server_requests_seconds_count{" + blue
                + ", method=\"GET\", uri=\"/api/{userId}/tasks\", outcome=\"SERVER_ERROR\"}", "0+100x10"));
        StringBuilder tests = new StringBuilder("rule_files: [analysis.yaml]\nevaluation_interval: 30s\ntests:\n"
                + "  - interval: 30s\n    input_series:\n").append(series).append("    promql_expr_test:\n");
        // 1 error in 31 requests a scrape: 32 per mille; p99 between the 0.3 (29) and 0.5 (30) buckets: 0.44 s.
        tests.append(exprTest("round(1000 * (" + queries.get("error-ratio").replace(HASH_ARG, "green") + "))", "32"));
        tests.append(exprTest("round(1000 * (" + queries.get("latency-p99").replace(HASH_ARG, "green") + "))", "440"));
        tests.append(exprTest(queries.get("error-ratio").replace(HASH_ARG, "clean"), "0"));
        tests.append(exprTest(queries.get("error-ratio").replace(HASH_ARG, "idle"), null));
        Files.writeString(dir.resolve("analysis_test.yaml"), tests);

        assertThat(run(dir, promtool.toString(), "test", "rules", "analysis_test.yaml")).contains("SUCCESS");
    }

    @Test
    void hpaAndDisruptionBudgetFollowTheRollout(@TempDir Path dir) throws IOException {
        HorizontalPodAutoscaler hpa = blueGreen.named(HorizontalPodAutoscaler.class, API);
        assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("argoproj.io/v1alpha1");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Rollout");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(API);
        assertThat(blueGreen.named(HorizontalPodAutoscaler.class, Chart.RELEASE + "-taskstream-workers").getSpec()
                .getScaleTargetRef().getKind()).isEqualTo("Deployment");

        PodDisruptionBudget pdb = blueGreen.named(PodDisruptionBudget.class, API);
        assertThat(blueGreen.workload("api").template().getMetadata().getLabels())
                .as("the budget covers blue and green pods alike").containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

        Path values = Files.writeString(dir.resolve("api-and-audit.yaml"), "roleGroups: {api: {roles: [api, audit]}}\n");
        GenericKubernetesResource scaled = Rendered.of(overlay(values).with("keda.enabled", "true")).custom("ScaledObject").stream()
                .filter(s -> s.getMetadata().getName().equals(API)).findFirst().orElseThrow();
        assertThat(Rendered.field(scaled, "spec", "scaleTargetRef", "kind").asText()).isEqualTo("Rollout");
    }

    @Test
    void schemaRejectsAStrategyOtherThanBlueGreenAndARolloutWithoutAnApiGroup(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Chart.template(Variant.blueGreen().with("rollout.strategy", "canary")))
                .hasMessageContaining("/rollout/strategy");
        assertThatThrownBy(() -> Chart.template(Variant.blueGreen().with("rollout.analysis.window", "two minutes")))
                .hasMessageContaining("/rollout/analysis/window");
        Path values = dir.resolve("workers-only.yaml");
        Files.writeString(values, "rollout: {enabled: true}\nroleGroups: {api: null}\n");
        assertThatThrownBy(() -> Chart.template(new Variant("workers only", values.toString(), Map.of())))
                .hasMessageContaining("rollout.enabled needs a role group with the api role");
    }

    /** Production blue-green with one more values file laid over values-prod.yaml (as a second -f would). */
    private static Variant overlay(Path values) throws IOException {
        Path merged = Files.createTempFile(values.getParent(), "merged-", ".yaml");
        com.fasterxml.jackson.databind.node.ObjectNode prod = (com.fasterxml.jackson.databind.node.ObjectNode)
                Chart.YAML.readTree(Chart.DIR.resolve("values-prod.yaml").toFile());
        JsonNode extra = Chart.YAML.readTree(values.toFile());
        extra.fields().forEachRemaining(e -> {
            JsonNode existing = prod.get(e.getKey());
            if (existing instanceof com.fasterxml.jackson.databind.node.ObjectNode object && e.getValue().isObject()) {
                object.setAll((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue());
            } else {
                prod.set(e.getKey(), e.getValue());
            }
        });
        Files.writeString(merged, Chart.YAML.writeValueAsString(prod));
        return new Variant("prod + " + values.getFileName(), merged.toString(), Map.of())
                .with("rollout.enabled", "true").with("metrics.serviceMonitor.enabled", "true");
    }

    private GenericKubernetesResource analysisTemplate(String suffix) {
        return analysisTemplate(blueGreen, suffix);
    }

    private static GenericKubernetesResource analysisTemplate(Rendered rendered, String suffix) {
        return rendered.custom("AnalysisTemplate").stream()
                .filter(t -> t.getMetadata().getName().equals(API + "-" + suffix)).findFirst().orElseThrow();
    }

    /** The Prometheus queries of the preview metrics, by metric name, as Argo receives them. */
    private Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        Rendered.field(analysisTemplate("preview-metrics"), "spec", "metrics").forEach(m ->
                queries.put(m.path("name").asText(), m.path("provider").path("prometheus").path("query").asText().strip()));
        assertThat(queries).containsOnlyKeys("scraped", "error-ratio", "latency-p99");
        return queries;
    }

    private static String series(String name, String values) {
        return "      - series: " + json(name) + "\n        values: " + json(values) + "\n";
    }

    private static String exprTest(String expr, String value) {
        String test = "      - expr: " + json(expr) + "\n        eval_time: 4m\n        exp_samples:";
        return test + (value == null ? " []\n" : "\n          - labels: '{}'\n            value: " + value + "\n");
    }

    private static String json(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
