package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs deploy/monitoring/install.sh with this machine's bash and a stand-in {@code helm} on the PATH that records
 * its arguments (and fails when told to), so the script's choice of charts, versions, values files and flags is
 * exercised, not just read.
 */
class MonitoringInstallScriptTest {

    private static final Path SCRIPT = Chart.DEPLOY_DIR.resolve("monitoring/install.sh");

    @Test
    void installsEveryDefaultComponentWithItsPinnedVersionAndValuesFileIntoTheMonitoringNamespace(@TempDir Path dir)
            throws Exception {
        Result result = run(dir, Map.of());

        assertThat(result.exit()).as(result.output()).isZero();
        List<MonitoringStack.PinnedChart> expected = MonitoringStack.charts().stream()
                .filter(c -> c.set().equals("default") || c.set().equals("loki")).toList();
        assertThat(result.upgrades()).extracting(u -> u.get(2))
                .containsExactlyElementsOf(expected.stream().map(MonitoringStack.PinnedChart::component).toList());
        for (MonitoringStack.PinnedChart chart : expected) {
            List<String> upgrade = result.upgrade(chart.component());
            assertThat(upgrade.get(3)).isEqualTo(chart.repository() + "/" + chart.chart());
            assertThat(value(upgrade, "--version")).isEqualTo(chart.version());
            assertThat(value(upgrade, "--namespace")).isEqualTo("monitoring");
            Path values = Path.of(value(upgrade, "-f"));
            assertThat(values).isRegularFile();
            assertThat(values.toRealPath()).isEqualTo(chart.values().toRealPath());
            assertThat(upgrade).contains("--create-namespace").doesNotContain("--dry-run");
            assertThat(result.calls()).as("the chart's repository is added before it is installed")
                    .anyMatch(call -> call.equals(List.of("repo", "add", chart.repository(), chart.repositoryUrl(),
                            "--force-update")));
        }
        assertThat(result.upgrades()).extracting(u -> u.get(2)).doesNotContain("fluent-bit", "elasticsearch");
    }

    @Test
    void theElkAlternativeReplacesLokiAndAlloyWithTheOperatorElasticsearchAndFluentBitInThatOrder(@TempDir Path dir)
            throws Exception {
        Result result = run(dir, Map.of(), "--logs", "elk", "--namespace", "observability");

        assertThat(result.exit()).as(result.output()).isZero();
        List<String> installed = result.upgrades().stream().map(u -> u.get(2)).toList();
        assertThat(installed).containsSubsequence("eck-operator", "elasticsearch", "fluent-bit")
                .contains("kube-prometheus-stack", "jaeger", "otel-collector").doesNotContain("loki", "alloy");
        assertThat(result.upgrades()).allSatisfy(u -> assertThat(value(u, "--namespace")).isEqualTo("observability"));
    }

    @Test
    void onlyInstallsTheNamedComponentAndDryRunIsPassedToHelm(@TempDir Path dir) throws Exception {
        Result result = run(dir, Map.of(), "--only", "otel-collector", "--dry-run");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.upgrades()).singleElement().satisfies(u -> {
            assertThat(u.get(2)).isEqualTo("otel-collector");
            assertThat(u).contains("--dry-run");
        });
    }

    @Test
    void anUnknownComponentIsRefusedNamingTheKnownOnes(@TempDir Path dir) throws Exception {
        Result result = run(dir, Map.of(), "--only", "prometheus-server");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("no component prometheus-server", "kube-prometheus-stack", "jaeger");
        assertThat(result.upgrades()).isEmpty();
    }

    @Test
    void aFailingHelmStopsTheScriptBeforeTheNextComponent(@TempDir Path dir) throws Exception {
        Result result = run(dir, Map.of("HELM_STUB_FAIL", "loki"));

        assertThat(result.exit()).as(result.output()).isNotZero();
        List<String> installed = result.upgrades().stream().map(u -> u.get(2)).toList();
        assertThat(installed).containsExactly("kube-prometheus-stack", "loki");
    }

    private static String value(List<String> args, String flag) {
        int i = args.indexOf(flag);
        assertThat(i).as(flag + " in " + args).isNotNegative();
        return args.get(i + 1);
    }

    private static Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("helm-calls");
        Path helm = bin.resolve("helm");
        // One line per call, arguments separated by a unit separator; fails an upgrade of $HELM_STUB_FAIL.
        Files.writeString(helm, """
                #!/usr/bin/env bash
                (IFS=$'\\x1f'; printf '%s\\n' "$*") >> "$HELM_STUB_CALLS"
                if [ "${1:-}" = upgrade ] && [ -n "${HELM_STUB_FAIL:-}" ] && [ "${3:-}" = "$HELM_STUB_FAIL" ]; then
                  echo "Error: stub helm fails $3" >&2
                  exit 1
                fi
                """);
        Files.setPosixFilePermissions(helm, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("HELM_STUB_CALLS", calls.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<List<String>> recorded = Files.exists(calls)
                ? Files.readAllLines(calls).stream().map(line -> List.of(line.split("\u001f", -1))).toList()
                : List.of();
        return new Result(process.exitValue(), output, recorded);
    }

    private record Result(int exit, String output, List<List<String>> calls) {

        List<List<String>> upgrades() {
            return calls.stream().filter(c -> c.getFirst().equals("upgrade")).toList();
        }

        List<String> upgrade(String component) {
            return upgrades().stream().filter(u -> u.get(2).equals(component)).findFirst()
                    .orElseThrow(() -> new AssertionError("no upgrade of " + component + " in " + calls));
        }
    }
}
