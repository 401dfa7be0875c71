package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The PromQL reader the dashboard, rule and rollout checks share finds what those expressions read. */
class PromQlSelectorsTest {

    @Test
    void selectorsAreFoundInsideAggregationsJoinsAndFunctions() {
        PromQlSelectors.Parsed parsed = PromQlSelectors.parse("""
                sum by (le) (rate(a_bucket{x="1", y=~"b|c"}[$__rate_interval]))
                / on (slo) group_left () (1 - max by (slo) (b:c:d)) and topk(3, e) > bool 0.5""");

        assertThat(parsed.selectors()).extracting(PromQlSelectors.Selector::metric)
                .containsExactly("a_bucket", "b:c:d", "e");
        assertThat(parsed.selectors().getFirst().matchers()).containsEntry("y", new PromQlSelectors.Matcher("=~", "b|c"));
        assertThat(parsed.ranges()).containsExactly(new PromQlSelectors.Range("$__rate_interval", "rate"));
    }

    @Test
    void metricNamesAreFoundInAnExpressionLikeThoseOfTheRules() {
        assertThat(PromQlSelectors.metricNames("""
                sum by (namespace, topic) (increase(a_total{application="taskstream", le="1"}[5m])) > 0
                or sum by (namespace) (b unless b offset 5m) / on (slo) group_left () (1 - c:d:ratio{slo="x"})
                and absent(up{job="taskstream"}) or vector(0.999) > bool 14.4 * histogram_quantile(0.5, e_bucket)
                or {__name__="f_total"} or {job="nameless"}"""))
                .containsExactly("a_total", "b", "c:d:ratio", "e_bucket", "f_total", "up");
    }

    @Test
    void unreadableLabelMatchersAreRefused() {
        assertThatThrownBy(() -> PromQlSelectors.parse("a{job=taskstream}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unreadable label matchers");
    }
}
