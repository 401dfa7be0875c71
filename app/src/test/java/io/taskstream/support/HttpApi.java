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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stranger's view of the API: real HTTP over loopback with the JDK client, no Spring test shortcuts.
 * Immutable; {@link #as(Session)} returns a client that sends that user's bearer token and
 * {@link #withHeader(String, String)} one that sends an extra header.
 */
public final class HttpApi {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** The password of every user {@link #signup(String)} creates. */
    public static final String PASSWORD = "correct-horse-battery";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    public HttpApi(int port) {
        this("http://localhost:" + port, null, Map.of());
    }

    private HttpApi(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = Map.copyOf(headers);
    }

    public HttpApi as(Session session) {
        return new HttpApi(baseUrl, session.token(), headers);
    }

    public HttpApi withToken(String bearer) {
        return new HttpApi(baseUrl, bearer, headers);
    }

    public HttpApi anonymous() {
        return new HttpApi(baseUrl, null, headers);
    }

    /** A client that also sends this header (replacing any earlier value of the same name). */
    public HttpApi withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpApi(baseUrl, token, more);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Signs up a fresh user with a unique email in the given zone. */
    public Session signup(String timeZone) {
        AccountJson account = AccountJson.account().name("Test User").timeZone(timeZone);
        Response r = signup(account);
        if (r.status() != 201) {
            throw new IllegalStateException("signup failed: " + r);
        }
        return new Session(r.json().get("userId").asString(), r.json().get("token").asString(), account.email());
    }

    public Session signup() {
        return signup("UTC");
    }

    /**
     * The raw sign-up call, for tests of sign-up itself. Unless this client names its address, each sign-up comes from
     * an address of its own, as the people the suite plays would: sign-ups are limited per address (AccountIT).
     */
    public Response signup(AccountJson account) {
        HttpApi client = headers.containsKey("X-Forwarded-For") ? anonymous()
                : anonymous().withHeader("X-Forwarded-For", someClientAddress());
        return client.post("/api/auth/signup", account.json());
    }

    /**
     * A client address of its own, behind the loopback proxy the test client is (documentation range 2001:db8::/32),
     * for {@code X-Forwarded-For}.
     */
    public static String someClientAddress() {
        UUID random = UUID.randomUUID();
        return "2001:db8:%x:%x::1".formatted(random.getMostSignificantBits() & 0xffff, random.getLeastSignificantBits() & 0xffff);
    }

    public Response login(String email, String password) {
        return anonymous().post("/api/auth/login", JSON.createObjectNode()
                .put("email", email).put("password", password).toString());
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

    /** A JSON Merge Patch with its own media type. */
    public Response patch(String path, String json) {
        return send(path, "PATCH", MERGE_PATCH, json);
    }

    /** A merge patch sent as plain {@code application/json}, which the API accepts as well. */
    public Response patchAsJson(String path, String json) {
        return send(path, "PATCH", "application/json", json);
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
        headers.forEach(builder::header);
        return builder;
    }

    /** A signed-up user. */
    public record Session(String userId, String token, String email) {

        public String tasks() {
            return "/api/" + userId + "/tasks";
        }

        public String tasks(QueryString query) {
            return tasks() + query;
        }

        public String task(long id) {
            return tasks() + "/" + id;
        }

        public String complete(long id) {
            return task(id) + "/complete";
        }

        public String tags() {
            return "/api/" + userId + "/tags";
        }
    }

    /** A response with its body as text and, on demand, as JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\"");

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

        /** {@code X-Total-Count} as a number. */
        public long totalCount() {
            return Long.parseLong(header("X-Total-Count"));
        }

        /** The RFC 8288 {@code Link} header as relation name to target URI. */
        public Map<String, URI> links() {
            Map<String, URI> links = new LinkedHashMap<>();
            String value = header("Link");
            if (value != null) {
                Matcher m = LINK.matcher(value);
                while (m.find()) {
                    links.put(m.group(2), URI.create(m.group(1)));
                }
            }
            return links;
        }

        /** The {@code field} of each entry of a problem's {@code errors} array. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            JsonNode errors = json().get("errors");
            if (errors != null) {
                errors.forEach(e -> fields.add(e.get("field").asString()));
            }
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
