package io.taskstream.platform.web;

import static io.taskstream.support.ProblemAssertions.assertFieldErrors;
import static io.taskstream.support.ProblemAssertions.assertNoInternals;
import static io.taskstream.support.ProblemAssertions.assertProblem;
import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.HttpApi;
import io.taskstream.support.LogLines;
import io.taskstream.support.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Every client error is an RFC 9457 problem document that tells what went wrong and nothing of the server's insides. */
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsIT extends ApiIT {

    private static final int LIMIT = 64 * 1024;

    private Session ann;

    @BeforeEach
    void signUp() {
        ann = api.signup();
    }

    private void assertNothingCreated() {
        assertThat(api.as(ann).get(ann.tasks()).totalCount()).isZero();
    }

    @Test
    void malformedJsonIsABadRequest() {
        for (String body : new String[] {"{\"title\": ", "{title: 'x'}", "{\"title\":\"x\"} trailing", "", "\u0000"}) {
            Response response = api.as(ann).post(ann.tasks(), body);

            assertProblem(response, 400, "malformed-request");
        }
        assertNothingCreated();
    }

    @Test
    void problemsCarryTheRequestId() {
        Response response = api.as(ann).withHeader("X-Request-Id", "trace-me-42").post(ann.tasks(), "{");

        JsonNode problem = assertProblem(response, 400, "malformed-request");
        assertThat(problem.get("requestId").asString()).isEqualTo("trace-me-42");
    }

    @Test
    void validationProblemsListEveryBadField() {
        Response response = api.as(ann).post(ann.tasks(), task("").priority("urgent").tags("ok", "not ok!").due("never")
                .json());

        JsonNode problem = assertFieldErrors(response, "validation", "title", "priority", "tags[1]", "dueAt");
        assertThat(problem.get("title").asString()).isEqualTo("Request validation failed");
    }

    @Test
    void textPlainIsAnUnsupportedMediaType() {
        assertProblem(api.as(ann).send(ann.tasks(), "POST", "text/plain", task("x").json()), 415, "unsupported-media-type");
        assertProblem(api.as(ann).send(ann.task(1), "PUT", "text/plain", task("x").json()), 415, "unsupported-media-type");
        assertProblem(api.anonymous().send("/api/auth/signup", "POST", "text/plain", "{}"), 415, "unsupported-media-type");
        assertProblem(api.as(ann).send(ann.tasks(), "POST", null, task("x").json()), 415, "unsupported-media-type");
        assertNothingCreated();
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsTooLarge() {
        String big = task("x").description("d".repeat(LIMIT)).json();

        Response response = api.as(ann).post(ann.tasks(), big);

        assertProblem(response, 413, "payload-too-large");
        assertNothingCreated();
    }

    @Test
    void aChunkedBodyOverSixtyFourKibibytesIsTooLarge() {
        byte[] big = task("x").description("d".repeat(LIMIT)).json().getBytes(StandardCharsets.UTF_8);

        Response response = api.as(ann).send(api.as(ann).request(ann.tasks())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertProblem(response, 413, "payload-too-large");
        assertNothingCreated();
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String body = task("x").description("d".repeat(4000)).raw("tags", "[]").json();
        String padded = body.substring(0, body.length() - 1) + " ".repeat(LIMIT - body.length() - 1) + "}";

        Response response = api.as(ann).post(ann.tasks(), padded);

        assertThat(padded.length()).isLessThan(LIMIT);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void badEnumsInTheQueryAreRejected() {
        assertFieldErrors(api.as(ann).get(ann.tasks() + "?priority=urgent"), "validation", "priority");
        assertFieldErrors(api.as(ann).get(ann.tasks() + "?status=x"), "validation", "status");
        assertFieldErrors(api.as(ann).get(ann.tasks() + "?sort=x"), "validation", "sort");
        assertFieldErrors(api.as(ann).get(ann.tasks() + "?status=x&sort=y&priority=z"), "validation",
                "status", "sort", "priority");
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        assertProblem(api.as(ann).get("/api/" + ann.userId() + "/nothing-here"), 404, "not-found");
        assertProblem(api.anonymous().get("/no/such/page"), 404, "not-found");
        assertProblem(api.as(ann).get("/api/auth/nothing"), 404, "not-found");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        Response response = api.as(ann).delete(ann.tasks());

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET", "POST");
        assertProblem(api.as(ann).get("/api/auth/signup"), 405, "method-not-allowed");
    }

    @Test
    void requestsRefusedBeforeReachingTheApiAreProblemsToo() {
        HttpApi traced = api.as(ann).withHeader("X-Request-Id", "refused-1");

        JsonNode semicolon = assertProblem(traced.get(ann.tasks() + ";jsessionid=abc"), 400, "bad-request");
        JsonNode doubleSlash = assertProblem(traced.get("//api/" + ann.userId() + "/tasks"), 400, "bad-request");
        Response trace = traced.send(ann.tasks(), "TRACE", null, null);
        JsonNode traceProblem = assertProblem(trace, 405, "method-not-allowed");

        assertThat(semicolon.get("requestId").asString()).isEqualTo("refused-1");
        assertThat(doubleSlash.get("requestId").asString()).isEqualTo("refused-1");
        assertThat(traceProblem.get("requestId").asString()).isEqualTo("refused-1");
        assertThat(trace.header("X-Request-Id")).isEqualTo("refused-1");
        assertThat(traceProblem.get("instance").asString()).as("the refused request's path").isEqualTo(ann.tasks());
        assertThat(doubleSlash.get("instance").asString()).isEqualTo("//api/" + ann.userId() + "/tasks");
    }

    @Test
    void anUndecodableQueryStringIsABadParameterOnEveryRoute() throws IOException {
        for (String target : List.of(ann.tasks() + "?q=%", ann.tasks() + "?q=%zz&size=5", ann.tasks() + "?=x",
                "/api/" + ann.userId() + "/stream?ticket=%", "/actuator/health?probe=%")) {
            String response = rawGet(target);

            assertThat(RawHttp.head(response)).as(target).startsWith("http/1.1 400 ")
                    .contains("content-type: application/problem+json", "x-request-id: ");
            assertThat(response).as(target).contains("/problems/bad-parameter", "The query string cannot be decoded");
        }
    }

    @Test
    void requestsTomcatRefusesWhileReadingThemAreProblemsToo() throws IOException {
        String forbiddenCharacter = raw("GET /api/tasks|all HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String hugeHeader = raw("GET " + ann.tasks() + " HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(10_000)
                + "\r\nConnection: close\r\n\r\n");
        String unknownVersion = raw("GET " + ann.tasks() + " HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        for (String response : List.of(forbiddenCharacter, hugeHeader, unknownVersion)) {
            assertThat(RawHttp.head(response)).contains("content-type: application/problem+json", "x-request-id: ");
            assertThat(response).contains("/problems/bad-request", "\"requestId\"").doesNotContain("<html", "Tomcat");
        }
        assertThat(forbiddenCharacter).startsWith("HTTP/1.1 400 ");
        assertThat(hugeHeader).startsWith("HTTP/1.1 400 ");
        assertThat(unknownVersion).startsWith("HTTP/1.1 505 ");
    }

    @Test
    void aHeaderOverTheLimitIsLoggedOnOneLineWithoutAStackTrace(CapturedOutput output) throws IOException {
        String response = raw("GET " + ann.tasks() + " HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(10_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("/problems/bad-request");
        List<String> lines = output.getAll().lines().toList();
        assertThat(lines.stream().filter(line -> line.contains("Refused a request Tomcat could not read")))
                .singleElement().satisfies(line -> assertThat(line).contains(" INFO ", "400", "too large"));
        assertThat(lines).as("no stack trace").noneMatch(line -> line.contains("Exception: Request header is too large")
                || line.strip().startsWith("at org.apache."));
        assertThat(lines).as("Tomcat's own report").noneMatch(line -> line.contains("Error parsing HTTP request header"));
    }

    /** A GET whose target goes on the wire as written: Java's URI and HttpClient refuse a malformed escape. */
    private String rawGet(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ann.token()
                + "\r\nConnection: close\r\n\r\n");
    }


    private String raw(String request) throws IOException {
        return RawHttp.send(port, request);
    }

    @Test
    void typeMismatchesInThePathOrQueryAreBadParameters() {
        assertProblem(api.as(ann).get(ann.tasks() + "/12abc"), 400, "bad-parameter");
        assertProblem(api.as(ann).get(ann.tasks() + "?page=first"), 400, "bad-parameter");
        assertProblem(api.as(ann).get(ann.tasks() + "/99999999999999999999"), 400, "bad-parameter");
    }

    @Test
    void noErrorRevealsServerInternals() {
        Response[] responses = {
            api.as(ann).post(ann.tasks(), "{\"title\": [}"),
            api.as(ann).post(ann.tasks(), "{\"title\": 1e999}"),
            api.as(ann).post(ann.tasks(), "[" .repeat(2000)),
            api.as(ann).post(ann.tasks(), "{\"title\": \"x\", \"title\": \"y\", \"tags\": {}}"),
            api.as(ann).patch(ann.task(1), "{\"tags\": [[]]}"),
            api.as(ann).get(ann.tasks() + "?overdue=perhaps"),
            api.as(ann).get(ann.tasks() + "?dueFrom=%00"),
            api.as(ann).send(ann.complete(1), "PATCH", "application/json", "{\"completed\": 1}"),
            api.anonymous().post("/api/auth/login", "{\"email\": null, \"password\": null}"),
            api.anonymous().post("/api/auth/signup", "{\"email\": 5}"),
        };
        for (Response response : responses) {
            assertThat(response.status()).as(response.toString()).isBetween(400, 499);
            assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
            assertNoInternals(response);
        }
    }

    @Test
    void aContentTypeThatIsAPatternOrNoMediaTypeIsUnsupportedOnEveryRoute(CapturedOutput output) {
        for (String contentType : List.of("*/*", "application/*", "text/*", "foo", "application/json; charset=nonsense")) {
            assertProblem(api.as(ann).send(ann.tasks(), "POST", contentType, task("x").json()), 415, "unsupported-media-type");
            assertProblem(api.anonymous().send("/api/auth/login", "POST", contentType, "{}"), 415, "unsupported-media-type");
            assertProblem(api.as(ann).send(ann.tasks(), "GET", contentType, "{}"), 415, "unsupported-media-type");
            assertProblem(api.as(ann).send("/mcp", "POST", contentType, "{}"), 415, "unsupported-media-type");
        }
        assertNothingCreated();
        assertThat(LogLines.errors(output)).as("a client's mistake is not the server's error").isEmpty();
    }

    @Test
    void aMultipartBodyIsAnUnsupportedMediaType(CapturedOutput output) {
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=x")) {
            assertProblem(api.as(ann).send(ann.tasks(), "POST", contentType, task("x").json()), 415, "unsupported-media-type");
            assertProblem(api.anonymous().send("/api/auth/signup", "POST", contentType, "{}"), 415, "unsupported-media-type");
        }
        assertProblem(api.as(ann).send(ann.tasks(), "POST", "application/xml", "<task/>"), 415, "unsupported-media-type");
        assertNothingCreated();
        assertThat(LogLines.errors(output)).isEmpty();
    }

    @Test
    void aFormBodyIsNeverReadAsAForm(CapturedOutput output) {
        long id = createId(ann, task("x"));
        String form = "application/x-www-form-urlencoded";

        assertProblem(api.as(ann).send(ann.task(id), "PUT", form, "title=%zz"), 415, "unsupported-media-type");
        assertProblem(api.as(ann).send(ann.task(id), "PATCH", form, "title=%zz"), 415, "unsupported-media-type");
        assertProblem(api.as(ann).send(ann.task(404404), "DELETE", form, "title=%zz"), 404, "not-found");
        assertProblem(api.as(ann).send(ann.tasks() + "?size=5", "POST", form, "title=%zz"), 400, "bad-parameter");
        assertThat(fetch(ann, id).get("title").asString()).isEqualTo("x");
        assertThat(LogLines.errors(output)).isEmpty();
    }

    @Test
    void aProblemIsJsonWhateverTheClientAccepts() {
        HttpApi xml = api.as(ann).withHeader("Accept", "application/xml");

        assertProblem(xml.send(ann.tasks(), "POST", "text/plain", "x"), 415, "unsupported-media-type");
        assertProblem(xml.get(ann.tasks()), 406, "not-acceptable");
        assertProblem(api.as(ann).withHeader("Accept", "text/html").post(ann.tasks(), "{"), 406, "not-acceptable");
        assertProblem(api.anonymous().withHeader("Accept", "application/xml").get(ann.tasks()), 401, "unauthorized");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            assertProblem(api.anonymous().send("/error", method, null, null), 404, "not-found");
        }
    }

    @Test
    void aNulOrALoneSurrogateInAQueryParameterIsAValidationProblemNamingIt(CapturedOutput output) {
        assertFieldErrors(api.as(ann).get(ann.tasks() + "?q=milk%00"), "validation", "q");
        assertFieldErrors(api.as(ann).get(ann.tasks() + "?tag=a%00&q=b%00"), "validation", "tag", "q");
        assertThat(LogLines.errors(output)).isEmpty();
    }

    @Test
    void textThatCannotBeStoredIsAValidationProblemWhateverTheBodyIsReadInto(CapturedOutput output) {
        assertFieldErrors(api.as(ann).post(ann.tasks(), "{\"title\":\"milk\\u0000\",\"tags\":[\"a\\ud800\"]}"), "validation",
                "title", "tags[0]");
        long id = createId(ann, task("x"));
        assertFieldErrors(api.as(ann).patch(ann.task(id), "{\"description\":\"\\u0000\"}"), "validation", "description");
        assertFieldErrors(api.as(ann).patch(ann.task(id), "{\"recurrence\":{\"rule\":\"FREQ=DAILY\\u0000\"}}"), "validation",
                "recurrence.rule");
        assertFieldErrors(api.as(ann).post(ann.tasks(), "{\"title\":\"x\",\"\\u0000\":1}"), "validation", "\\u0000");
        assertThat(api.as(ann).get(ann.task(id)).json().get("description").isNull()).isTrue();
        assertThat(LogLines.errors(output)).isEmpty();
    }
}
