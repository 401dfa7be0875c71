package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a benchmark run ends ({@code finish_run} of {@code bench/lib.sh}, the EXIT trap of the scripts that start the
 * app): the processes it started are stopped whether it passed or failed, its work dir goes only when it passed, and
 * the script keeps its exit status.
 */
class BenchRunEndScriptTest {

    private static final Path LIB = Chart.REPOSITORY.resolve("bench/lib.sh");

    @TempDir
    Path dir;

    @Test
    void aPassedRunStopsWhatItStartedAndRemovesItsWorkDir() throws Exception {
        Run run = run("true");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("body done");
        assertThat(alive(run.startedPid())).as("the process the run started").isFalse();
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void aFailedRunStopsWhatItStartedKeepsItsWorkDirAndFails() throws Exception {
        Run run = run("exit 3");

        assertThat(run.exit()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).doesNotContain("body done").contains("work dir kept: " + dir.resolve("work"));
        assertThat(alive(run.startedPid())).as("the process the run started").isFalse();
        assertThat(dir.resolve("work/data")).isDirectory();
    }

    /** A run that starts a long sleep, names it and an unset variable to finish_run, then ends with {@code end}. */
    private Run run(String end) throws Exception {
        Path script = dir.resolve("run.sh");
        Files.writeString(script, """
                set -euo pipefail
                source '%s'
                WORK='%s'
                mkdir -p "$WORK/data"
                sleep 300 &
                SLEEP_PID=$!
                echo "$SLEEP_PID" > '%s'
                trap 'finish_run NEVER_STARTED_PID:1 SLEEP_PID:5' EXIT
                %s
                echo body done
                """.formatted(LIB, dir.resolve("work"), dir.resolve("pid"), end));
        Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the run ends").isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        return new Run(process.exitValue(), output, Long.parseLong(Files.readString(dir.resolve("pid")).strip()));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private record Run(int exit, String output, long startedPid) {}
}
