package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SLO and alert rules of deploy/monitoring/rules: Prometheus's own promtool accepts them and runs their unit tests,
 * every alert is unit-tested firing and silent, says how bad it is and what to do, and reads only metrics that exist.
 */
class MonitoringRulesTest {

    static final Path RULES = Chart.DEPLOY_DIR.resolve("monitoring/rules");
    static final Path RUNBOOKS = Chart.REPOSITORY.resolve("docs/runbooks");
    static final String RUNBOOK_URL = "https://github.com/taskstream/taskstream/blob/main/docs/runbooks/";

    /**
     * What the rules may read besides their own recording rules: the app's metrics (histograms by their base name)
     * and those of the standard exporters the SLOs and alerts name. deploy/monitoring/metrics.md, where present,
     * must list every app metric here too.
     */
    static final Set<String> EXPORTED = Set.of(
            "http_server_requests_seconds",
            "taskstream_outbox_oldest_age_seconds", "taskstream_outbox_relay_active",
            "taskstream_outbox_publish_failures_total",
            "taskstream_events_delay_seconds", "taskstream_events_dead_lettered_total", "taskstream_events_retry_queue",
            "taskstream_reminders_lateness_seconds", "taskstream_reminders_overdue",
            "taskstream_chat_fallbacks_total", "taskstream_chat_turns_total",
            // Micrometer's JVM, HikariCP and Kafka client binders
            "jvm_memory_used_bytes", "jvm_memory_max_bytes",
            "hikaricp_connections_pending", "hikaricp_connections_active", "hikaricp_connections_max",
            "hikaricp_connections_timeout_total",
            "kafka_consumer_fetch_manager_records_lag_max",
            // Prometheus itself and kube-state-metrics
            "up", "kube_pod_container_status_restarts_total");

    @Test
    void promtoolAcceptsTheRuleFiles() {
        List<String> command = new ArrayList<>(List.of(promtool(), "check", "rules"));
        ruleFiles().forEach(f -> command.add(f.toString()));

        assertSucceeds(command);
    }

    @Test
    void promtoolUnitTestsOfTheRulesPass() {
        List<String> command = new ArrayList<>(List.of(promtool(), "test", "rules"));
        testFiles().forEach(f -> command.add(f.toString()));

        assertSucceeds(command);
    }

