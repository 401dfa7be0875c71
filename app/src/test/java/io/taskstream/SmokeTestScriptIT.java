package io.taskstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment's smoke test ({@code deploy/scripts/smoke-test.sh}, what {@code helm test} runs after every deploy
 * and rollback) run by this machine's sh and curl, with the environment the chart gives it, against the packaged app
 * with every role and its embedded event transport: it passes on a healthy app and fails, saying why, where no app
 * answers.
 */
class SmokeTestScriptIT {

    static final Path SCRIPT = Path.of("..", "deploy", "scripts", "smoke-test.sh");

    private static JarProcess app;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of("target/taskstream.jar");
        assertThat(jar).exists();
        assertThat(SCRIPT).exists();
        app = JarProcess.start(jar, Files.createTempDirectory(Path.of("target"), "smoke-test-it-"), List.of(),
                List.of("-Xmx512m"), Map.of()).awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void passesAgainstTheRunningAppOnceTheAuditRoleHasRecordedTheNewTask() throws Exception {
        Result result = run(app.baseUrl());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("signing up smoke-", "created task ", "audit history: [");
    }

    @Test
    void failsSayingWhereItLookedWhenNoAppAnswersAtTheUrl() throws Exception {
        String nobody = "http://127.0.0.1:9"; // the discard port: nothing answers HTTP there

        Result result = run(nobody);

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("cannot sign up at " + nobody, "is the api running, ready and reachable");
    }

    /** {@code sh smoke-test.sh} with the chart's environment (TASKSTREAM_URL, ATTEMPTS), its polling made quicker. */
    private static Result run(String url) throws IOException, InterruptedException {
        Path output = Files.createTempFile(Path.of("target"), "smoke-test-", ".txt");
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("TASKSTREAM_URL", url);
        builder.environment().put("ATTEMPTS", "30");
        builder.environment().put("INTERVAL", "0.5");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the smoke test did not finish within 60 s:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private record Result(int exit, String output) {
    }
}
