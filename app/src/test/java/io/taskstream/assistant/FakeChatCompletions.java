package io.taskstream.assistant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taskstream.support.HttpApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scripted OpenAI-compatible Chat Completions server on loopback (JSON, no streaming): each request
 * to {@code /v1/chat/completions} is recorded and answered with the next scripted step.
 */
final class FakeChatCompletions implements AutoCloseable {

    /** One scripted answer: an HTTP status, a JSON body and an optional delay. */
    record Step(int status, String body, Duration delay) {
    }

    /** A request as received. */
    record Received(String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeChatCompletions() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void reset() {
        script.clear();
        received.clear();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    FakeChatCompletions thenCallsTool(String name, String argumentsJson) {
        ObjectNode message = HttpApi.JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject()
                .put("id", "call_" + ids.incrementAndGet()).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", argumentsJson);
        script.add(new Step(200, completion(message, "tool_calls"), Duration.ZERO));
        return this;
    }

    FakeChatCompletions thenAnswers(String text) {
        ObjectNode message = HttpApi.JSON.createObjectNode().put("role", "assistant").put("content", text);
        script.add(new Step(200, completion(message, "stop"), Duration.ZERO));
        return this;
    }

    FakeChatCompletions thenFails(int status) {
        script.add(new Step(status, "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":null}}",
                Duration.ZERO));
        return this;
    }

    FakeChatCompletions thenAnswersAfter(Duration delay, String text) {
        thenAnswers(text);
        Step step = script.stream().reduce((a, b) -> b).orElseThrow();
        script.remove(step);
        script.add(new Step(step.status(), step.body(), delay));
        return this;
    }

    private static String completion(ObjectNode message, String finishReason) {
        ObjectNode body = HttpApi.JSON.createObjectNode()
                .put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "fake-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.set("message", message);
        choice.putNull("logprobs");
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return body.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), HttpApi.JSON.readTree(body)));
            Step step = script.poll();
            if (step == null) {
                step = new Step(500, "{\"error\":{\"message\":\"nothing scripted\"}}", Duration.ZERO);
            }
            if (!step.delay().isZero()) {
                try {
                    Thread.sleep(step.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = step.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(step.status(), out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            } catch (IOException clientGone) {
                // the client timed out and closed the connection: expected in the timeout test
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
