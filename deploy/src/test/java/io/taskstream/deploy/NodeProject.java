package io.taskstream.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small Node project under src/test (package.json + package-lock.json) whose script a test runs: installed by
 * `npm ci` from the lock file (only when the lock changed, through web/scripts/ensure-deps.mjs), then run with the
 * Node the web build already needs.
 */
final class NodeProject {

    private final Path dir;

    private NodeProject(Path dir) {
        this.dir = dir;
    }

    /** The project in src/test/{name}, installed. */
    static NodeProject installed(String name) throws Exception {
        NodeProject project = new NodeProject(Chart.DEPLOY_DIR.resolve("src/test").resolve(name));
        Result install = project.node("../../../../web/scripts/ensure-deps.mjs");
        if (install.exit() != 0) {
            throw new AssertionError("npm ci in " + project.dir
                    + " failed (it needs the npm registry once, then works offline):\n" + install.output());
        }
        return project;
    }

    /** Runs `node script args…` in the project; stdout is the output, stderr goes to the test's. */
    Result node(String script, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        Path output = Files.createTempFile("node-project", ".txt");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(output.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException e) {
                throw new AssertionError("This test needs Node 20+ and npm on the PATH (as the web build does): "
                        + e.getMessage(), e);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node " + String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    Result node(String script, String... args) throws Exception {
        return node(script, List.of(args));
    }

    record Result(int exit, String output) {
    }
}
