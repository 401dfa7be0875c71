package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the `helm test` script, as the chart renders it into its ConfigMap, with this machine's sh and curl against a
 * stand-in of the Taskstream API that answers in the real response shapes, so its JSON handling and retry loop are
 * exercised with answers the real app does not give on demand (a late audit entry, none at all). The app module's
 * {@code SmokeTestScriptIT} runs the same script against the packaged app.
 */
class SmokeTestScriptTest {

    private static final String USER = "0b7e6f0e-5d0c-4b8e-9a57-3f1c2f1d9a11";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl";

    private HttpServer server;
    private final AtomicInteger historyCalls = new AtomicInteger();
    private volatile int historyAfter;

    @BeforeEach
    void startApi() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/usr/bin/curl")),
                "needs sh and curl");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopApi() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theChartShipsTheScriptOfDeployScriptsUnchanged() throws IOException {
        assertThat(renderedScript()).isEqualTo(Files.readString(Chart.DEPLOY_DIR.resolve("scripts/smoke-test.sh")));
    }

    @Test
    void passesOnceTheAuditEntryOfTheNewTaskAppears(@TempDir Path dir) throws Exception {
        historyAfter = 3;

        Result result = run(dir, 5);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("created task 42", "audit history:");
        assertThat(historyCalls).hasValue(3);
    }

    @Test
    void failsWhenTheTaskNeverGetsAnAuditEntry(@TempDir Path dir) throws Exception {
        historyAfter = Integer.MAX_VALUE;

        Result result = run(dir, 3);

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("task 42 got no audit entry");
        assertThat(historyCalls).hasValue(3);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/api/auth/signup")) {
            send(exchange, 201, "{\"userId\":\"" + USER + "\",\"token\":\"" + TOKEN + "\",\"expiresAt\":\"2026-11-23T00:00:00Z\"}");
        } else if (!("Bearer " + TOKEN).equals(auth)) {
            send(exchange, 401, "{\"title\":\"Unauthorized\"}");
        } else if (method.equals("POST") && path.equals("/api/" + USER + "/tasks")) {
            send(exchange, 201, "{\"id\":42,\"title\":\"helm test\",\"description\":null,\"completed\":false,"
                    + "\"priority\":\"low\",\"tags\":[],\"reminders\":[]}");
        } else if (method.equals("GET") && path.equals("/api/" + USER + "/tasks/42/history")) {
            if (historyCalls.incrementAndGet() >= historyAfter) {
                send(exchange, 200, "[{\"type\":\"created\",\"at\":\"2026-11-22T00:00:00Z\",\"door\":\"api\"}]");
            } else {
                send(exchange, 404, "{\"title\":\"Not Found\"}");
            }
        } else {
            send(exchange, 404, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Result run(Path dir, int attempts) throws Exception {
        Path script = dir.resolve("smoke-test.sh");
        Files.writeString(script, renderedScript());
        Path output = dir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", script.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("TASKSTREAM_URL", "http://127.0.0.1:" + server.getAddress().getPort());
        builder.environment().put("ATTEMPTS", Integer.toString(attempts));
        builder.environment().put("INTERVAL", "0");
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("smoke test script did not finish");
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private static String renderedScript() {
        ConfigMap configMap = Chart.renderTestHooks(Variant.DEFAULT).stream().map(StrictKubernetes::parse)
                .filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).findFirst().orElseThrow();
        assertThat(configMap.getMetadata().getName()).isEqualTo("ts-taskstream-smoke-test");
        return configMap.getData().get("smoke-test.sh");
    }

    private record Result(int exit, String output) {
    }
}
