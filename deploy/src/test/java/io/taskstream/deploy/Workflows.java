package io.taskstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The GitHub Actions workflows under .github/workflows of the repository. */
final class Workflows {

    static final Path REPOSITORY = Chart.REPOSITORY;
    static final Path DIR = REPOSITORY.resolve(".github/workflows");

    private Workflows() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
