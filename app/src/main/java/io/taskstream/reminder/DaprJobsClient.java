package io.taskstream.reminder;

import io.taskstream.platform.config.DaprProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Dapr Jobs API (alpha1, HTTP) of the local sidecar, as documented at
 * https://docs.dapr.io/reference/api/jobs_api/: schedule {@code POST /v1.0-alpha1/jobs/{name}} with a
 * one-shot RFC 3339 {@code dueTime}, {@code repeats: 1}, the job as {@code data} and {@code overwrite}
 * (https://docs.dapr.io/developing-applications/building-blocks/jobs/jobs-features-concepts/), and delete
 * {@code DELETE /v1.0-alpha1/jobs/{name}}. Calls carry {@code dapr-api-token} when the sidecar has an API token.
 */
class DaprJobsClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json;
    private final String base;
    private final String apiToken;
    private final Duration timeout;

    DaprJobsClient(JsonMapper json, DaprProperties sidecar) {
        this.json = json;
        this.base = sidecar.baseUrl() + "/v1.0-alpha1/jobs/";
        this.apiToken = sidecar.apiToken();
        this.timeout = sidecar.timeout();
    }

    void schedule(String name, ReminderJob job) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode()
                .put("dueTime", job.remindAt().toString())
                .put("repeats", 1)
                .put("overwrite", true);
        body.set("data", json.valueToTree(job));
        send(request(name).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), name, false);
    }

    /** Deletes the job; one the sidecar no longer knows (fired, or never scheduled) counts as deleted. */
    void delete(String name) throws IOException, InterruptedException {
        send(request(name).DELETE(), name, true);
    }

    private HttpRequest.Builder request(String name) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(timeout);
        if (apiToken != null) {
            request.header("dapr-api-token", apiToken);
        }
        return request;
    }

    private void send(HttpRequest.Builder request, String name, boolean notFoundIsFine) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 != 2 && !(notFoundIsFine && status == 404)) {
            throw new IOException("Dapr jobs API answered " + status + " for " + name + ": " + response.body());
        }
    }
}
