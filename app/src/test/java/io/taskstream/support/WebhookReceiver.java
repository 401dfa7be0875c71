package io.taskstream.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP endpoint on loopback (the JDK's HttpServer) that records every call it gets. It answers
 * 204, or the statuses queued for the path with {@link #failNext} first.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> statuses = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-Taskstream-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Queue<Integer> queued = statuses.get(exchange.getRequestURI().getPath());
            Integer status = queued == null ? null : queued.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path on this receiver, e.g. {@code url("/hooks/ann")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next calls to the path with these statuses, in order. */
    public void failNext(String path, int... codes) {
        Queue<Integer> queue = statuses.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>());
        for (int code : codes) {
            queue.add(code);
        }
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One received call. */
    public record Call(String path, String signature, String contentType, String body) {
    }
}
