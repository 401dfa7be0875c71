package io.taskstream.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Grafana dashboard's JSON model: its panels' Prometheus queries and its variables, rendered as Grafana does.
 * The deploy module's GrafanaDashboards walks the same panels to check the files' rules; the app (Jackson 3) and deploy
 * (Jackson 2) modules share no test code, so each reads the panels itself.
 */
final class GrafanaDashboards {

    /** What $__rate_interval and $__interval become. */
    static final Duration RATE_INTERVAL = Duration.ofMinutes(1);

    private GrafanaDashboards() {
    }

    record Query(String panel, String expr) {
    }

    /** Every Prometheus query of the dashboard's panels, rows' nested panels included. */
    static List<Query> queries(JsonNode dashboard) {
        List<Query> queries = new ArrayList<>();
        collect(dashboard.path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (!expr.isBlank()) {
                    queries.add(new Query(panel.path("title").asString("(untitled)") + " [" + target.path("refId")
                            .asString("?") + "]", expr));
                }
            }
            collect(panel.path("panels"), queries);
        }
    }

    /**
     * The value each dashboard variable takes: the scrape target's label of that name (namespace, role group, pod),
     * otherwise the variable's current value (its "all" value, or any value, for All).
     */
    static Map<String, String> variables(JsonNode dashboard, Map<String, String> targetLabels) {
        Map<String, String> values = new HashMap<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode current = variable.path("current").path("value");
            String value = current.isArray() ? current.path(0).asString("") : current.asString("");
            if (value.isEmpty() || value.equals("$__all")) {
                value = variable.path("allValue").asString(".*");
            }
            values.put(variable.path("name").asString(), value);
        }
        values.putAll(targetLabels);
        return values;
    }

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)(?::[^]]*)?]]|\\$(\\w+)");

    /** The query as Grafana sends it: variables ($var, ${var}, ${var:format}, [[var]]) and built-ins replaced. */
    static String render(String expr, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = switch (name) {
                case "__rate_interval", "__interval", "__auto" -> RATE_INTERVAL.toMinutes() + "m";
                case "__interval_ms" -> Long.toString(RATE_INTERVAL.toMillis());
                case "__range" -> "5m";
                case "__range_s" -> "300";
                case "__range_ms" -> "300000";
                default -> variables.getOrDefault(name, m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
