package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The monitoring stack's values files: well-formed, consistent with each other and with the Taskstream chart. */
class MonitoringStackValuesTest {

    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    @Test
    void everyPinnedChartHasAnExactVersionAnHttpsRepositoryAndAValuesFileThatParsesAsYaml() throws IOException {
        List<MonitoringStack.PinnedChart> charts = MonitoringStack.charts();
        assertThat(charts).extracting(MonitoringStack.PinnedChart::component).doesNotHaveDuplicates()
                .contains("kube-prometheus-stack", "loki", "alloy", "jaeger", "otel-collector", "eck-operator",
                        "elasticsearch", "fluent-bit");
        for (MonitoringStack.PinnedChart chart : charts) {
            assertThat(chart.version()).as(chart.component()).matches(SEMVER);
            assertThat(chart.repositoryUrl()).as(chart.component()).startsWith("https://");
            assertThat(chart.set()).as(chart.component()).isIn("default", "loki", "elk");
            assertThat(yaml(chart.values()).isObject()).as(chart.values() + " is a YAML mapping").isTrue();
        }
        try (var files = Files.list(MonitoringStack.DIR)) {
            assertThat(files.filter(f -> f.toString().endsWith(".yaml")).map(f -> f.getFileName().toString()))
                    .as("no values file that no chart uses")
                    .allMatch(name -> charts.stream().anyMatch(c -> (c.component() + ".yaml").equals(name)));
        }
    }

    @Test
    void theCollectorsPipelinesUseOnlyDefinedReceiversProcessorsAndExportersAndSendTracesToJaeger() throws IOException {
        JsonNode config = yaml(MonitoringStack.DIR.resolve("otel-collector.yaml")).path("alternateConfig");
        JsonNode pipelines = config.path("service").path("pipelines");
        assertThat(pipelines.has("traces")).isTrue();
        for (Map.Entry<String, JsonNode> pipeline : (Iterable<Map.Entry<String, JsonNode>>) pipelines::fields) {
            for (String kind : List.of("receivers", "processors", "exporters")) {
                Set<String> defined = names(config.path(kind));
                assertThat(strings(pipeline.getValue().path(kind)))
                        .as(pipeline.getKey() + " " + kind + " are defined").isSubsetOf(defined);
            }
            assertThat(strings(pipeline.getValue().path("receivers"))).isNotEmpty();
            assertThat(strings(pipeline.getValue().path("exporters"))).isNotEmpty();
        }
        assertThat(strings(config.path("service").path("extensions"))).isSubsetOf(names(config.path("extensions")))
                .as("the chart's probes need it").contains("health_check");
        List<String> processors = strings(pipelines.path("traces").path("processors"));
        assertThat(processors).as("memory_limiter first, batch after it").startsWith("memory_limiter").contains("batch");
        assertThat(config.path("receivers").path("otlp").path("protocols").path("http").path("endpoint").asText())
                .as("the app's OTLP/HTTP port (tracing.otlpEndpoint)").endsWith(":4318");
        String jaeger = strings(pipelines.path("traces").path("exporters")).getFirst();
        assertThat(config.path("exporters").path(jaeger).path("endpoint").asText()).startsWith("jaeger.")
                .endsWith(":4317");
        assertThat(yaml(MonitoringStack.DIR.resolve("jaeger.yaml")).path("userconfig").path("receivers").path("otlp")
                .path("protocols").path("grpc").path("endpoint").asText()).endsWith(":4317");
    }

    @Test
    void retentionIsSevenDaysOfMetricsFourteenOfLogsInLokiAndElasticsearchAndThreeOfTraces() throws IOException {
        JsonNode prometheus = yaml(MonitoringStack.DIR.resolve("kube-prometheus-stack.yaml"))
                .path("prometheus").path("prometheusSpec");
        assertThat(prometheus.path("retention").asText()).isEqualTo("7d");
        assertThat(prometheus.path("retentionSize").asText()).matches("\\d+GB");

        JsonNode loki = yaml(MonitoringStack.DIR.resolve("loki.yaml"));
        assertThat(loki.path("deploymentMode").asText()).isEqualTo("SingleBinary");
        assertThat(loki.path("loki").path("limits_config").path("retention_period").asText()).isEqualTo("14d");
        assertThat(loki.path("loki").path("compactor").path("retention_enabled").asBoolean()).isTrue();

        JsonNode ilm = new ObjectMapper().readTree(MonitoringStack.DIR.resolve("elk/ilm-taskstream-logs.json").toFile());
        assertThat(ilm.path("policy").path("phases").path("delete").path("min_age").asText()).isEqualTo("14d");
        JsonNode template = new ObjectMapper().readTree(
                MonitoringStack.DIR.resolve("elk/index-template-taskstream-logs.json").toFile());
        assertThat(template.path("template").path("settings").path("index.lifecycle.name").asText())
                .isEqualTo("taskstream-logs");
        assertThat(fluentBitOutput("Index")).matches("logs-taskstream-.+")
                .satisfies(index -> assertThat(index).startsWith(template.path("index_patterns").get(0).asText()
                        .replace("*", "")));

        assertThat(yaml(MonitoringStack.DIR.resolve("jaeger.yaml")).path("userconfig").path("extensions")
                .path("jaeger_storage").path("backends").path("primary_store").path("badger").path("ttl")
                .path("spans").asText()).isEqualTo("72h");
    }

