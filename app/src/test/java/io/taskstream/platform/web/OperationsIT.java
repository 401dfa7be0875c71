package io.taskstream.platform.web;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What operators and API clients rely on besides the API itself: its document, probes, metrics, request ids. */
class OperationsIT extends ApiIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void apiDocumentIsAValidOpenApi3DocumentWithTheTaskRoutes() {
        Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(docs.body(), null, options);

        assertThat(result.getMessages()).as("validation messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/auth/signup", "/api/auth/login", "/api/auth/me",
                "/api/{userId}/tasks", "/api/{userId}/tasks/{id}", "/api/{userId}/tasks/{id}/complete", "/api/{userId}/tags");
        var task = result.getOpenAPI().getPaths().get("/api/{userId}/tasks/{id}");
        assertThat(task.getGet()).isNotNull();
        assertThat(task.getPut()).isNotNull();
        assertThat(task.getPatch()).isNotNull();
        assertThat(task.getDelete()).isNotNull();
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearer");
    }

    @Test
    void swaggerUiIsReachable() {
        Response entry = api.get("/swagger-ui.html");
        assertThat(entry.status()).isIn(200, 301, 302);
        Response page = entry.status() == 200 ? entry : api.get(java.net.URI.create(entry.header("Location")).getPath());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            Response response = api.get(probe);

            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsIncludeHttpServerRequests() {
        Session ann = api.signup();
        createId(ann, task("counted"));

        Response metrics = api.get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("uri=\"/api/{userId}/tasks\"");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        assertThat(api.get("/actuator/env").status()).isIn(401, 403, 404);
        assertThat(api.get("/actuator/beans").status()).isIn(401, 403, 404);
    }

    @Test
    void tracingIsOffByDefaultEvenForARequestArrivingInASampledTrace() {
        Session ann = api.signup();
        long id = api.as(ann).withHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .post(ann.tasks(), task("Untraced").json()).json().get("id").asLong();

        List<String> payloads = jdbc.sql("select payload::text from event_outbox where message_key = :user "
                        + "and payload -> 'data' ->> 'taskId' = :id")
                .param("user", ann.userId()).param("id", Long.toString(id)).query(String.class).list();
        assertThat(payloads).hasSize(2).noneSatisfy(payload -> assertThat(payload).contains("traceparent"));
    }

    @Test
    void everyResponseGetsARequestIdWhenTheCallerSendsNone() {
        Session ann = api.signup();
        Response[] responses = {
            api.get("/actuator/health"),
            api.as(ann).get(ann.tasks()),
            api.anonymous().get(ann.tasks()),
            api.as(ann).get(ann.task(424242)),
            api.as(ann).post(ann.tasks(), "{"),
            api.as(ann).post(ann.tasks(), task("x").description("d".repeat(70_000)).json()),
        };
        for (Response response : responses) {
            String id = response.header("X-Request-Id");
            assertThat(id).as(response.toString()).isNotNull();
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
        assertThat(responses[1].header("X-Request-Id")).isNotEqualTo(responses[2].header("X-Request-Id"));
    }

    @Test
    void aSaneRequestIdIsEchoed() {
        String id = "req-2026.11:abc_DEF";

        assertThat(api.withHeader("X-Request-Id", id).get("/actuator/health").header("X-Request-Id")).isEqualTo(id);
        assertThat(api.withHeader("X-Request-Id", id).get("/no/such/page").header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void anInsaneRequestIdIsReplaced() {
        for (String insane : new String[] {"has spaces in it", "x".repeat(200), "<script>", "a\"b"}) {
            String id = api.withHeader("X-Request-Id", insane).get("/actuator/health").header("X-Request-Id");

            assertThat(id).as(insane).isNotEqualTo(insane);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }
}
