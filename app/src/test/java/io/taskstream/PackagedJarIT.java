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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The artifact users run: {@code java -jar target/taskstream.jar} with embedded defaults starts, serves the
 * web app, the API document and the API. Catches what the test classpath hides (a dependency only the
 * tests have, a resource missing from the jar).
 */
class PackagedJarIT {

    @Test
    void theRunnableJarStartsWithEmbeddedDefaultsAndServesTheProduct() throws Exception {
        Path jar = Path.of("target/taskstream.jar");
        assertThat(jar).exists();
        Path dataDir = Files.createTempDirectory(Path.of("target"), "jar-it-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dataDir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("TASKSTREAM_DATA_DIR", dataDir.toAbsolutePath().toString());
        Process app = builder.start();
        try {
            String base = "http://localhost:" + port;
            awaitReady(base, app, log);
            HttpApi api = new HttpApi(port);

            assertThat(api.get("/").body()).contains("<div id=\"root\"");
            assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
            Session ann = api.signup("Europe/Berlin");
            assertThat(api.as(ann).post(ann.tasks(), TaskJson.task("From the jar").json()).status()).isEqualTo(201);
            assertThat(api.as(ann).get(ann.tasks()).titles()).containsExactly("From the jar");
            assertThat(Files.readString(log)).doesNotContain("ERROR");
        } finally {
            app.destroy();
            if (!app.waitFor(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
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