    @Test
    void everyAlertIsUnitTestedFiringAtEachSeverityAndSilent() {
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (JsonNode test : unitTests()) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String alert = check.path("alertname").asText();
                if (check.path("exp_alerts").isEmpty()) {
                    silent.add(alert);
                }
                for (JsonNode expected : check.path("exp_alerts")) {
                    firing.add(alert + " " + expected.path("exp_labels").path("severity").asText());
                }
            }
        }

        List<JsonNode> alerts = rules().stream().filter(r -> r.has("alert")).toList();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(16);
        assertThat(firing).as("alerts unit-tested firing, by severity").containsAll(
                alerts.stream().map(a -> a.path("alert").asText() + " " + a.path("labels").path("severity").asText()).toList());
        assertThat(silent).as("alerts unit-tested silent").containsAll(
                alerts.stream().map(a -> a.path("alert").asText()).toList());
    }

    @Test
    void everySloIsRecordedOverEveryWindowAndUnitTested() {
        List<String> slos = rules().stream().filter(r -> r.path("record").asText().equals("slo:objective:ratio"))
                .map(r -> r.path("labels").path("slo").asText()).toList();
        assertThat(slos).containsExactlyInAnyOrder("api-availability", "api-latency", "reminder-lateness", "event-delay");

        String tested = unitTests().stream().flatMap(t -> elements(t.path("promql_expr_test")))
                .map(e -> e.path("expr").asText()).reduce("", String::concat);
        for (String slo : slos) {
            for (String window : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d")) {
                assertThat(rules()).as(slo + " over " + window).anyMatch(r ->
                        r.path("record").asText().equals("slo:sli_error:ratio_rate" + window)
                                && r.path("labels").path("slo").asText().equals(slo));
            }
            assertThat(rules()).as(slo + "'s budget").anyMatch(r ->
                    r.path("record").asText().equals("slo:error_budget_remaining:ratio")
                            && r.path("labels").path("slo").asText().equals(slo));
            assertThat(tested).as("a promql_expr_test of " + slo).contains("slo=\"" + slo + "\"");
        }
    }

    @Test
    void everyAlertSaysHowBadWhatAndWhereItsRunbookIs() throws IOException {
        for (JsonNode alert : rules().stream().filter(r -> r.has("alert")).toList()) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("labels").path("severity").asText()).as(name).isIn("critical", "warning");
            assertThat(alert.path("annotations").path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(alert.path("annotations").path("description").asText()).as(name + " description").isNotBlank();
            String url = alert.path("annotations").path("runbook_url").asText();
            assertThat(url).as(name + " runbook_url").startsWith(RUNBOOK_URL).endsWith(".md");
            Path runbook = RUNBOOKS.resolve(url.substring(RUNBOOK_URL.length()));
            assertThat(runbook).as(name + "'s runbook").isRegularFile();
            assertThat(Files.readString(runbook)).as(runbook + " names " + name).contains(name);
        }
    }

    @Test
    void theRunbookIndexListsEveryRunbook() throws IOException {
        String index = Files.readString(RUNBOOKS.resolve("README.md"));
        try (Stream<Path> runbooks = Files.list(RUNBOOKS)) {
            assertThat(runbooks.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")))
                    .isNotEmpty()
                    .allSatisfy(n -> assertThat(index).as("README.md links " + n).contains("(" + n + ")"));
        }
    }

    @Test
    void rulesReadOnlyMetricsThatAreExported() throws IOException {
        Set<String> recorded = new TreeSet<>();
        rules().stream().filter(r -> r.has("record")).forEach(r -> recorded.add(r.path("record").asText()));
        Set<String> read = new TreeSet<>();
        rules().forEach(r -> read.addAll(PromQlSelectors.metricNames(r.path("expr").asText())));

        assertThat(read).as("metric names the rules read").isNotEmpty()
                .allSatisfy(name -> assertThat(recorded.contains(name) || EXPORTED.contains(baseName(name)))
                        .as(name + " is recorded by a rule or exported").isTrue());

        Path table = Chart.DEPLOY_DIR.resolve("monitoring/metrics.md");
        if (Files.exists(table)) {
            String documented = Files.readString(table);
            assertThat(read.stream().map(MonitoringRulesTest::baseName).filter(n -> n.startsWith("taskstream_")))
                    .allSatisfy(name -> assertThat(documented).as("metrics.md documents " + name).contains(name));
        }
    }

    @Test
    void appMetricsAreReadForTaskstreamAndTargetsByItsJob() {
        Pattern app = Pattern.compile("(taskstream_|http_server_|jvm_|hikaricp_|kafka_)\\w+|up");
        int selectors = 0;
        for (JsonNode rule : rules()) {
            for (PromQlSelectors.Selector selector : PromQlSelectors.parse(rule.path("expr").asText()).selectors()) {
                if (app.matcher(selector.metric()).matches()) {
                    selectors++;
                    String label = selector.metric().equals("up") ? "job" : "application";
                    assertThat(selector.matchers()).as(selector.metric() + " in " + rule.path("expr").asText())
                            .containsEntry(label, new PromQlSelectors.Matcher("=", "taskstream"));
                }
            }
        }
        assertThat(selectors).isGreaterThan(50);
    }

    @Test
    void bucketBoundsAreWrittenAsTheAppWritesThem() {
        // The app's Prometheus client writes bounds as Java doubles (le="1.0"); le="1" would match no series.
        int bounds = 0;
        for (JsonNode rule : rules()) {
            for (PromQlSelectors.Selector selector : PromQlSelectors.parse(rule.path("expr").asText()).selectors()) {
                PromQlSelectors.Matcher le = selector.matchers().get("le");
                if (le != null) {
                    bounds++;
                    assertThat(Double.toString(Double.parseDouble(le.value()))).as(selector.metric() + " le")
                            .isEqualTo(le.value());
                }
            }
        }
        assertThat(bounds).isGreaterThan(0);
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static String baseName(String metric) {
        return metric.replaceFirst("_(bucket|count|sum)$", "");
    }

    static List<Path> ruleFiles() {
        return yamlFiles(RULES);
    }

    private static List<Path> testFiles() {
        return yamlFiles(RULES.resolve("tests"));
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).as("YAML files in " + dir).isNotEmpty();
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The groups of the rule files, in file-name order (as the chart renders them). */
    static List<JsonNode> groups() {
        return ruleFiles().stream().flatMap(f -> elements(Chart.documents(f).getFirst().path("groups"))).toList();
    }

    static List<JsonNode> rules() {
        return groups().stream().flatMap(g -> elements(g.path("rules"))).toList();
    }

    private static List<JsonNode> unitTests() {
        return testFiles().stream().flatMap(f -> elements(Chart.documents(f).getFirst().path("tests"))).toList();
    }

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("promtool is not on the PATH: install Prometheus's tools (Debian: apt-get install prometheus)");
    }

    private static void assertSucceeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
            String output;
            try (var out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command) + " finished").isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
