package io.taskstream.monitoring;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.PrometheusServer;
import io.taskstream.support.PrometheusServer.PrometheusError;
import io.taskstream.support.SseStream;
import io.taskstream.support.TaskJson;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every panel of every Grafana dashboard ({@code deploy/monitoring/dashboards/*.json}), its variables filled in as
 * Grafana would for this app, runs as a query against a real Prometheus scraping the app after some use of every door,
 * and reads only metrics that exist: ones the app exports, ones the deployment's recording rules define, or ones of
 * the named standard exporters below.
 */
class DashboardQueriesIT extends MonitoredAppIT {

    static final Path DASHBOARDS = PrometheusServer.MONITORING.resolve("dashboards");

    /**
     * Metrics of standard exporters the deployment's dashboards may read (they run beside the app in the cluster, not
     * in this test), by name prefix, each with its exporter.
     */
    static final Map<String, String> STANDARD_EXPORTERS = Map.of(
            "kube_", "kube-state-metrics (pods, containers, restarts, deployments)",
            "container_", "cAdvisor in the kubelet (container CPU, memory, throttling)",
            "kafka_", "Kafka exporter (Strimzi's or danielqsj/kafka_exporter: consumer group lag, topic offsets)",
            "cnpg_", "CloudNativePG's PostgreSQL exporter",
            "dapr_", "the Dapr sidecar's and control plane's metrics",
            "ALERTS", "Prometheus itself (ALERTS, ALERTS_FOR_STATE)");
    /** The app's own Kafka client metrics (Micrometer's Kafka binder) are the app's: they must really be exported. */
    static final List<String> APP_KAFKA_CLIENT = List.of("kafka_consumer_", "kafka_producer_", "kafka_admin_");

    @RegisterExtension
    static final PrometheusServer prometheus = PrometheusServer.withRules("dashboards-it");

    @Test
    void everyPanelQueryRunsAndReadsOnlyMetricsThatExist() throws IOException {
        List<Path> files = dashboards();
        assertThat(files).as("Grafana dashboards in " + DASHBOARDS.toAbsolutePath().normalize()).isNotEmpty();
        prometheus.scrape(managementPort);
        useEveryDoor();

        Set<String> known = new HashSet<>(prometheus.metricNames());
        known.addAll(recordingRules());
        List<String> problems = new ArrayList<>();
        int queries = 0;
        for (Path file : files) {
            JsonNode dashboard = HttpApi.JSON.readTree(Files.readString(file));
            Map<String, String> variables = GrafanaDashboards.variables(dashboard, Map.of("namespace",
                    PrometheusServer.NAMESPACE, "role_group", PrometheusServer.ROLE_GROUP, "pod", prometheus.pod(),
                    "job", "taskstream"));
            for (GrafanaDashboards.Query query : GrafanaDashboards.queries(dashboard)) {
                queries++;
                String where = file.getFileName() + " › " + query.panel() + ": ";
                String promql = GrafanaDashboards.render(query.expr(), variables);
                try {
                    prometheus.query(promql);
                } catch (PrometheusError e) {
                    problems.add(where + e.getMessage() + "\n    " + promql);
                    continue;
                }
                List<String> unknown = PromqlMetricNames.of(promql).stream()
                        .filter(name -> !known.contains(name) && !standard(name)).toList();
                if (!unknown.isEmpty()) {
                    problems.add(where + "no such metric " + unknown + "\n    " + promql);
                }
            }
        }

        assertThat(queries).as("panel queries").isPositive();
        assertThat(problems).as("panel queries that fail or read metrics nothing exports").isEmpty();
    }

    /**
     * Signs up, logs in (and is refused once), changes tasks, completes a repeating one, chats, calls an MCP tool, gets
     * a reminder, listens live, and has one event dead-lettered: lazily created series exist afterwards.
     */
    private void useEveryDoor() {
        Session ann = someTraffic();
        api.login(ann.email(), HttpApi.PASSWORD);
        api.login(ann.email(), "not-the-password");
        try (SseStream live = SseStream.open(api.as(ann).request("/api/" + ann.userId() + "/stream"))) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            created(ann, task("Water the plants").remindAt(now.plusSeconds(2).toString()));
            created(ann, task(PoisonConsumer.POISON + " " + UUID.randomUUID()));
            long daily = created(ann, task("Stretch").due(now.plusSeconds(3600).toString()).recurrence("FREQ=DAILY"));
            api.as(ann).send(ann.complete(daily), "PATCH", "application/json", "{\"completed\":true}");
            api.as(ann).post("/api/" + ann.userId() + "/chat", "{\"message\":\"add call mum tomorrow at 9\"}");
            String token = api.as(ann).post("/api/" + ann.userId() + "/api-tokens", "{\"name\":\"dashboards\"}")
                    .json().get("token").asString();
            McpSyncClient mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(api.baseUrl()).endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token)).build())
                    .requestTimeout(Duration.ofSeconds(15)).build();
            try {
                mcp.initialize();
                mcp.callTool(new CallToolRequest("add_task", Map.of("title", "Book flights")));
            } finally {
                mcp.closeGracefully();
            }
            Eventually.await(Duration.ofSeconds(30), prometheus::metricNames, names -> names.containsAll(List.of(
                    "taskstream_events_dead_lettered_total", "taskstream_reminders_lateness_seconds_count")));
        }
        Instant settled = Instant.now();
        Eventually.await(Duration.ofSeconds(20), () -> prometheus.targets().path(0), t -> t.has("lastScrape")
                && Instant.parse(t.get("lastScrape").asString()).isAfter(settled.plusSeconds(2)));
    }

    private long created(Session user, TaskJson task) {
        HttpApi.Response response = api.as(user).post(user.tasks(), task.json());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static boolean standard(String metric) {
        return APP_KAFKA_CLIENT.stream().noneMatch(metric::startsWith)
                && STANDARD_EXPORTERS.keySet().stream().anyMatch(metric::startsWith);
    }

    private static Set<String> recordingRules() {
        Set<String> names = new HashSet<>();
        prometheus.ruleGroups().forEach(g -> g.get("rules").forEach(r -> {
            if ("recording".equals(r.get("type").asString())) {
                names.add(r.get("name").asString());
            }
        }));
        return names;
    }

    private static List<Path> dashboards() throws IOException {
        if (!Files.isDirectory(DASHBOARDS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