    @Test
    void prometheusPicksTheChartsServiceMonitorAndPrometheusRuleAndGrafanaItsDashboardsWhereverTheyAre()
            throws IOException {
        JsonNode stack = yaml(MonitoringStack.DIR.resolve("kube-prometheus-stack.yaml"));
        JsonNode spec = stack.path("prometheus").path("prometheusSpec");
        Rendered taskstream = Rendered.of(Variant.prod().with("metrics.serviceMonitor.enabled", "true")
                .with("metrics.serviceMonitor.labels.release", "kube-prometheus-stack")
                .with("metrics.prometheusRule.labels.release", "kube-prometheus-stack"));
        for (String kind : List.of("ServiceMonitor", "PrometheusRule")) {
            String selector = kind.equals("ServiceMonitor") ? "serviceMonitorSelector" : "ruleSelector";
            Map<String, String> wanted = new ObjectMapper().convertValue(spec.path(selector).path("matchLabels"),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
            assertThat(wanted).as(selector).isNotEmpty();
            List<GenericKubernetesResource> resources = taskstream.custom(kind);
            assertThat(resources).as(kind).isNotEmpty().allSatisfy(r -> assertThat(r.getMetadata().getLabels())
                    .containsAllEntriesOf(wanted));
        }
        assertThat(spec.path("ruleNamespaceSelector").isEmpty()).as("rules from every namespace").isTrue();
        assertThat(spec.path("serviceMonitorNamespaceSelector").isEmpty()).isTrue();

        JsonNode dashboards = stack.path("grafana").path("sidecar").path("dashboards");
        assertThat(dashboards.path("enabled").asBoolean()).isTrue();
        assertThat(dashboards.path("label").asText()).isEqualTo("grafana_dashboard");
        assertThat(dashboards.path("searchNamespace").asText()).isEqualTo("ALL");

        JsonNode routes = stack.path("alertmanager").path("config").path("route").path("routes");
        assertThat(receiverFor(routes, "severity = \"critical\"")).isEqualTo("page");
        assertThat(receiverFor(routes, "severity = \"warning\"")).isEqualTo("ticket");
        Set<String> receivers = StreamSupport.stream(stack.path("alertmanager").path("config").path("receivers")
                .spliterator(), false).map(r -> r.path("name").asText()).collect(Collectors.toSet());
        assertThat(receivers).contains("page", "ticket");

        assertThat(StreamSupport.stream(stack.path("grafana").path("additionalDataSources").spliterator(), false)
                .map(d -> d.path("uid").asText())).contains("loki", "jaeger");
    }

    @Test
    void logShippersReadTheEcsFieldsTheAppWrites() throws IOException {
        String alloy = yaml(MonitoringStack.DIR.resolve("alloy.yaml")).path("alloy").path("configMap").path("content")
                .asText();
        assertThat(alloy).contains("trace_id   = \"\\\"trace.id\\\"\"", "span_id    = \"\\\"span.id\\\"\"",
                "request_id = \"requestId\"", "level      = \"log.level\"", "loki.write",
                "http://loki-gateway.");
        assertThat(fluentBitFilter("Merge_Log")).isEqualTo("On");
        assertThat(fluentBitOutput("Host")).startsWith("elasticsearch-es-http.");
    }

    private static String receiverFor(JsonNode routes, String matcher) {
        for (JsonNode route : routes) {
            if (strings(route.path("matchers")).contains(matcher)) {
                return route.path("receiver").asText();
            }
        }
        throw new AssertionError("no route for " + matcher);
    }

    private static String fluentBitOutput(String key) throws IOException {
        return section(yaml(MonitoringStack.DIR.resolve("fluent-bit.yaml")).path("config").path("outputs").asText(), key);
    }

    private static String fluentBitFilter(String key) throws IOException {
        return section(yaml(MonitoringStack.DIR.resolve("fluent-bit.yaml")).path("config").path("filters").asText(), key);
    }

    private static String section(String text, String key) {
        return text.lines().map(String::strip).filter(line -> line.startsWith(key + " "))
                .map(line -> line.substring(key.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + text));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode yaml(Path file) throws IOException {
        return Chart.YAML.readTree(file.toFile());
    }
}
