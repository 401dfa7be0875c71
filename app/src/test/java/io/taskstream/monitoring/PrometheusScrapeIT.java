package io.taskstream.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.PrometheusServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus (the oldest this product supports, Debian's 2.42) scrapes the app with its own content
 * negotiation, which picks OpenMetrics, while tracing puts exemplars on the metrics: the scrape succeeds and the
 * series arrive. Exemplars sit only where every supported Prometheus takes them (histogram buckets, counters).
 */
class PrometheusScrapeIT extends MonitoredAppIT {

    /** What Prometheus 2.42 sends when scraping (OpenMetrics first, the classic text format as a fallback). */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    static final Pattern EXEMPLAR_LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? \\S+( \\S+)? # \\{.*");

    @RegisterExtension
    static final PrometheusServer prometheus = PrometheusServer.withoutRules("scrape-it");

    @BeforeEach
    void startPrometheus() {
        prometheus.scrape(managementPort);
    }

    @Test
    void prometheusScrapesTheAppsOpenMetricsWithExemplarsWithoutAnError() {
        someTraffic();
        Instant afterTraffic = Instant.now();

        JsonNode target = Eventually.await(Duration.ofSeconds(20), () -> prometheus.targets().path(0),
                t -> t.has("lastScrape") && Instant.parse(t.get("lastScrape").asString()).isAfter(afterTraffic.plusSeconds(1)));

        assertThat(target.get("lastError").asString()).as(prometheus.log()).isEmpty();
        assertThat(target.get("health").asString()).isEqualTo("up");
        assertThat(target.get("labels").get("job").asString()).isEqualTo("taskstream");
        assertThat(prometheus.query("up{job=\"taskstream\",namespace=\"taskstream\",pod=\"scrape-it\",role_group=\"all\"}"))
                .singleElement().satisfies(up -> assertThat(up.get("value").get(1).asString()).isEqualTo("1"));
        assertThat(Eventually.await(Duration.ofSeconds(10), prometheus::metricNames,
                names -> names.contains("http_server_requests_seconds_count")))
                .as("the API latency histogram with SLO buckets").contains("http_server_requests_seconds_bucket")
                .contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                        "hikaricp_connections_acquire_seconds_count", "taskstream_outbox_published_total",
                        "taskstream_events_consumed_total");
        assertThat(prometheus.query("sum(http_server_requests_seconds_count{uri=\"/api/{userId}/tasks\"})"))
                .as("the traffic's requests").singleElement()
                .satisfies(sum -> assertThat(sum.get("value").get(1).asDouble()).isGreaterThanOrEqualTo(6));
    }

    @Test
    void exemplarsSitOnlyOnHistogramBucketsAndCounters() throws Exception {
        someTraffic();

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                .header("Accept", PROMETHEUS_ACCEPT).build(), HttpResponse.BodyHandlers.ofString());
        List<String> exemplified = scrape.body().lines().map(EXEMPLAR_LINE::matcher).filter(m -> m.matches())
                .map(m -> m.group(1)).toList();

        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(exemplified).as("traced requests leave exemplars").contains("http_server_requests_seconds_bucket")
                .allSatisfy(name -> assertThat(name).matches(".*(_bucket|_total)"));
    }
}
