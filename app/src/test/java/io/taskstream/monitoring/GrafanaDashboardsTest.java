package io.taskstream.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.HttpApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrafanaDashboardsTest {

    @Test
    void variablesAndBuiltInsAreReplacedInEveryForm() {
        Map<String, String> variables = Map.of("namespace", "taskstream", "role_group", "all", "pod", "x");

        assertThat(GrafanaDashboards.render("sum by (pod) (rate(a_total{namespace=\"$namespace\", "
                + "role_group=~\"${role_group:regex}\", pod=~\"[[pod]]\"}[$__rate_interval])) / $__range_s * "
                + "$__interval_ms [${__range}]", variables))
                .isEqualTo("sum by (pod) (rate(a_total{namespace=\"taskstream\", role_group=~\"all\", "
                        + "pod=~\"x\"}[1m])) / 300 * 60000 [5m]");
    }

    @Test
    void panelsInsideRowsAreReadAndVariablesTakeTheTargetsLabelsOrTheirCurrentValue() {
        var dashboard = HttpApi.JSON.readTree("""
                {"panels": [
                   {"type": "stat", "title": "Up", "targets": [{"refId": "A", "expr": "up"}]},
                   {"type": "row", "title": "Events", "collapsed": true, "panels": [
                     {"type": "timeseries", "title": "Backlog", "targets": [
                       {"refId": "A", "expr": "taskstream_outbox_pending"}, {"refId": "B", "expr": ""}]}]}],
                 "templating": {"list": [
                   {"name": "namespace", "current": {"value": "prod"}},
                   {"name": "consumer", "current": {"value": ["$__all"]}, "allValue": ".+"},
                   {"name": "quantile", "current": {"value": "0.99"}}]}}
                """);

        assertThat(GrafanaDashboards.queries(dashboard)).extracting(GrafanaDashboards.Query::expr)
                .containsExactly("up", "taskstream_outbox_pending");
        assertThat(GrafanaDashboards.variables(dashboard, Map.of("namespace", "taskstream")))
                .containsEntry("namespace", "taskstream").containsEntry("consumer", ".+")
                .containsEntry("quantile", "0.99");
    }
}
