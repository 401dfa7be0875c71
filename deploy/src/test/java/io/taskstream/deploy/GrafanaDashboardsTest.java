package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards keep the rules of {@link GrafanaDashboards}; each rule is shown to catch its breach on a copy of a
 * real dashboard with exactly that breach.
 */
class GrafanaDashboardsTest {

    private static final List<String> EXPECTED = List.of("api.json", "assistant.json", "events.json",
            "jvm-database.json", "overview.json", "reminders.json");

    @Test
    void everyDashboardKeepsEveryRule() {
        Map<String, String> files = GrafanaDashboards.files();

        assertThat(files.keySet()).containsExactlyElementsOf(EXPECTED);
        assertThat(GrafanaDashboards.violations(files)).isEmpty();
    }

    @Test
    void dashboardsHaveStableUidsAndAnswerQuestionsRowByRow() {
        Map<String, String> uids = new LinkedHashMap<>();
        GrafanaDashboards.files().forEach((name, text) -> {
            JsonNode dashboard = GrafanaDashboards.parse(text);
            uids.put(name, dashboard.path("uid").asText());
            assertThat(GrafanaDashboards.panels(dashboard)).filteredOn(p -> p.path("type").asText().equals("row"))
                    .as(name + " rows").hasSizeGreaterThanOrEqualTo(3);
            assertThat(GrafanaDashboards.queries(dashboard)).as(name + " queries").hasSizeGreaterThanOrEqualTo(8);
        });

        assertThat(uids).containsEntry("overview.json", "taskstream-overview")
                .containsEntry("api.json", "taskstream-api").containsEntry("events.json", "taskstream-events")
                .containsEntry("reminders.json", "taskstream-reminders")
                .containsEntry("assistant.json", "taskstream-assistant")
                .containsEntry("jvm-database.json", "taskstream-jvm-database");
    }

    @Test
    void overviewShowsEveryObjectiveAgainstItsCurrentValueAndBudgetLeft() {
        List<String> queries = GrafanaDashboards.queries(dashboard("overview.json"));

        assertThat(queries).anyMatch(q -> q.contains("slo:objective:ratio"))
                .anyMatch(q -> q.contains("slo:sli_error:ratio_rate30d"))
                .anyMatch(q -> q.contains("slo:error_budget_remaining:ratio"));
    }

    @Test
    void invalidJsonIsReported() {
        assertThat(violationsOf(Map.of("broken.json", "{\"uid\": \"x\",")))
                .singleElement().asString().startsWith("broken.json: not valid JSON");
    }

    @Test
    void aUidTwiceIsReported() {
        Map<String, String> files = new LinkedHashMap<>(GrafanaDashboards.files());
        ObjectNode copy = dashboard("api.json");
        files.put("api-copy.json", copy.toString());

        assertThat(GrafanaDashboards.violations(files)).contains("api-copy.json: uid taskstream-api is also api.json's");
    }

    @Test
    void aPanelIdTwiceIsReported() {
        assertThat(violationsAfter("events.json", d -> ((ObjectNode) d.path("panels").get(2))
                .set("id", d.path("panels").get(1).path("id"))))
                .anyMatch(v -> v.contains("not unique"));
    }

    @Test
    void aPanelOnAFixedDatasourceIsReported() {
        assertThat(violationsAfter("api.json", d -> ((ObjectNode) firstPanel(d).path("datasource"))
                .put("uid", "prometheus-main")))
                .anyMatch(v -> v.endsWith("datasource is not the ${datasource} variable"));
    }

    @Test
    void anAppMetricQueriedWithoutTheNamespaceFilterIsReported() {
        assertThat(violationsAfter("reminders.json", d -> editFirstQuery(d,
                q -> q.replace("namespace=\"$namespace\", ", ""))))
                .anyMatch(v -> v.contains("not filtered by namespace=\"$namespace\""));
    }

    @Test
    void anAppMetricQueriedWithoutThePodFilterIsReported() {
        assertThat(violationsAfter("assistant.json", d -> editFirstQuery(d, q -> q.replace(", pod=~\"$pod\"", ""))))
                .anyMatch(v -> v.contains("not filtered by pod=~\"$pod\""));
    }

    @Test
    void aRecordingRuleQueriedAcrossNamespacesIsReported() {
        assertThat(violationsAfter("overview.json", d -> editFirstQuery(d,
                q -> q.replace("{namespace=~\"$namespace|\"}", ""))))
                .anyMatch(v -> v.contains("slo:objective:ratio not filtered by namespace"));
    }

