package io.taskstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.TaskJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        Path log = dataDir.resolve("app.log");
        int port = freePort();
        Process app = startJar(List.of(), dataDir, port, log);
        try {
            awaitReady("http://localhost:" + port, app, log);
            HttpApi api = new HttpApi(port);

            assertThat(api.get("/").body()).contains("<div id=\"root\"");
            assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
            Session ann = api.signup("Europe/Berlin");
            assertThat(api.as(ann).post(ann.tasks(), TaskJson.task("From the jar").json()).status()).isEqualTo(201);
            assertThat(api.as(ann).get(ann.tasks()).titles()).containsExactly("From the jar");
            assertThat(Files.readString(log)).doesNotContain("ERROR");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
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
        Path log = dataDir.resolve("app.log");
        int port = freePort();
        Process app = startJar(List.of("setsid", "env", "--default-signal=INT"), dataDir, port, log);
        try {
            awaitReady("http://localhost:" + port, app, log);
            HttpApi api = new HttpApi(port);
            Session ann = api.signup("Europe/Berlin");
            assertThat(api.as(ann).post(ann.tasks(), TaskJson.task("Before Ctrl-C").json()).status()).isEqualTo(201);
            assertThat(postgresOf(dataDir)).as("the embedded PostgreSQL of this jar").isNotEmpty();

            long started = System.nanoTime();
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + app.pid()).inheritIO().start();
            assertThat(kill.waitFor()).isZero();

            assertThat(app.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s of Ctrl-C:\n" + tail(log)).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(app.exitValue()).as("exit status after SIGINT, in %s", took).isEqualTo(130);
            assertThat(Files.readString(log)).doesNotContain("ERROR").doesNotContain("Exception");
            assertThat(postgresOf(dataDir)).as("PostgreSQL processes left behind").isEmpty();
            assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the server shut down cleanly").doesNotExist();
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly();
            }
        }
    }

    private static Process startJar(List<String> launcher, Path dataDir, int port, Path log) throws IOException {
        Path jar = Path.of("target/taskstream.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("TASKSTREAM_DATA_DIR", dataDir.toAbsolutePath().toString());
        return builder.start();
    }

    /** The postmaster serving the data in {@code dataDir} (its children exit with it). */
    private static List<ProcessHandle> postgresOf(Path dataDir) {
        String data = dataDir.toAbsolutePath().resolve("postgres").toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().filter(line -> line.contains("postgres")
                        && line.contains(data)).isPresent())
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(String base, Process app, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the jar exited:\n" + tail(log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the jar did not become ready:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
