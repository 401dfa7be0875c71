package io.taskstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.JarProcess;
import io.taskstream.support.TaskJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged app with the log format the chart deploys (ECS JSON on the console, tracing on): every line is one
 * JSON document with ECS's fields, a request's lines carry its request id, trace id and span id, every line names the
 * process's roles and pod; and no password, token or key the app is given or hands out is ever written.
 */
class StructuredLogsIT {

    private static final String ROLES = "api,recurrence,reminders,notifier,audit";
    private static final String POD = "taskstream-api-5d8c7b9f4-x2k7q";
    private static final String JWT_SECRET = "jwt-secret-" + UUID.randomUUID() + UUID.randomUUID();
    private static final String AI_API_KEY = "sk-ai-key-" + UUID.randomUUID();

    private static JarProcess app;
    private static HttpApi api;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of("target/taskstream.jar");
        assertThat(jar).exists();
        Path dataDir = Files.createTempDirectory(Path.of("target"), "structured-logs-it-");
        app = JarProcess.start(jar, dataDir, List.of(), List.of("-Xmx512m",
                // What an operator turns on to follow requests: the dispatcher's line per request (a system property:
                // an environment variable's logger name is read in lower case).
                "-Dlogging.level.org.springframework.web.servlet.DispatcherServlet=debug"), Map.ofEntries(
                Map.entry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"),
                Map.entry("LOGGING_STRUCTURED_ECS_SERVICE_NODENAME", POD),
                Map.entry("TASKSTREAM_ROLES", ROLES),
                Map.entry("MANAGEMENT_TRACING_EXPORT_ENABLED", "true"),
                Map.entry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0"),
                Map.entry("TASKSTREAM_JWT_SECRET", JWT_SECRET),
                // A model nobody answers at: the chat falls back to the offline engine after trying it with the key.
                Map.entry("TASKSTREAM_AI_BASE_URL", "http://127.0.0.1:9/v1"),
                Map.entry("TASKSTREAM_AI_MODEL", "gpt-test"),
                Map.entry("TASKSTREAM_AI_API_KEY", AI_API_KEY),
                // Every line of ours, as when an operator debugs.
                Map.entry("LOGGING_LEVEL_IO_TASKSTREAM", "debug")))
                .awaitReady(Duration.ofSeconds(120));
        api = new HttpApi(app.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRequestsLinesAreEcsJsonWithItsRequestIdTraceIdSpanIdAndTheProcesssRoles() throws Exception {
        Session ann = api.signup();
        String requestId = "req-" + UUID.randomUUID();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        Response created = api.withHeader("X-Request-Id", requestId)
                .withHeader("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .as(ann).post(ann.tasks(), TaskJson.task("Logged").json());
        assertThat(created.status()).isEqualTo(201);

        List<JsonNode> lines = jsonLines();
        List<JsonNode> ofRequest = lines.stream()
                .filter(line -> requestId.equals(line.path("requestId").asString(null))).toList();
        assertThat(ofRequest).as("the request's lines").isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("@timestamp").asString()).isNotBlank();
            assertThat(line.path("log").path("level").asString()).isIn("DEBUG", "INFO", "WARN", "ERROR");
            assertThat(line.path("log").path("logger").asString()).isNotBlank();
            assertThat(line.path("message").asString()).isNotBlank();
            assertThat(line.path("ecs").path("version").asString()).isNotBlank();
            assertThat(line.path("service").path("name").asString()).isEqualTo("taskstream");
            assertThat(line.path("service").path("node").path("name").asString()).isEqualTo(POD);
            // Flat dotted names, as ECS logging libraries write them.
            assertThat(line.path("trace.id").asString()).isEqualTo(traceId);
            assertThat(line.path("span.id").asString()).matches("[0-9a-f]{16}");
        });
        assertThat(lines).as("every line names the process's roles")
                .allSatisfy(line -> assertThat(line.path("labels").path("roles").asString()).isEqualTo(ROLES));
    }

    @Test
    void noPasswordTokenOrKeyIsLoggedWhileSigningInUsingTokensAndChatting() throws Exception {
        Session bob = api.signup();
        String wrongPassword = "wrong-" + UUID.randomUUID();
        assertThat(api.login(bob.email(), wrongPassword).status()).isEqualTo(401);
        Response login = api.login(bob.email(), HttpApi.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        String accessToken = login.json().get("token").asString();

        Response token = api.withToken(accessToken).post("/api/" + bob.userId() + "/api-tokens", "{\"name\":\"script\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        String apiToken = token.json().get("token").asString();
        assertThat(api.withToken(apiToken).get(bob.tasks()).status()).isEqualTo(200);
        String forged = "forged-" + UUID.randomUUID();
        assertThat(api.withToken(forged).get(bob.tasks()).status()).isEqualTo(401);

        Response chat = api.withToken(accessToken).post("/api/" + bob.userId() + "/chat",
                "{\"message\":\"Buy milk tomorrow at 5pm\"}");
        assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
        Response password = api.withToken(accessToken).post("/api/auth/password",
                HttpApi.JSON.createObjectNode().put("currentPassword", HttpApi.PASSWORD)
                        .put("newPassword", "new-" + HttpApi.PASSWORD).toString());
        assertThat(password.status()).as(password.toString()).isBetween(200, 204);

        String log = Files.readString(app.log());
        assertThat(log).as("the flows were logged at all").contains("/chat");
        for (String secret : List.of(JWT_SECRET, AI_API_KEY, HttpApi.PASSWORD, wrongPassword, accessToken, bob.token(),
                apiToken, forged)) {
            assertThat(log).as("the log holds a secret").doesNotContain(secret);
        }
        assertThat(log).doesNotContainIgnoringCase("authorization: bearer");
    }

    /** Every line the app wrote so far, each parsed as JSON (fails on a line that is not). */
    private static List<JsonNode> jsonLines() throws Exception {
        return Files.readAllLines(app.log()).stream().filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        return HttpApi.JSON.readTree(line);
                    } catch (RuntimeException e) {
                        throw new AssertionError("not a JSON line: " + line, e);
                    }
                }).toList();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