    @Test
    void aMetricNobodyExportsIsReported() {
        assertThat(violationsAfter("api.json", d -> editFirstQuery(d,
                q -> q.replace("http_server_requests_seconds_count", "http_requests_total"))))
                .anyMatch(v -> v.contains("http_requests_total is no metric"));
    }

    @Test
    void aRateOverAFixedWindowIsReported() {
        assertThat(violationsAfter("events.json", d -> editFirstQuery(d,
                q -> q.replace("[$__rate_interval]", "[5m]").replace("max(", "sum(rate(")
                        .replace("})", "}[5m]))"))))
                .anyMatch(v -> v.contains("rate over [5m] instead of [$__rate_interval]"));
    }

    @Test
    void aBucketBoundWrittenAsAnIntegerIsReported() {
        Map<String, String> files = new LinkedHashMap<>(GrafanaDashboards.files());
        files.put("reminders.json", files.get("reminders.json").replace("le=\\\"5.0\\\"", "le=\\\"5\\\""));

        assertThat(GrafanaDashboards.violations(files)).anyMatch(v -> v.contains("le=\"5\" matches no bucket"));
    }

    @Test
    void aMissingVariableIsReported() {
        assertThat(violationsAfter("jvm-database.json", d -> ((ArrayNode) d.path("templating").path("list")).remove(3)))
                .contains("jvm-database.json: no $pod variable");
    }

    @Test
    void aRowThatAsksNoQuestionIsReported() {
        assertThat(violationsAfter("overview.json", d -> ((ObjectNode) d.path("panels").get(0))
                .put("title", "SLOs")))
                .contains("overview.json: panel \"SLOs\": a row's title is the question it answers, ending in ?");
    }

    @Test
    void aPanelWithoutUnitIsReported() {
        assertThat(violationsAfter("assistant.json", d -> ((ObjectNode) firstPanel(d).path("fieldConfig")
                .path("defaults")).remove("unit")))
                .anyMatch(v -> v.endsWith(": no unit"));
    }

    @Test
    void aLinkToAMissingDashboardIsReported() {
        assertThat(violationsAfter("reminders.json", d -> ((ObjectNode) d.path("links").get(0))
                .put("url", "/d/taskstream-gone")))
                .contains("reminders.json: link /d/taskstream-gone leads to no dashboard")
                .anyMatch(v -> v.startsWith("reminders.json: no link to "));
    }

    /** With Debian's promtool at hand, every panel query (variables filled in) parses as PromQL of Prometheus 2.42. */
    @Test
    void everyQueryParsesAsPromQl(@TempDir Path dir) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "needs promtool (Debian prometheus)");
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        List<String> queries = new ArrayList<>();
        GrafanaDashboards.files().values().forEach(t -> queries.addAll(GrafanaDashboards.queries(GrafanaDashboards.parse(t))));
        for (int i = 0; i < queries.size(); i++) {
            String expr = queries.get(i).replace("$__rate_interval", "1m").replace("$namespace", "taskstream")
                    .replace("$role_group", ".*").replace("$pod", ".*");
            rules.append("      - record: dashboard:query").append(i).append(":check\n        expr: ")
                    .append(new ObjectMapper().writeValueAsString(expr)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("queries.yaml"), rules);
        Process check = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: " + queries.size() + " rules found");
    }

    private static List<String> violationsOf(Map<String, String> files) {
        return GrafanaDashboards.violations(files);
    }

    private static List<String> violationsAfter(String file, Consumer<ObjectNode> breach) {
        Map<String, String> files = new LinkedHashMap<>(GrafanaDashboards.files());
        ObjectNode dashboard = dashboard(file);
        breach.accept(dashboard);
        files.put(file, dashboard.toString());
        return GrafanaDashboards.violations(files);
    }

    private static ObjectNode dashboard(String file) {
        return (ObjectNode) GrafanaDashboards.parse(GrafanaDashboards.files().get(file));
    }

    private static ObjectNode firstPanel(JsonNode dashboard) {
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                return (ObjectNode) panel;
            }
        }
        throw new AssertionError("no panel");
    }

    private static void editFirstQuery(JsonNode dashboard, java.util.function.UnaryOperator<String> edit) {
        ObjectNode target = (ObjectNode) firstPanel(dashboard).path("targets").get(0);
        String before = target.path("expr").asText();
        String after = edit.apply(before);
        assertThat(after).as("the breach changes the query").isNotEqualTo(before);
        target.put("expr", after);
    }
}
