package io.taskstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.taskstream.platform.problem.ProblemType;
import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.HttpApi;
import io.taskstream.support.LogLines;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of requests generated from the API's own OpenAPI document, each one a client could send by mistake or
 * on purpose: every route with its path parameters (the user's own id, another user's, junk), query parameters per
 * schema and hostile ones (huge numbers, {@code %}, NUL, dates out of range, very long strings), bodies per schema and
 * mutated (wrong types, nulls, unknown members, NUL, lone surrogates, extreme dates, deep nesting), unusual media
 * types ({@code *}{@code /*}, {@code application/*}, multipart, XML, none), and the user's token, none, another user's
 * or a forged one; plus JSON-RPC messages to {@code /mcp}. None may be a server error, every client error is an RFC
 * 9457 problem (a JSON-RPC error on {@code /mcp}), and nothing is logged at ERROR.
 *
 * <p>Plain seeded {@link Random} rather than a property-testing library such as jqwik: the generator follows the
 * document at run time, so there are no static types to derive arbitraries from, shrinking an HTTP exchange would
 * only re-send requests against a database the previous ones changed, and one seed printed with each failure is
 * enough to replay the whole run. The build runs one fixed seed, so that a red build is the code's doing and replays
 * as it failed; {@code -Dfuzz.seed=random} explores a new one and {@code -Dfuzz.seed=N} replays seed N;
 * {@code -Dfuzz.requests} sets how many requests are sent (default 2,500).
 */
class OpenApiFuzzIT extends ApiIT {

    private static final long DEFAULT_SEED = 20261207L;

    private static final String[] HOSTILE_TEXT = {
        "", " ", "\u0000", "a\u0000b", "\ud800", "x\udfff", "\ud83d\ude00", "%", "%00", "%zz", "'; drop table task; --",
        "<script>", "\\", "\"", "null", "-1", "0", "99999999999999999999", "1e309", "NaN", "x".repeat(5000),
        "+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59-18:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "10000-01-01", "2026-02-30",
        "2026-13-01T00:00:00Z", "9999-12-31", "0001-01-01", "P999999999D", "PT-1S", "Europe/Nowhere", "../../etc/passwd",
        "FREQ=DAILY;COUNT=0", "FREQ=SECONDLY", "\u202e", "ʻokina ☃ 漢字",
    };
    private static final String[] DATES = {
        "2027-03-05", "2027-03-05T17:00:00Z", "2027-03-05T17:00:00+01:00", "2027-03-05T17:00", "+294277-01-01T00:00:00Z",
        "-4714-11-24T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "0001-01-01T00:00:00Z", "0000-12-31T00:00:00Z", "9999-12-31", "2026-02-30", "soon",
    };
    private static final String[] CONTENT_TYPES = {
        "*/*", "application/*", "multipart/form-data", "multipart/form-data; boundary=x", "application/xml", "text/plain",
        "text/*", "application/x-www-form-urlencoded", "application/json; charset=nonsense", "foo", "application/json;;",
    };
    /** What only the server's insides say: exception and class names, SQL. */
    private static final String[] INTERNALS = {
        "Exception", "Cannot invoke", "PreparedStatement", "SQL [", "java.lang", "org.springframework", "tools.jackson",
        "io.modelcontextprotocol", "\tat ",
    };
    private static final String[] MCP_METHODS = {
        "initialize", "ping", "tools/list", "tools/call", "resources/list", "resources/read", "prompts/list",
        "prompts/get", "completion/complete", "logging/setLevel", "nope", "notifications/initialized", "",
    };

    private Random random;
    private Session ann;
    private Session bob;
    private String forged;
    private final List<Long> taskIds = new ArrayList<>();

    private record Route(String method, String path, Operation operation) {
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noGeneratedRequestIsAServerErrorAndEveryClientErrorIsAProblem(CapturedOutput output) {
        String seedProperty = System.getProperty("fuzz.seed", Long.toString(DEFAULT_SEED));
        long seed = "random".equals(seedProperty) ? new Random().nextLong() : Long.parseLong(seedProperty);
        int requests = Integer.getInteger("fuzz.requests", 2500);
        System.out.println("OpenApiFuzzIT seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + requests + " requests");
        random = new Random(seed);
        ann = api.signup();
        bob = api.signup();
        forged = ann.token().substring(0, ann.token().length() - 4) + "AAAA";
        taskIds.add(api.as(ann).post(ann.tasks(), "{\"title\":\"Ann's\",\"dueAt\":\"2027-01-01\"}").json().get("id").asLong());
        taskIds.add(api.as(bob).post(bob.tasks(), "{\"title\":\"Bob's\"}").json().get("id").asLong());
        OpenAPI document = document();
        List<Route> routes = routes(document);

        long started = System.nanoTime();
        Map<String, String> failures = new LinkedHashMap<>();
        int serverErrors = 0;
        for (int i = 0; i < requests; i++) {
            Exchange exchange = random.nextInt(12) == 0 ? mcpExchange() : exchange(routes.get(random.nextInt(routes.size())));
            Response response = exchange.send(api);
            signBackInAfterLogout(exchange, response);
            String verdict = verdict(exchange, response);
            if (verdict != null) {
                serverErrors += response.status() >= 500 ? 1 : 0;
                failures.putIfAbsent(exchange.method + " " + exchange.route + " -> " + response.status(),
                        verdict + "\n    " + exchange + "\n    " + abbreviate(response.toString()));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("OpenApiFuzzIT: %d requests over %d routes in %d ms, seed %d: %d server errors, %d kinds of failure%n",
                requests, routes.size() + 1, millis, seed, serverErrors, failures.size());
        failures.forEach((kind, example) -> System.out.println("  " + kind + ": " + example));

        assertThat(failures).as("failures with seed %d (replay with -Dfuzz.seed=%d)", seed, seed).isEmpty();
        assertThat(LogLines.errors(output)).as("ERROR lines with seed %d", seed).isEmpty();
    }

    /**
     * A logout the fuzz sent with a user's token ended that session; the user signs in again so that the requests
     * after it still reach the routes behind authentication. (Changing the password or deleting the account needs
     * the password, which the generated bodies never hold.)
     */
    private void signBackInAfterLogout(Exchange exchange, Response response) {
        if (!"POST".equals(exchange.method) || !"/api/auth/logout".equals(exchange.route) || response.status() >= 300) {
            return;
        }
        if (ann.token().equals(exchange.token)) {
            ann = signIn(ann);
            forged = ann.token().substring(0, ann.token().length() - 4) + "AAAA";
        } else if (bob.token().equals(exchange.token)) {
            bob = signIn(bob);
        }
    }

    private Session signIn(Session user) {
        // From an address of its own: the fuzz's wrong passwords may have used up the loopback's login allowance.
        Response login = api.withHeader("X-Forwarded-For", HttpApi.someClientAddress()).login(user.email(), HttpApi.PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Session(user.userId(), login.json().get("token").asString(), user.email());
    }

    /** Why the response is wrong, or null when it is right. */
    private static String verdict(Exchange exchange, Response response) {
        int status = response.status();
        if (status >= 500) {
            return "server error";
        }
        for (String internal : INTERNALS) {
            if (response.body().contains(internal)) {
                return "reveals the server's insides (" + internal + ")";
            }
        }
        if (status < 400 || "HEAD".equals(exchange.method)) {
            return null;
        }
        String type = response.contentType() == null ? "" : response.contentType();
        if (type.startsWith("application/problem+json")) {
            JsonNode problem;
            try {
                problem = response.json();
            } catch (RuntimeException notJson) {
                return "a problem that is not JSON";
            }
            boolean complete = problem.path("type").asString().startsWith(ProblemType.BASE)
                    && problem.path("status").asInt() == status && !problem.path("title").asString().isBlank();
            return complete ? null : "incomplete problem";
        }
        if (exchange.route.equals("/mcp") && type.startsWith("application/json")) {
            JsonNode error;
            try {
                error = response.json().path("error");
            } catch (RuntimeException notJson) {
                return "a JSON-RPC error that is not JSON";
            }
            return error.path("code").isInt() && !error.path("message").asString().isBlank() ? null : "no JSON-RPC error";
        }
        return "a client error without a problem document";
    }

    private OpenAPI document() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(api.get("/v3/api-docs").body(), null, options).getOpenAPI();
    }

    /** Every operation of the document but the live stream, which answers a good request by staying open. */
    private static List<Route> routes(OpenAPI document) {
        List<Route> routes = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!path.endsWith("/stream")) {
                routes.add(new Route(method.name(), path, operation));
            }
        }));
        assertThat(routes).hasSizeGreaterThan(25);
        return routes;
    }

    private Exchange exchange(Route route) {
        Exchange exchange = new Exchange(route.method(), route.path());
        String path = route.path();
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : route.operation().getParameters() == null ? List.<Parameter>of()
                : route.operation().getParameters()) {
            if ("path".equals(parameter.getIn())) {
                path = path.replace("{" + parameter.getName() + "}", encode(pathValue(parameter)));
            } else if ("query".equals(parameter.getIn()) && random.nextInt(3) > 0) {
                query.put(parameter.getName(), queryValue(parameter.getSchema()));
            }
        }
        if (random.nextInt(10) == 0) {
            query.put(pick(new String[] {"x", "page", "size", "since", "q", "\u0000", "é"}), pick(HOSTILE_TEXT));
        }
        StringBuilder target = new StringBuilder(path);
        query.forEach((name, value) -> target.append(target.indexOf("?") < 0 ? '?' : '&').append(encode(name))
                .append('=').append(encode(value)));
        exchange.target = target.toString();
        Content content = route.operation().getRequestBody() == null ? null : route.operation().getRequestBody().getContent();
        if (content != null && !content.isEmpty()) {
            String declared = content.keySet().iterator().next();
            Schema<?> schema = content.get(declared).getSchema();
            exchange.contentType = random.nextInt(8) == 0 ? pick(CONTENT_TYPES) : random.nextInt(30) == 0 ? null : declared;
            exchange.body = body(schema);
        } else if (random.nextInt(10) == 0) {
            exchange.contentType = pick(CONTENT_TYPES);
            exchange.body = random.nextBoolean() ? "{\"title\":\"a body where none belongs\"}" : "title=%zz&=x";
        }
        if (random.nextInt(20) == 0) {
            exchange.accept = pick(new String[] {"application/xml", "text/html", "*/*", "application/problem+json", "foo"});
        }
        exchange.token = token();
        return exchange;
    }

    private String token() {
        int dice = random.nextInt(100);
        return dice < 80 ? ann.token() : dice < 88 ? null : dice < 95 ? bob.token() : forged;
    }

    private String pathValue(Parameter parameter) {
        if ("userId".equals(parameter.getName())) {
            int dice = random.nextInt(100);
            return dice < 75 ? ann.userId() : dice < 85 ? bob.userId() : dice < 92 ? UUID.randomUUID().toString()
                    : pick(HOSTILE_TEXT);
        }
        int dice = random.nextInt(100);
        if (dice < 50) {
            return Long.toString(taskIds.get(random.nextInt(taskIds.size())));
        }
        return dice < 80 ? Long.toString(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(1000))
                : pick(new String[] {"0", "-1", "9223372036854775807", "9223372036854775808", "1.5", "abc", "%", " "});
    }

    private String queryValue(Schema<?> schema) {
        if (random.nextInt(3) == 0) {
            return pick(HOSTILE_TEXT);
        }
        Object value = value(schema, 0);
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "" : String.valueOf(list.getFirst());
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** A body for the schema: mostly valid-looking, often mutated, sometimes no JSON at all. */
    private String body(Schema<?> schema) {
        int dice = random.nextInt(100);
        if (dice < 5) {
            return pick(new String[] {"", "null", "[]", "{", "\"x\"", "5", "{\"a\":", "{}", "true", "\u0000", "[{}]",
                "title=%zz&=x", "<task><title>x</title></task>"});
        }
        if (dice < 8) {
            return "[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(2) * 3000);
        }
        Object value = value(schema, 0);
        if (dice < 60 && value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) map;
            mutate(members);
        }
        return Json.write(value);
    }

    private void mutate(Map<String, Object> members) {
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<String> names = new ArrayList<>(members.keySet());
            int dice = random.nextInt(6);
            if (dice == 0 || names.isEmpty()) {
                members.put(pick(new String[] {"unknown", "user_id", "id", "\u0000", "\ud800", "title"}), anyValue(0));
            } else if (dice == 1) {
                members.remove(names.get(random.nextInt(names.size())));
            } else if (dice == 2) {
                members.put(names.get(random.nextInt(names.size())), null);
            } else if (dice == 3) {
                members.put(names.get(random.nextInt(names.size())), pick(HOSTILE_TEXT));
            } else if (dice == 4) {
                members.put(names.get(random.nextInt(names.size())), anyValue(0));
            } else {
                members.put(names.get(random.nextInt(names.size())), nested(1 + random.nextInt(60)));
            }
        }
    }

    private Object nested(int depth) {
        Object value = pick(HOSTILE_TEXT);
        for (int i = 0; i < depth; i++) {
            value = random.nextBoolean() ? list(value) : map("a", value);
        }
        return value;
    }

    private Object anyValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 5 : 7)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> pick(new Object[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, 1e308, -1e308, 2147483648L});
            case 3 -> pick(HOSTILE_TEXT);
            case 4 -> pick(DATES);
            case 5 -> list(anyValue(depth + 1), anyValue(depth + 1));
            default -> map("rule", anyValue(depth + 1));
        };
    }

    /** A value of the schema, with hostile strings, numbers and dates mixed in. */
    @SuppressWarnings("rawtypes")
    private Object value(Schema<?> schema, int depth) {
        if (schema == null || depth > 6) {
            return anyValue(3);
        }
        List<Schema> choices = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (choices != null && !choices.isEmpty()) {
            return value(choices.get(random.nextInt(choices.size())), depth + 1);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty() && random.nextInt(6) > 0) {
            return schema.getEnum().get(random.nextInt(schema.getEnum().size()));
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : null;
        if (type == null && schema.getProperties() != null) {
            type = "object";
        }
        if (type == null) {
            return anyValue(depth);
        }
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int size = random.nextInt(10) == 0 ? 30 : random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    items.add(value(schema.getItems(), depth + 1));
                }
                yield items;
            }
            case "integer" -> pick(new Object[] {0, 1, 5, 50, 200, 500, -1, Integer.MAX_VALUE, Long.MAX_VALUE,
                    new java.math.BigInteger("99999999999999999999"), random.nextInt(1000)});
            case "number" -> pick(new Object[] {0, 1.5, -1e308, 1e308});
            case "boolean" -> random.nextInt(10) == 0 ? "true" : random.nextBoolean();
            default -> string(schema);
        };
    }

    private Map<String, Object> object(Schema<?> schema, int depth) {
        Map<String, Object> members = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                boolean required = schema.getRequired() != null && schema.getRequired().contains(name);
                if (required || random.nextBoolean()) {
                    members.put(name, value(property, depth + 1));
                }
            });
        }
        return members;
    }

    private String string(Schema<?> schema) {
        int dice = random.nextInt(100);
        if (dice < 30) {
            return pick(HOSTILE_TEXT);
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String name = schema.getName() == null ? "" : schema.getName().toLowerCase(Locale.ROOT);
        if (format.startsWith("date") || dice < 45) {
            return pick(DATES);
        }
        if ("uuid".equals(format)) {
            return random.nextBoolean() ? ann.userId() : UUID.randomUUID().toString();
        }
        if ("email".equals(format) || name.contains("email")) {
            return "fuzz-" + random.nextInt(1_000_000) + "@example.com";
        }
        return pick(new String[] {"Buy milk", "Pay rent every month on the 1st #finance p1", "correct-horse-battery",
                "Europe/Paris", "UTC", "FREQ=WEEKLY;BYDAY=MO", "PT15M", "P1D", "high", "work", "add call mom tomorrow"});
    }

    /** A JSON-RPC message to /mcp: mostly well-formed with odd params, sometimes not JSON-RPC at all. */
    private Exchange mcpExchange() {
        Exchange exchange = new Exchange("POST", "/mcp");
        exchange.target = "/mcp";
        exchange.token = token();
        exchange.contentType = random.nextInt(10) == 0 ? pick(CONTENT_TYPES) : "application/json";
        exchange.accept = random.nextInt(10) == 0 ? pick(new String[] {null, "text/html", "application/json", "*/*", "foo",
            "application/json;q=x, text/event-stream"})
                : "application/json, text/event-stream";
        if (random.nextInt(10) == 0) {
            exchange.body = pick(new String[] {"null", "[]", "5", "{", "\"x\"", "{}", "", "{\"jsonrpc\":\"2.0\"}"});
            return exchange;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", random.nextInt(20) == 0 ? "1.0" : "2.0");
        int id = random.nextInt(10);
        if (id > 0) {
            message.put("id", id < 3 ? null : id < 4 ? map("a", 1) : id < 7 ? random.nextInt(100) : "r" + random.nextInt(100));
        }
        message.put("method", pick(MCP_METHODS));
        int params = random.nextInt(8);
        if (params == 0) {
            message.put("params", pick(new Object[] {5, "x", list(), null}));
        } else if (params > 1) {
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("name", pick(new Object[] {"add_task", "list_tasks", "complete_task", "delete_task", "update_task",
                "nope", 5, null}));
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put(pick(new String[] {"title", "due", "reference", "task_id", "q", "due_from", "due_to", "tags",
                "reminders", "recurrence", "priority", "due_time"}), random.nextBoolean() ? pick(DATES) : anyValue(1));
            if (random.nextBoolean()) {
                arguments.put("title", pick(HOSTILE_TEXT));
            }
            call.put("arguments", random.nextInt(10) == 0 ? pick(new Object[] {5, "x", list()}) : arguments);
            if (random.nextInt(4) == 0) {
                call.put("protocolVersion", "2025-06-18");
                Map<String, Object> ref = map("type", "ref/prompt");
                ref.put("name", "x");
                call.put("ref", random.nextBoolean() ? ref : anyValue(2));
                Map<String, Object> argument = map("name", "a");
                argument.put("value", pick(HOSTILE_TEXT));
                call.put("argument", argument);
                call.put("uri", pick(HOSTILE_TEXT));
            }
            message.put("params", call);
        }
        exchange.body = Json.write(message);
        return exchange;
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    private static Map<String, Object> map(String name, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(name, value);
        return map;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** One generated request, printable to replay it with curl. */
    private static final class Exchange {

        final String method;
        final String route;
        String target;
        String contentType;
        String accept;
        String body;
        String token;

        Exchange(String method, String route) {
            this.method = method;
            this.route = route;
        }

        Response send(HttpApi api) {
            HttpApi client = token == null ? api.anonymous() : api.withToken(token);
            HttpRequest.Builder request = client.withHeader("X-Forwarded-For", HttpApi.someClientAddress()).request(target);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (accept != null) {
                request.header("Accept", accept);
            }
            request.method(method, body == null ? BodyPublishers.noBody()
                    : BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
            return client.send(request);
        }

        @Override
        public String toString() {
            return method + " " + target + (token == null ? " (anonymous)" : "") + (contentType == null ? "" : " [" + contentType + "]")
                    + (body == null ? "" : " " + abbreviate(body));
        }
    }

    /**
     * Writes JSON with every character outside printable ASCII as a {@code \}{@code uXXXX} escape, so that a NUL or a
     * lone surrogate travels as JSON carries it (a JSON library would refuse to write the latter).
     */
    static final class Json {

        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                out.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                out.append('"');
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> member : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(String.valueOf(member.getKey()), out);
                    out.append(':');
                    write(member.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else {
                out.append(value);
            }
        }
    }
}
