package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lighthouse benchmark's scripts ({@code bench/web/lighthouse.sh}, {@code bench/web/lighthouse.mjs}) without
 * running Lighthouse: the shell script parses, and the report, latest figures and history line that a run writes
 * come out right from a saved Lighthouse result.
 */
class LighthouseBenchScriptTest {

    private static final Path ROOT = Chart.REPOSITORY;
    private static final Path SCRIPT = ROOT.resolve("bench/web/lighthouse.sh");
    private static final Path SUMMARY = ROOT.resolve("bench/web/lighthouse.mjs");

    @TempDir
    Path dir;

    @Test
    void theRunScriptIsValidBash() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Result result = run(List.of("bash", "-n", SCRIPT.toString()));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.isExecutable(SCRIPT)).as("executable").isTrue();
    }

    @Test
    void aSavedResultBecomesTheReportTheLatestFiguresAndOneHistoryLine() throws Exception {
        assumeTrue(node() != null, "needs node");
        Path lhr = dir.resolve("lhr.json");
        Files.writeString(lhr, """
                {"lighthouseVersion": "12.2.3", "fetchTime": "2026-12-07T22:00:00.000Z",
                 "finalDisplayedUrl": "http://127.0.0.1:40000/", "configSettings": {"formFactor": "desktop"},
                 "categories": {
                   "performance": {"score": 0.97, "auditRefs": [{"id": "largest-contentful-paint", "weight": 25}]},
                   "accessibility": {"score": 0.93, "auditRefs": [{"id": "color-contrast", "weight": 7},
                                                                  {"id": "label", "weight": 7}]},
                   "best-practices": {"score": 1, "auditRefs": []},
                   "seo": {"score": 0.9, "auditRefs": []}},
                 "audits": {
                   "first-contentful-paint": {"numericValue": 412.5}, "largest-contentful-paint": {"numericValue": 640,
                     "score": 1, "title": "Largest Contentful Paint"},
                   "total-blocking-time": {"numericValue": 12}, "cumulative-layout-shift": {"numericValue": 0.0012},
                   "speed-index": {"numericValue": 700},
                   "color-contrast": {"score": 0, "title": "Background and foreground colors do not have a sufficient contrast ratio."},
                   "label": {"score": 1, "title": "Form elements have associated labels"}}}
                """);
        Path results = dir.resolve("results");

        Result first = run(List.of(node(), SUMMARY.toString(), "--summarise", lhr.toString(), results.toString()));
        Result second = run(List.of(node(), SUMMARY.toString(), "--summarise", lhr.toString(), results.toString()));

        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(first.stdout()).contains("| performance | 97 | ≥ 90 met |", "| accessibility | 93 | ≥ 95 **missed** |",
                "| best-practices | 100 | ≥ 95 met |");
        String report = Files.readString(results.resolve("lighthouse-2026-12-07.md"));
        assertThat(report).contains("Lighthouse 12.2.3, desktop preset", "`color-contrast`", "| Largest Contentful Paint | 640 ms |")
                .doesNotContain("`label`");
        JsonNode latest = new ObjectMapper().readTree(results.resolve("lighthouse-latest.json").toFile());
        assertThat(latest.get("scores").get("accessibility").asInt()).isEqualTo(93);
        List<String> history = Files.readAllLines(results.resolve("lighthouse-history.tsv"));
        assertThat(history).hasSize(3);
        assertThat(history.get(0)).startsWith("date\tcommit\tload_before\tperformance\taccessibility\tbest_practices");
        assertThat(history.get(1).split("\t")).containsSequence("97", "93", "100", "90", "413", "640", "12", "0.001")
                .endsWith("lighthouse-2026-12-07.md");
    }

    private static String node() {
        for (String candidate : List.of("/usr/bin/node", "/usr/local/bin/node")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ends", command).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }
}
