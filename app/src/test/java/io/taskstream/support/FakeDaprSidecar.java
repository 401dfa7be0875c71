package io.taskstream.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * An in-process stand-in for the Dapr sidecar, implementing the parts of the documented Dapr HTTP API
 * that Taskstream uses (no daprd binary can be installed here):
 * <ul>
 *   <li>publish: {@code POST /v1.0/publish/{pubsub}/{topic}} with {@code metadata.*} query parameters,
 *       answering 204 (https://docs.dapr.io/reference/api/pubsub_api/#publish-a-message-to-a-given-topic);</li>
 *   <li>programmatic subscription discovery: {@code GET /dapr/subscribe} on the app
 *       (https://docs.dapr.io/developing-applications/building-blocks/pubsub/subscription-methods/#programmatic-subscriptions);</li>
 *   <li>delivery: {@code POST <route>} with the CloudEvent as {@code application/cloudevents+json}, reading
 *       the app's {@code {"status": "SUCCESS" | "RETRY" | "DROP"}} answer; non-2xx means retry; DROP (or
 *       retries exhausted) sends the event to the subscription's dead-letter topic
 *       (https://docs.dapr.io/reference/api/pubsub_api/#expected-http-response,
 *       https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-deadletter/).</li>
 *   <li>secrets: {@code GET /v1.0/secrets/{store}/{name}} answering every key of the secret as a JSON object,
 *       204 for an unknown secret and 500 for an unknown store
 *       (https://docs.dapr.io/reference/api/secrets_api/#get-secret);</li>
 *   <li>outbound health: {@code GET /v1.0/healthz/outbound}, 204 once the sidecar's components are ready
 *       (https://docs.dapr.io/reference/api/health_api/).</li>
 *   <li>jobs (alpha1): {@code POST /v1.0-alpha1/jobs/{name}} with {@code dueTime} (RFC 3339), {@code repeats},
 *       {@code data} and {@code overwrite} (at least one of {@code schedule}/{@code dueTime}, else 400; an
 *       existing name without {@code overwrite} is an error), {@code GET} and {@code DELETE} of the same path,
 *       answering 204 (https://docs.dapr.io/reference/api/jobs_api/,
 *       https://docs.dapr.io/developing-applications/building-blocks/jobs/jobs-features-concepts/); at the due
 *       time the sidecar triggers the job on the app with {@code POST /job/{name}} and the job's data as the
 *       body, retrying a failed trigger
 *       (https://docs.dapr.io/developing-applications/building-blocks/jobs/howto-schedule-and-handle-triggered-jobs/,
 *       https://docs.dapr.io/operations/security/app-api-token/). Only one-shot {@code dueTime} jobs are
 *       implemented, which is all the app schedules.</li>
 * </ul>
 * Every call to the app carries the app API token in {@code dapr-api-token}, as the real sidecar's do
 * (https://docs.dapr.io/operations/security/app-api-token/). Deliveries happen in publish order on one thread, like one Kafka partition.
 */
public final class FakeDaprSidecar implements AutoCloseable {

    /** A message the app published, and the {@code dapr-api-token} it was sent with (null: none). */
    public record Published(String pubsub, String topic, Map<String, String> metadata, String contentType, String body,
            String token) {
    }

    /** A job the app scheduled and the sidecar has not triggered (successfully) yet. */
    public record Job(String name, Instant dueTime, int repeats, String data) {
    }

    /** The app API token the sidecar sends unless told otherwise: configure the app under test with it. */
    public static final String APP_API_TOKEN = "app-api-token-for-tests";

    private static final int MAX_DELIVERIES = 6;
    private static final int MAX_TRIGGERS = 4;

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> topics = new HashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> timersByJob = new ConcurrentHashMap<>();
    private final Map<String, String> triggeredData = new ConcurrentHashMap<>();
    private final List<String> jobRequests = new CopyOnWriteArrayList<>();
    private volatile boolean jobsDown;
    private volatile boolean jobsLost;
    private volatile String appApiToken = APP_API_TOKEN;
    private volatile String app;
    private volatile JsonNode subscriptions;
    private final Map<String, Map<String, Map<String, String>>> secretStores = new ConcurrentHashMap<>();
    private final List<String> secretRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger notReadyAnswers = new AtomicInteger();

    public FakeDaprSidecar() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1.0/publish/", this::publish);
        server.createContext("/v1.0/secrets/", this::secret);
        server.createContext("/v1.0/healthz/outbound", this::outboundHealth);
        server.createContext("/v1.0-alpha1/jobs/", this::jobs);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Points the sidecar at the app, as Dapr does with {@code --app-port}. */
    public void attach(int appPort) {
        app = "http://localhost:" + appPort;
        subscriptions = null;
    }

    /** Puts a secret (all its keys) into a store of the sidecar's secret store component. */
    public void secret(String store, String name, Map<String, String> keys) {
        secretStores.computeIfAbsent(store, s -> new ConcurrentHashMap<>()).put(name, Map.copyOf(keys));
    }

    /** The next {@code answers} outbound health checks say "not ready", as while the components initialise. */
    public void notReadyFor(int answers) {
        notReadyAnswers.set(answers);
    }

    /** Secret requests received, as {@code store/name token=<dapr-api-token header>}. */
    public List<String> secretRequests() {
        return List.copyOf(secretRequests);
    }

    /**
     * The {@code dapr-api-token} sent on every call to the app (subscriptions, deliveries, job triggers), as Dapr
     * does when {@code APP_API_TOKEN} is set; {@link #APP_API_TOKEN} by default, null to send none.
     */
    public void appApiToken(String token) {
        appApiToken = token;
    }

    /** While down, the jobs API answers 500, as when the Scheduler service cannot be reached. */
    public void jobsDown(boolean down) {
        jobsDown = down;
    }

    /**
     * While set, the jobs API accepts jobs and never triggers them, as when Dapr's Scheduler service loses them; a
     * job accepted meanwhile stays untriggered (and can be deleted) after it is unset.
     */
    public void loseJobs(boolean lose) {
        jobsLost = lose;
    }

    /** The jobs scheduled and not yet triggered, by name. */
    public Map<String, Job> jobs() {
        return Map.copyOf(jobs);
    }

    /** Every jobs API call the sidecar accepted, as {@code "POST <name>"} / {@code "DELETE <name>"}, in order. */
    public List<String> jobRequests() {
        return List.copyOf(jobRequests);
    }

    /** Triggers an already triggered job once more (Dapr triggers at least once); returns the app's status. */
    public int triggerAgain(String name) {
        // A trigger is recorded once the app has answered it, which can be just after its effect shows.
        String data = Eventually.await(Duration.ofSeconds(10), () -> triggeredData.get(name), Objects::nonNull);
        return trigger(name, data);
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    /** Everything that reached a topic: published by the app, or dead-lettered by the sidecar. */
    public synchronized List<String> topic(String name) {
        return List.copyOf(topics.getOrDefault(name, List.of()));
    }

    /** Delivers the body to the topic's subscribers once more, as after a sidecar restart. */
    public void redeliver(String topic, String body) {
        deliveries.submit(() -> deliver(topic, body));
    }

    public JsonNode subscriptions() {
        if (subscriptions == null) {
            try {
                HttpResponse<String> response = http.send(withToken(HttpRequest.newBuilder(URI.create(app + "/dapr/subscribe")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                subscriptions = HttpApi.JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return subscriptions;
    }

    private void publish(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        if (!"POST".equals(exchange.getRequestMethod()) || path.length != 5) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        Map<String, String> metadata = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].startsWith("metadata.")) {
                    metadata.put(kv[0].substring(9), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String topic = path[4];
        published.add(new Published(path[3], topic, metadata, exchange.getRequestHeaders().getFirst("Content-Type"), body,
                exchange.getRequestHeaders().getFirst("dapr-api-token")));
        record(topic, body);
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        if (app != null) {
            deliveries.submit(() -> deliver(topic, body));
        }
    }

    private void secret(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        if (!"GET".equals(exchange.getRequestMethod()) || path.length != 5) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        secretRequests.add(path[3] + "/" + path[4] + " token=" + exchange.getRequestHeaders().getFirst("dapr-api-token"));
        Map<String, Map<String, String>> store = secretStores.get(path[3]);
        try (exchange) {
            if (store == null) {
                respond(exchange, 500, "{\"errorCode\":\"ERR_SECRET_STORE_NOT_FOUND\",\"message\":\"secret store "
                        + path[3] + " not found\"}");
            } else if (!store.containsKey(path[4])) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                respond(exchange, 200, HttpApi.JSON.writeValueAsString(store.get(path[4])));
            }
        }
    }

    private void outboundHealth(HttpExchange exchange) throws IOException {
        boolean ready = notReadyAnswers.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
        exchange.sendResponseHeaders(ready ? 204 : 500, -1);
        exchange.close();
    }

    private void jobs(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/v1.0-alpha1/jobs/".length()),
                    StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            if (jobsDown) {
                respond(exchange, 500, "{\"errorCode\":\"ERR_SCHEDULE_JOB\",\"message\":\"scheduler unavailable\"}");
                return;
            }
            switch (method) {
                case "POST" -> {
                    JsonNode body = HttpApi.JSON.readTree(exchange.getRequestBody().readAllBytes());
                    if (!body.hasNonNull("dueTime") && !body.hasNonNull("schedule")) {
                        respond(exchange, 400, "{\"message\":\"at least one of schedule or dueTime must be provided\"}");
                        return;
                    }
                    if (jobs.containsKey(name) && !body.path("overwrite").asBoolean(false)) {
                        respond(exchange, 500, "{\"message\":\"job already exists: " + name + "\"}");
                        return;
                    }
                    Job job = new Job(name, Instant.parse(body.get("dueTime").asString()), body.path("repeats").asInt(0),
                            body.path("data").toString());
                    jobs.put(name, job);
                    jobRequests.add("POST " + name);
                    ScheduledFuture<?> previous = jobsLost ? timersByJob.remove(name) : timersByJob.put(name,
                            timers.schedule(() -> fire(job), Math.max(0, Duration.between(Instant.now(), job.dueTime())
                                    .toMillis()), TimeUnit.MILLISECONDS));
                    if (previous != null) {
                        previous.cancel(false);
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
                case "DELETE" -> {
                    jobs.remove(name);
                    ScheduledFuture<?> timer = timersByJob.remove(name);
                    if (timer != null) {
                        timer.cancel(false);
                    }
                    jobRequests.add("DELETE " + name);
                    exchange.sendResponseHeaders(204, -1);
                }
                case "GET" -> {
                    Job job = jobs.get(name);
                    if (job == null) {
                        respond(exchange, 404, "{\"message\":\"job not found: " + name + "\"}");
                    } else {
                        respond(exchange, 200, "{\"name\":\"" + name + "\",\"dueTime\":\"" + job.dueTime()
                                + "\",\"repeats\":" + job.repeats() + ",\"data\":" + job.data() + "}");
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private void fire(Job job) {
        for (int attempt = 1; attempt <= MAX_TRIGGERS; attempt++) {
            if (jobs.get(job.name()) != job) {
                return; // deleted or replaced meanwhile
            }
            if (trigger(job.name(), job.data()) / 100 == 2) {
                triggeredData.put(job.name(), job.data());
                jobs.remove(job.name(), job);
                timersByJob.remove(job.name());
                return;
            }
            sleep(200L * attempt);
        }
    }

    private int trigger(String name, String data) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + "/job/" + name))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(data));
            return http.send(withToken(request).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 503;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        String token = appApiToken;
        return token == null ? request : request.header("dapr-api-token", token);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void deliver(String topic, String body) {
        for (JsonNode subscription : subscriptions()) {
            if (!topic.equals(subscription.get("topic").asString())) {
                continue;
            }
            String outcome = "RETRY";
            for (int attempt = 1; attempt <= MAX_DELIVERIES && "RETRY".equals(outcome); attempt++) {
                outcome = post(subscription.get("route").asString(), body);
                if ("RETRY".equals(outcome)) {
                    sleep(20L * attempt);
                }
            }
            if (!"SUCCESS".equals(outcome) && subscription.hasNonNull("deadLetterTopic")) {
                record(subscription.get("deadLetterTopic").asString(), body);
            }
        }
    }

    private String post(String route, String body) {
        try {
            HttpResponse<String> response = http.send(withToken(HttpRequest.newBuilder(URI.create(app + route))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return "RETRY";
            }
            return HttpApi.JSON.readTree(response.body()).path("status").asString("SUCCESS");
        } catch (IOException e) {
            return "RETRY";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "RETRY";
        }
    }

    private synchronized void record(String topic, String body) {
        topics.computeIfAbsent(topic, t -> new ArrayList<>()).add(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
        timers.shutdownNow();
        server.stop(0);
    }
}
