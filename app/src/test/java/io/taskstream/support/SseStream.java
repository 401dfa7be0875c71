package io.taskstream.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client over the JDK HTTP client, for reading a live stream in tests. */
public final class SseStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private SseStream(HttpRequest request) {
        response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> Thread.ofVirtual().start(() -> read(r.body())));
    }

    public static SseStream open(HttpRequest.Builder request) {
        SseStream stream = new SseStream(request.header("Accept", "text/event-stream").build());
        stream.response.orTimeout(10, TimeUnit.SECONDS).join();
        return stream;
    }

    /** The response's status; read from the response itself, which {@link #open} has waited for. */
    public int status() {
        return response.join().statusCode();
    }

    /** Whether the server ended the stream (its response body ended) within the timeout. */
    public boolean endsWithin(Duration timeout) {
        try {
            ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the stream is still open: the server has not ended it. */
    public boolean isOpen() {
        return !ended.isDone();
    }

    /** The next event of the given name, waiting up to the timeout; null if none came. */
    public Event next(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                Event event = events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    return null;
                }
                if (event.name().equals(name)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** All events of the given name that arrive until nothing comes for {@code quiet}. */
    public List<Event> drain(String name, Duration quiet) {
        List<Event> drained = new ArrayList<>();
        Event event;
        while ((event = next(name, quiet)) != null) {
            drained.add(event);
        }
        return drained;
    }

    private void read(Stream<String> lines) {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by either side
        } finally {
            ended.complete(null);
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }

    /** One received event. */
    public record Event(String id, String name, String data) {
    }
}
