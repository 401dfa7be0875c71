package io.taskstream.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The production topology on this machine, run by the script operators use ({@code deploy/local/topology.sh}):
 * PostgreSQL, a Kafka broker and each role as its own JVM of the packaged jar, on loopback. Tests and
 * benchmarks drive it through this class; it never starts anything itself. {@link #close()} stops it all, and
 * the script's watchdog does so too if this JVM dies without closing it.
 */
public final class LocalTopology implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);

    private final Path script;
    private final Path work;
    private final Map<String, String> environment;

    private LocalTopology(Path script, Path work, Map<String, String> environment) {
        this.script = script;
        this.work = work;
        this.environment = environment;
    }

    /**
     * Starts a topology of the jar in {@code jar} with {@code reminders} reminders processes and waits until
     * every process is ready. {@code roleEnvironment} goes to every role (e.g. {@code TASKSTREAM_*} settings).
     */
    public static LocalTopology up(Path repository, Path jar, Path work, int reminders, Map<String, String> roleEnvironment) {
        Map<String, String> env = new LinkedHashMap<>(roleEnvironment);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TOPOLOGY_WORK", work.toAbsolutePath().toString());
        env.put("TOPOLOGY_JAR", jar.toAbsolutePath().toString());
        env.put("TOPOLOGY_REMINDERS", Integer.toString(reminders));
        env.put("TOPOLOGY_PORT_BASE", Integer.toString(freePortRange(13)));
        // The broker's jars are on this JVM's class path already (the tests' Kafka dependency).
        env.put("TOPOLOGY_KAFKA_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        env.put("TOPOLOGY_WATCH_PID", Long.toString(ProcessHandle.current().pid()));
        LocalTopology topology = new LocalTopology(repository.resolve("deploy/local/topology.sh").toAbsolutePath(),
                work.toAbsolutePath(), env);
        try {
            topology.run("up");
        } catch (RuntimeException | Error e) {
            topology.close();
            throw e;
        }
        return topology;
    }

    /** The app's HTTP port of a process ({@code api}, {@code recurrence}, {@code reminders-2}, ...). */
    public int port(String process) {
        String port = addresses().get("TOPOLOGY_PORT_" + process.replace('-', '_').toUpperCase(Locale.ROOT));
        if (port == null) {
            throw new IllegalArgumentException("no such process: " + process);
        }
        return Integer.parseInt(port);
    }

    /** A client of the {@code api} process. */
    public HttpApi api() {
        return new HttpApi(port("api"));
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(addresses().get("TOPOLOGY_DATABASE_URL"), addresses().get("TOPOLOGY_DATABASE_USER"), "");
    }

    public String kafkaBootstrapServers() {
        return addresses().get("TOPOLOGY_KAFKA");
    }

    /** SIGKILL, as a crash: no shutdown hooks, no graceful stop of consumers or the relay. */
    public void kill(String process) {
        run("kill", process);
    }

    /** Starts a process that was stopped or killed and waits until it is ready. */
    public void start(String process) {
        run("start", process);
    }

    /** The addresses the script wrote for its users ({@code topology.env}: ports, database URL, Kafka). */
    private Map<String, String> addresses() {
        try {
            Map<String, String> addresses = new LinkedHashMap<>();
            for (String line : Files.readAllLines(work.resolve("topology.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    addresses.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return addresses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid(String process) {
        try {
            return Long.parseLong(Files.readString(work.resolve(process + ".pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log(String process) {
        return work.resolve(process + ".log");
    }

    /** The process's Prometheus metrics (its {@code /actuator/prometheus}). */
    public Metrics metrics(String process) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port(process) + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(process + " answered " + response.statusCode() + " for its metrics");
            }
            return new Metrics(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops every process (SIGTERM, then waits). */
    @Override
    public void close() {
        run("down");
    }

    private void run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path output = work.resolve("topology-" + args[0] + ".out");
        try {
            Files.createDirectories(work);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("topology.sh " + String.join(" ", args) + " did not finish; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("topology.sh " + String.join(" ", args) + " failed:\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first of {@code count} consecutive free loopback ports, below Linux's ephemeral range (32768 and up): there
     * an outgoing connection of any process could take one between this check and the role's bind.
     */
    private static int freePortRange(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_768 - count);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no range of " + count + " free ports");
    }

    /** Prometheus text of one process. */
    public record Metrics(String text) {

        /**
         * The sum of the samples of a metric whose labels include every {@code label="value"} given (as
         * {@code "label", "value"} pairs); 0 when there is none.
         */
        public double value(String name, String... labels) {
            return samples(name, labels).stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Whether the process has the metric at all with these labels. */
        public boolean has(String name, String... labels) {
            return !samples(name, labels).isEmpty();
        }

        private List<Double> samples(String name, String... labels) {
            List<Double> values = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                    continue;
                }
                boolean matches = true;
                for (int i = 0; i + 1 < labels.length; i += 2) {
                    matches &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
                }
                if (matches) {
                    values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
            return values;
        }
    }
}
