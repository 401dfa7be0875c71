package io.taskstream.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.HttpApi.Response;
import tools.jackson.databind.JsonNode;

/** Checks the RFC 9457 problem documents every client error of the API must be. */
public final class ProblemAssertions {

    public static final String TYPE_BASE = "https://taskstream.dev/problems/";

    private ProblemAssertions() {
    }

    /**
     * Asserts the response is a problem of the given status and type slug (e.g. {@code validation}),
     * complete with title and detail and free of server internals; returns the document.
     */
    public static JsonNode assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).as("type of %s", response).isEqualTo(TYPE_BASE + type);
        assertThat(problem.path("title").asString()).as("title of %s", response).isNotBlank();
        assertThat(problem.path("status").asInt()).as("status member of %s", response).isEqualTo(status);
        assertThat(problem.path("detail").asString()).as("detail of %s", response).isNotBlank();
        assertNoInternals(response);
        return problem;
    }

    /** Asserts a validation-style problem whose {@code errors} name exactly these fields (in any order). */
    public static JsonNode assertFieldErrors(Response response, String type, String... fields) {
        JsonNode problem = assertProblem(response, 400, type);
        assertThat(response.errorFields()).as("errors of %s", response).containsExactlyInAnyOrder(fields);
        problem.get("errors").forEach(error -> assertThat(error.path("message").asString()).isNotBlank());
        return problem;
    }

    /** No stack trace, exception class or framework package ever reaches a client. */
    public static void assertNoInternals(Response response) {
        assertThat(response.body()).as("body of %s", response)
                .doesNotContain("Exception", "at io.", "at java.", "at org.", "\tat ", "java.lang", "tools.jackson",
                        "org.springframework", "\"trace\"");
    }
}
