package io.taskstream.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Grafana dashboards of deploy/monitoring/dashboards/ and the rules every one of them keeps, so an on-call
 * engineer can switch namespace, role group and pod on any of them and trust that each panel shows only what the
 * service exports. {@link #violations} names each broken rule; an empty list means all hold. The app module's
 * GrafanaDashboards walks the same panels to run their queries against a live Prometheus; the deploy (Jackson 2) and app
 * (Jackson 3) modules share no test code, so each reads the panels itself.
 */
final class GrafanaDashboards {

    static final Path DIR = Chart.DEPLOY_DIR.resolve("monitoring/dashboards");
    static final List<String> VARIABLES = List.of("datasource", "namespace", "role_group", "pod");

    /** Metric families the app exports (Micrometer), by name prefix; {@code up} comes from every scrape. */
    private static final List<String> APP_FAMILIES = List.of("taskstream_", "http_server_requests_seconds_", "jvm_",
            "process_", "system_cpu_", "hikaricp_connections", "kafka_consumer_");
    /** Families of the named standard exporters (kube-state-metrics, cAdvisor): no role_group label there. */
    private static final List<String> EXPORTER_FAMILIES = List.of("kube_pod_container_status_restarts_total",
            "container_cpu_usage_seconds_total", "container_memory_working_set_bytes");
    /** Recording rules of deploy/monitoring/rules/: aggregated by namespace only. */
    private static final List<String> RECORDING_PREFIXES = List.of("slo:", "taskstream:");
    private static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate");
    private static final Set<String> UNIT_PANELS = Set.of("timeseries", "stat", "gauge", "bargauge");
    private static final Pattern DASHBOARD_URL = Pattern.compile("^/d/([^/?#]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaDashboards() {
    }

    /** The dashboard files by file name, as text. */
    static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(DIR)) {
            for (Path path : (Iterable<Path>) paths.filter(p -> p.toString().endsWith(".json"))::iterator) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Every panel of a dashboard, those nested in collapsed rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** Every PromQL expression of a dashboard's panels. */
    static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            panel.path("targets").forEach(t -> queries.add(t.path("expr").asText()));
        }
        return queries;
    }

    /** The broken rules of a set of dashboard files (file name → text), each as "file: what". */
    static List<String> violations(Map<String, String> files) {
        List<String> found = new ArrayList<>();
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            try {
                dashboards.put(name, parse(text));
            } catch (IllegalArgumentException e) {
                found.add(name + ": not valid JSON (" + e.getMessage() + ")");
            }
        });
        Map<String, String> uids = new HashMap<>();
        dashboards.forEach((name, dashboard) -> {
            String uid = dashboard.path("uid").asText();
            if (uid.isEmpty()) {
                found.add(name + ": no uid");
            } else if (uids.putIfAbsent(uid, name) != null) {
                found.add(name + ": uid " + uid + " is also " + uids.get(uid) + "'s");
            }
        });
        dashboards.forEach((name, dashboard) -> check(name, dashboard, uids, found));
        return found;
    }

    private static void check(String name, JsonNode dashboard, Map<String, String> uids, List<String> found) {
        if (!dashboard.path("tags").toString().contains("\"taskstream\"")) {
            found.add(name + ": not tagged taskstream");
        }
        checkVariables(name, dashboard, found);
        checkLinks(name, dashboard, uids, found);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            String title = panel.path("title").asText();
            String where = name + ": panel \"" + title + "\"";
            if (!panel.path("id").canConvertToInt() || !ids.add(panel.path("id").asInt())) {
                found.add(where + ": id " + panel.path("id") + " missing or not unique");
            }
            String type = panel.path("type").asText();
            if (type.equals("row")) {
                if (!title.strip().endsWith("?")) {
                    found.add(where + ": a row's title is the question it answers, ending in ?");
                }
                continue;
            }
            if (!isVariableDatasource(panel.path("datasource"))) {
                found.add(where + ": datasource is not the ${datasource} variable");
            }
            if (UNIT_PANELS.contains(type) && panel.path("fieldConfig").path("defaults").path("unit").asText().isBlank()) {
                found.add(where + ": no unit");
            }
            if (panel.path("targets").isEmpty()) {
                found.add(where + ": no query");
            }
            for (JsonNode target : panel.path("targets")) {
                if (target.has("datasource") && !isVariableDatasource(target.path("datasource"))) {
                    found.add(where + ": a query's datasource is not the ${datasource} variable");
                }
                checkQuery(where, target.path("expr").asText(), found);
            }
            for (JsonNode link : panel.path("links")) {
                checkLink(where, link.path("url").asText(), uids, found);
            }
        }
    }

    private static void checkVariables(String name, JsonNode dashboard, List<String> found) {
        Map<String, JsonNode> variables = new HashMap<>();
        dashboard.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
        for (String variable : VARIABLES) {
            if (!variables.containsKey(variable)) {
                found.add(name + ": no $" + variable + " variable");
            }
        }
        JsonNode datasource = variables.get("datasource");
        if (datasource != null && !(datasource.path("type").asText().equals("datasource")
                && datasource.path("query").asText().equals("prometheus"))) {
            found.add(name + ": $datasource is not a Prometheus data source variable");
        }
    }

    private static void checkLinks(String name, JsonNode dashboard, Map<String, String> uids, List<String> found) {
        Set<String> linked = new HashSet<>();
        for (JsonNode link : dashboard.path("links")) {
            String url = link.path("url").asText();
            checkLink(name, url, uids, found);
            Matcher m = DASHBOARD_URL.matcher(url);
            if (m.find()) {
                linked.add(m.group(1));
            }
        }
        String own = dashboard.path("uid").asText();
        for (String uid : uids.keySet()) {
            if (!uid.equals(own) && !linked.contains(uid)) {
                found.add(name + ": no link to " + uid);
            }
        }
    }

    private static void checkLink(String where, String url, Map<String, String> uids, List<String> found) {
        Matcher m = DASHBOARD_URL.matcher(url);
        if (!m.find()) {
            found.add(where + ": link " + url + " is not a dashboard's /d/<uid>");
        } else if (!uids.containsKey(m.group(1))) {
            found.add(where + ": link " + url + " leads to no dashboard");
        }
    }

    private static boolean isVariableDatasource(JsonNode datasource) {
        String uid = datasource.path("uid").asText();
        return (uid.equals("${datasource}") || uid.equals("$datasource"))
                && datasource.path("type").asText("prometheus").equals("prometheus");
    }

    private static void checkQuery(String where, String expr, List<String> found) {
        PromQlSelectors.Parsed parsed;
        try {
            parsed = PromQlSelectors.parse(expr);
        } catch (IllegalArgumentException e) {
            found.add(where + ": unreadable query (" + e.getMessage() + ")");
            return;
        }
        if (parsed.selectors().isEmpty()) {
            found.add(where + ": a query selects no metric: " + expr);
        }
        for (PromQlSelectors.Selector selector : parsed.selectors()) {
            String metric = selector.metric();
            Map<String, PromQlSelectors.Matcher> matchers = selector.matchers();
            PromQlSelectors.Matcher le = matchers.get("le");
            if (le != null && le.op().equals("=") && !isExposedBound(le.value())) {
                found.add(where + ": le=\"" + le.value() + "\" matches no bucket: the app writes bounds as Java"
                        + " doubles (le=\"1.0\", not le=\"1\")");
            }
            if (isApp(metric)) {
                require(where, metric, matchers, "namespace", "=", "$namespace", found);
                require(where, metric, matchers, "role_group", "=~", "$role_group", found);
                require(where, metric, matchers, "pod", "=~", "$pod", found);
            } else if (EXPORTER_FAMILIES.contains(metric)) {
                require(where, metric, matchers, "namespace", "=", "$namespace", found);
                require(where, metric, matchers, "pod", "=~", "$pod", found);
            } else if (RECORDING_PREFIXES.stream().anyMatch(metric::startsWith)) {
                PromQlSelectors.Matcher namespace = matchers.get("namespace");
                boolean byNamespace = namespace != null && ((namespace.op().equals("=")
                        && namespace.value().equals("$namespace")) || (namespace.op().equals("=~")
                        && namespace.value().matches("\\$namespace(\\|)?")));
                if (!byNamespace) {
                    found.add(where + ": " + metric + " not filtered by namespace=\"$namespace\"");
                }
            } else {
                found.add(where + ": " + metric + " is no metric the app, its rules or a named exporter exports");
            }
        }
        for (PromQlSelectors.Range range : parsed.ranges()) {
            if (RATE_FUNCTIONS.contains(range.function()) && !range.window().equals("$__rate_interval")) {
                found.add(where + ": " + range.function() + " over [" + range.window()
                        + "] instead of [$__rate_interval]");
            }
        }
    }

    /** A bucket bound as the Prometheus Java client writes it (Double.toString), which Prometheus 3 also keeps. */
    private static boolean isExposedBound(String value) {
        if (value.equals("+Inf")) {
            return true;
        }
        try {
            return Double.toString(Double.parseDouble(value)).equals(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isApp(String metric) {
        return metric.equals("up") || APP_FAMILIES.stream().anyMatch(metric::startsWith);
    }

    private static void require(String where, String metric, Map<String, PromQlSelectors.Matcher> matchers,
            String label, String op, String variable, List<String> found) {
        PromQlSelectors.Matcher matcher = matchers.get(label);
        if (matcher == null || !matcher.op().equals(op) || !matcher.value().equals(variable)) {
            found.add(where + ": " + metric + " not filtered by " + label + op + "\"" + variable + "\"");
        }
    }
}
