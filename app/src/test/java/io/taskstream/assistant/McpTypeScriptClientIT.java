package io.taskstream.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MCP server as a client nobody here wrote sees it: the official MCP TypeScript SDK
 * ({@code src/test/mcp-client/check.mjs}) connects with a personal API token, lists the tools and adds
 * a task. Needs Node 20+; installs the pinned SDK with {@code npm ci} when node_modules is missing.
 */
class McpTypeScriptClientIT extends ApiIT {

    private static final Path CLIENT = Path.of("src", "test", "mcp-client");

    @BeforeAll
    static void installTheSdk() throws Exception {
        if (!Files.isDirectory(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            Run npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 300);
            assertThat(npm.exit()).as("npm ci: " + npm.stderr()).isZero();
        }
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("mcp-client", ".out");
        Path err = Files.createTempFile("mcp-client", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(CLIENT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theOfficialTypeScriptSdkListsTheToolsAndAddsATask() throws Exception {
        Session ann = api.signup();
        String token = api.as(ann).post("/api/" + ann.userId() + "/api-tokens", "{\"name\":\"ts-sdk\"}")
                .json().get("token").asString();

        Run node = run(List.of("node", "check.mjs", api.baseUrl(), token, "Plan the offsite"), 60);

        assertThat(node.exit()).as(node.stderr()).isZero();
        JsonNode report = HttpApi.JSON.readTree(node.stdout().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(report.get("server").get("name").asString()).isEqualTo("taskstream");
        assertThat(report.get("tools").valueStream().map(t -> t.get("name").asString()))
                .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task",
                        "task_history");
        JsonNode added = report.get("added");
        assertThat(added.get("isError").asBoolean()).isFalse();
        assertThat(added.get("result").get("status").asString()).isEqualTo("created");
        long id = added.get("result").get("task_id").asLong();
        assertThat(report.get("listed").get(0).get("id").asLong()).isEqualTo(id);

        JsonNode task = api.as(ann).get(ann.task(id)).json();
        assertThat(task.get("title").asString()).isEqualTo("Plan the offsite");
        assertThat(task.get("priority").asString()).isEqualTo("high");
        assertThat(task.get("tags").get(0).asString()).isEqualTo("mcp");
        assertThat(task.get("dueAt").asString()).startsWith("2031-05-06");
    }
}
