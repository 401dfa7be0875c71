package io.taskstream.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlMetricNamesTest {

    @Test
    void aSelectorsNameIsAMetricNameAndItsLabelMatchersAreNot() {
        assertThat(PromqlMetricNames.of("taskstream_outbox_pending{namespace=\"taskstream\", pod=~\"a|b\"}"))
                .containsExactly("taskstream_outbox_pending");
    }

    @Test
    void functionsAggregationsAndRangesAreNotMetricNames() {
        assertThat(PromqlMetricNames.of("histogram_quantile(0.99, sum by (le, uri) "
                + "(rate(http_server_requests_seconds_bucket{method=\"GET\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void labelListsOfByWithoutOnIgnoringAndGroupModifiersAreNotMetricNames() {
        assertThat(PromqlMetricNames.of("sum(rate(a_total[1m])) without (instance) / on (namespace) group_left (pod) "
                + "max by(namespace)(b) + ignoring(slo) c and count(d) by (job)"))
                .containsExactlyInAnyOrder("a_total", "b", "c", "d");
    }

    @Test
    void keywordsNumbersDurationsAndStringsAreNotMetricNames() {
        assertThat(PromqlMetricNames.of("x offset 5m > bool 1e3 or y @ start() unless z * 0.5 "
                + "or label_replace(w, \"dst\", \"$1\", \"src\", \"(up)\") or vector(1) or -Inf"))
                .containsExactlyInAnyOrder("x", "y", "z", "w");
    }

    @Test
    void subqueriesAndRecordingRuleNamesAreRead() {
        assertThat(PromqlMetricNames.of("max_over_time(slo:sli_error:ratio_rate5m{slo=\"api-availability\"}[1h:1m])"))
                .containsExactly("slo:sli_error:ratio_rate5m");
    }

    @Test
    void aNameGivenAsANameMatcherIsRead() {
        assertThat(PromqlMetricNames.of("count({__name__=\"jvm_threads_live_threads\", job=\"taskstream\"})"))
                .containsExactly("jvm_threads_live_threads");
    }
}
