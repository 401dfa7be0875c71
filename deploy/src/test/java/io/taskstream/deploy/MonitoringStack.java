package io.taskstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The monitoring stack's pinned charts (deploy/monitoring/stack/charts.txt) and values files. */
final class MonitoringStack {

    static final Path DIR = Chart.DEPLOY_DIR.resolve("monitoring/stack");

    private MonitoringStack() {
    }

    /** One row of charts.txt. */
    record PinnedChart(String component, String set, String repository, String repositoryUrl, String chart,
            String version) {

        Path values() {
            return DIR.resolve(component + ".yaml");
        }
    }

    static List<PinnedChart> charts() {
        try {
            return Files.readAllLines(DIR.resolve("charts.txt")).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .map(f -> {
                        if (f.length != 6) {
                            throw new IllegalStateException("charts.txt: six columns expected: " + String.join(" ", f));
                        }
                        return new PinnedChart(f[0], f[1], f[2], f[3], f[4], f[5]);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
