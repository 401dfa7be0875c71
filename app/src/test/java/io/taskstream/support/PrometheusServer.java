package io.taskstream.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus server (Debian's {@code /usr/bin/prometheus}) scraping the application every second, as the
 * chart's ServiceMonitor does: job {@code taskstream}, labels {@code namespace="taskstream"}, {@code pod},
 * {@code role_group="all"}, and the rule files of {@code deploy/monitoring/rules} loaded (evaluated every second).
 * Register it on a test class ({@code @RegisterExtension static final PrometheusServer prometheus = ...}); it starts
 * on the first {@link #scrape(int)} (the app's port is known only then) and stops, its data deleted, after the class.
 * Its own log is {@code prometheus.log} in its directory, quoted when it fails to start.
 */
public final class PrometheusServer implements AfterAllCallback {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    /** The monitoring configuration of the deployment, from the app module's directory. */
    public static final Path MONITORING = Path.of("..", "deploy", "monitoring");
    public static final String NAMESPACE = "taskstream";
    public static final String ROLE_GROUP = "all";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String pod;
    private final boolean rules;
    private Path dir;
    private Process process;
    private int port;
    private int target;

    private PrometheusServer(String pod, boolean rules) {
        this.pod = pod;
        this.rules = rules;
    }

    /** A server that evaluates the deployment's recording and alerting rules. */
    public static PrometheusServer withRules(String pod) {
        return new PrometheusServer(pod, true);
    }

    /** A server that only scrapes. */
    public static PrometheusServer withoutRules(String pod) {
        return new PrometheusServer(pod, false);
    }

    /** The rule files of the deployment ({@code deploy/monitoring/rules/*.yaml}), sorted; none if there are none. */
    public static List<Path> ruleFiles() {
        Path rulesDir = MONITORING.resolve("rules");
        if (!Files.isDirectory(rulesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(rulesDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted()
                    .map(f -> f.toAbsolutePath().normalize()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String pod() {
        return pod;
    }

    /**
     * Starts the server scraping {@code localhost:managementPort/actuator/prometheus}, unless it already does,
     * and waits until it is ready.
     */
    public synchronized PrometheusServer scrape(int managementPort) {
        if (process != null) {
            if (managementPort != target) {
                throw new IllegalStateException("already scraping port " + target + ", not " + managementPort);
            }
            return this;
        }
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's Prometheus server with "
                    + "`apt-get install prometheus` (.ci/run does)");
        }
        target = managementPort;
        port = ChildProcesses.freePort();
        try {
            dir = Files.createTempDirectory("prometheus-");
            Files.writeString(dir.resolve("prometheus.yml"), config(managementPort));
            process = new ProcessBuilder(BINARY.toString(),
                    "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--web.enable-lifecycle")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    private String config(int managementPort) {
        StringBuilder yaml = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                """);
        List<Path> files = rules ? ruleFiles() : List.of();
        if (!files.isEmpty()) {
            yaml.append("rule_files:\n");
            files.forEach(f -> yaml.append("  - '").append(f).append("'\n"));
        }
        yaml.append("""
                scrape_configs:
                  - job_name: taskstream
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['localhost:%d']
                        labels:
                          namespace: %s
                          pod: %s
                          role_group: %s
                """.formatted(managementPort, NAMESPACE, pod, ROLE_GROUP));
        return yaml.toString();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            ChildProcesses.sleep(100);
        }
        throw new IllegalStateException("Prometheus was not ready within 30 s:\n" + log());
    }

    /** The server's own log so far. */
    public String log() {
        try {
            return dir == null ? "" : Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The result ({@code data.result}) of an instant query; fails with Prometheus' error for a bad query. */
    public JsonNode query(String promql) {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).get("result");
    }

    /** Every alert that is pending or firing ({@code data.alerts} of {@code /api/v1/alerts}). */
    public JsonNode alerts() {
        return api("/api/v1/alerts").get("alerts");
    }

    /** The active scrape targets, with their {@code health} and {@code lastError}. */
    public JsonNode targets() {
        return api("/api/v1/targets?state=active").get("activeTargets");
    }

    /** The loaded rule groups ({@code data.groups} of {@code /api/v1/rules}). */
    public JsonNode ruleGroups() {
        return api("/api/v1/rules").get("groups");
    }

    /** The names of every series Prometheus holds ({@code __name__} values). */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        api("/api/v1/label/__name__/values").forEach(n -> names.add(n.asString()));
        return names;
    }

    /** The {@code data} of a successful API answer; otherwise fails with the error Prometheus gave. */
    public JsonNode api(String pathAndQuery) {
        try {
            HttpResponse<String> response = get(pathAndQuery);
            JsonNode body = HttpApi.JSON.readTree(response.body());
            if (!"success".equals(body.path("status").asString())) {
                throw new PrometheusError(pathAndQuery, body.path("errorType").asString() + ": "
                        + body.path("error").asString());
            }
            return body.get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException {
        if (process == null) {
            throw new IllegalStateException("Prometheus is not started: call scrape(port) first");
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(uri().resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Stops the server and deletes its directory. */
    public synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(process, Duration.ofSeconds(10));
            process = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
            dir = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** An error answer of Prometheus' HTTP API (a bad query, for instance). */
    public static final class PrometheusError extends RuntimeException {
        PrometheusError(String request, String error) {
            super(error + " (" + request + ")");
        }
    }
}
