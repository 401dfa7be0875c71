package io.taskstream.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stranger's view of the API: real HTTP over loopback with the JDK client, no Spring test shortcuts.
 * Immutable; {@link #as(Session)} returns a client that sends that user's bearer token.
 */
public final class HttpApi {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String token;

    public HttpApi(int port) {
        this("http://localhost:" + port, null);
    }

    private HttpApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public HttpApi as(Session session) {
        return new HttpApi(baseUrl, session.token());
    }

    public HttpApi withToken(String bearer) {
        return new HttpApi(baseUrl, bearer);
    }

    public HttpApi anonymous() {
        return new HttpApi(baseUrl, null);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Signs up a fresh user with a unique email in the given zone. */
    public Session signup(String timeZone) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        Response r = anonymous().post("/api/auth/signup", JSON.createObjectNode()
                .put("email", email).put("password", "correct-horse-battery").put("name", "Test User")
                .put("timeZone", timeZone).toString());
        if (r.status() != 201) {
            throw new IllegalStateException("signup failed: " + r);
        }
        return new Session(r.json().get("userId").asString(), r.json().get("token").asString(), email);
    }

    public Session signup() {
        return signup("UTC");
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, String json) {
        return send(path, "POST", "application/json", json);
    }

    public Response put(String path, String json) {
        return send(path, "PUT", "application/json", json);
    }

    public Response patch(String path, String json) {
        return send(path, "PATCH", "application/merge-patch+json", json);
    }

    public Response send(String path, String method, String contentType, String body) {
        HttpRequest.Builder builder = request(path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        BodyPublisher publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
        return send(builder.method(method, publisher));
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** A signed-up user. */
    public record Session(String userId, String token, String email) {

        public String tasks() {
            return "/api/" + userId + "/tasks";
        }

        public String task(long id) {
            return tasks() + "/" + id;
        }
    }

    /** A response with its body as text and, on demand, as JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            json().forEach(task -> ids.add(task.get("id").asLong()));
            return ids;
        }

        public List<String> titles() {
            List<String> titles = new ArrayList<>();
            json().forEach(task -> titles.add(task.get("title").asString()));
            return titles;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
