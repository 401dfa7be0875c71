package io.taskstream.platform.web;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.support.ApiIT;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.RawHttp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every answer, whoever gives it, tells the browser to send no referrer and to allow no powerful feature. */
class BrowserPolicyHeadersIT extends ApiIT {

    @Test
    void everyAnswerOverHttpCarriesTheBrowserPolicies() {
        Session ann = api.signup();
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("the API", create(ann, task("Water plants")));
        answers.put("a list", api.as(ann).get(ann.tasks()));
        answers.put("a 401 problem", api.anonymous().get(ann.tasks()));
        answers.put("a 403 problem", api.as(api.signup()).get(ann.tasks()));
        answers.put("an unknown route", api.as(ann).get("/api/nothing-here"));
        answers.put("a validation problem", api.as(ann).post(ann.tasks(), "{\"title\":\"\"}"));
        answers.put("a body over the limit", api.as(ann).post(ann.tasks(), "{\"title\":\"" + "a".repeat(70_000) + "\"}"));
        answers.put("the firewall's refusal", api.as(ann).get(ann.tasks() + ";jsessionid=abc"));
        answers.put("a method not allowed", api.as(ann).send(ann.tasks(), "TRACE", null, null));
        answers.put("the web app", api.anonymous().get("/"));
        answers.put("a static file", api.anonymous().get("/swagger-ui/index.html"));
        answers.put("the API document", api.anonymous().get("/v3/api-docs"));
        answers.put("health", api.anonymous().get("/actuator/health"));
        answers.put("metrics", api.anonymous().get("/actuator/prometheus"));
        answers.put("a hidden actuator endpoint", api.anonymous().get("/actuator/env"));

        answers.forEach((what, response) -> {
            assertThat(response.header("Referrer-Policy")).as(what + ": " + response.status()).isEqualTo("no-referrer");
            assertThat(response.header("Permissions-Policy")).as(what)
                    .isEqualTo(BrowserPolicyHeaders.PERMISSIONS_POLICY)
                    .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
        });
        assertThat(answers.get("a body over the limit").status()).isEqualTo(413);
        assertThat(answers.get("the firewall's refusal").status()).isEqualTo(400);
        assertThat(answers.get("a static file").status()).isEqualTo(200);
    }

    @Test
    void answersRefusedBeforeTheApiCarryThemToo() throws IOException {
        List<String> refused = List.of(
                raw("GET /api/tasks?q=% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                raw("GET /api/tasks|all HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                raw("GET /api/tasks HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(10_000)
                        + "\r\nConnection: close\r\n\r\n"),
                raw("GET /api/tasks HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"));

        for (String response : refused) {
            assertThat(RawHttp.head(response)).as(response).contains("content-type: application/problem+json",
                    "referrer-policy: no-referrer",
                    "permissions-policy: " + BrowserPolicyHeaders.PERMISSIONS_POLICY.toLowerCase(Locale.ROOT));
        }
    }


    private String raw(String request) throws IOException {
        return RawHttp.send(port, request);
    }
}
