package io.taskstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.JarProcess;
import io.taskstream.support.TaskJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The artifact users run: {@code java -jar target/taskstream.jar} with embedded defaults starts, serves the
 * web app, the API document and the API. Catches what the test classpath hides (a dependency only the
 * tests have, a resource missing from the jar).
 */
class PackagedJarIT {

    @Test
    void theRunnableJarStartsWithEmbeddedDefaultsAndServesTheProduct() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "jar-it-");
        try (JarProcess app = start(List.of(), dataDir)) {
            HttpApi api = new HttpApi(app.port());

            assertThat(api.get("/").body()).contains("<div id=\"root\"");
            assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
            Session ann = api.signup("Europe/Berlin");
            assertThat(api.as(ann).post(ann.tasks(), TaskJson.task("From the jar").json()).status()).isEqualTo(201);
            assertThat(api.as(ann).get(ann.tasks()).titles()).containsExactly("From the jar");
            assertThat(Files.readString(app.log())).doesNotContain("ERROR");
            assertThat(Files.readAllLines(app.log())).filteredOn(line -> line.contains(" WARN "))
                    .as("a first start warns of nothing but the JWT secret it generated")
                    .singleElement().asString().contains("No JWT secret configured");
        }
    }

    /**
     * Ctrl-C in the terminal of {@code ./run.sh} signals the whole foreground process group: the JVM stops
     * the schedulers, relay and pool and then its PostgreSQL, within seconds, quietly, and leaves no server
     * behind. The jar runs in a process group of its own here, with SIGINT at its default (a background
     * build may have started this JVM ignoring it), and the group gets SIGINT as from a terminal.
     */
    @Test
    void ctrlCStopsTheJarAndItsPostgresWithinSecondsWithoutErrors() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "jar-ctrl-c-it-");
        try (JarProcess jar = start(List.of("setsid", "env", "--default-signal=INT"), dataDir)) {
            Process app = jar.process();
            HttpApi api = new HttpApi(jar.port());
            Session ann = api.signup("Europe/Berlin");
            assertThat(api.as(ann).post(ann.tasks(), TaskJson.task("Before Ctrl-C").json()).status()).isEqualTo(201);
            assertThat(postgresOf(dataDir)).as("the embedded PostgreSQL of this jar").isNotEmpty();

            long started = System.nanoTime();
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + app.pid()).inheritIO().start();
            assertThat(kill.waitFor()).isZero();

            assertThat(app.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s of Ctrl-C:\n" + jar.tail()).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(app.exitValue()).as("exit status after SIGINT, in %s", took).isEqualTo(130);
            assertThat(Files.readString(jar.log())).doesNotContain("ERROR").doesNotContain("Exception");
            assertThat(postgresOf(dataDir)).as("PostgreSQL processes left behind").isEmpty();
            assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the server shut down cleanly").doesNotExist();
        }
    }

    private static JarProcess start(List<String> launcher, Path dataDir) throws Exception {
        Path jar = Path.of("target/taskstream.jar");
        assertThat(jar).exists();
        return JarProcess.start(jar, dataDir, launcher, List.of("-Xmx512m"), Map.of()).awaitReady(Duration.ofSeconds(120));
    }

    /** The postmaster serving the data in {@code dataDir} (its children exit with it). */
    private static List<ProcessHandle> postgresOf(Path dataDir) {
        String data = dataDir.toAbsolutePath().resolve("postgres").toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().filter(line -> line.contains("postgres")
                        && line.contains(data)).isPresent())
                .toList();
    }
}
