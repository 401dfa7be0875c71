package io.taskstream.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar as users start it ({@code java -jar taskstream.jar}), in a process of its own with its data
 * directory, on a free port, its output in {@code <data dir>/app.log}. For the tests of the artifact and for
 * the benchmarks, which run with the test classpath.
 */
public final class JarProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL started on port (\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private JarProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code <launcher...> java <jvmOptions...> -jar <jar>} in {@code dataDir} with {@code SERVER_PORT},
     * {@code TASKSTREAM_DATA_DIR} and the given environment.
     */
    public static JarProcess start(Path jar, Path dataDir, List<String> launcher, List<String> jvmOptions,
            Map<String, String> environment) throws IOException {
        Path data = dataDir.toAbsolutePath();
        Files.createDirectories(data);
        int port = ChildProcesses.freePort();
        Path log = data.resolve("app.log");
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(data.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("TASKSTREAM_DATA_DIR", data.toString());
        return new JarProcess(builder.start(), port, log);
    }

    /**
     * Waits until the readiness probe answers 200. If the jar exits or takes too long, stops it and fails with
     * the log's tail.
     */
    public JarProcess awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the jar exited:\n" + tail());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        String tail = tail();
        close();
        throw new IllegalStateException("the jar did not become ready within " + timeout + ":\n" + tail);
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** The port of the PostgreSQL the jar started for itself, from its log. */
    public int embeddedPostgresPort() throws IOException {
        Matcher m = POSTGRES_PORT.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no embedded PostgreSQL port in the log:\n" + tail());
        }
        return Integer.parseInt(m.group(1));
    }

    /** The last 40 lines of the log. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops the jar as a service manager would (SIGTERM), forcibly if it takes longer than 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
