package io.taskstream.assistant;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.taskstream.support.ApiIT;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.LogLines;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** The task tools over MCP (Streamable HTTP at /mcp), acting only for the authenticated user. */
class McpServerIT extends ApiIT {

    private McpSession mcp(Session user) {
        return new McpSession(api.baseUrl(), user.token());
    }

    private String apiToken(Session user) {
        return api.as(user).post("/api/" + user.userId() + "/api-tokens", "{\"name\":\"mcp\"}").json().get("token").asString();
    }

    @Test
    void theFiveTaskToolsAreListedWithTheirSchemas() {
        Session ann = api.signup();
        try (McpSession mcp = mcp(ann)) {
            var tools = mcp.client().listTools().tools();

            assertThat(tools).extracting(Tool::name)
                    .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task",
                        "task_history");
            Map<String, Object> schema = tools.getFirst().inputSchema();
            assertThat(schema.get("required")).isEqualTo(java.util.List.of("title"));
            assertThat(((Map<?, ?>) schema.get("properties")).keySet().stream().map(Object::toString)).contains("due", "recurrence", "reminders")
                    .doesNotContain("user_id");
        }
    }

    @Test
    void aTaskAddedOverMcpIsRecordedWithTheMcpDoor() {
        Session ann = api.signup();
        long id;
        try (McpSession mcp = new McpSession(api.baseUrl(), apiToken(ann))) {
            JsonNode result = mcp.call("add_task", Map.of("title", "Book flights", "priority", "high"));
            assertThat(result.get("status").asString()).isEqualTo("created");
            id = result.get("task_id").asLong();
        }

        JsonNode history = Eventually.await(Duration.ofSeconds(15), () -> api.as(ann).get(ann.task(id) + "/history"),
                r -> r.status() == 200 && r.json().size() == 1).json();
        assertThat(history.get(0).get("door").asString()).isEqualTo("mcp");
        assertThat(api.as(ann).get(ann.task(id)).json().get("priority").asString()).isEqualTo("high");
    }

    @Test
    void updatingTheDueToADayKeepsTheTimeOfDayUnlessATimeIsGiven() {
        Session ann = api.signup("Europe/Berlin");
        try (McpSession mcp = mcp(ann)) {
            long plants = mcp.call("add_task", Map.of("title", "Water plants", "due", "2031-03-05T09:00")).get("task_id").asLong();
            long call = mcp.call("add_task", Map.of("title", "Call mom", "due", "2031-03-05T09:00")).get("task_id").asLong();

            mcp.call("update_task", Map.of("task_id", plants, "due", "2031-03-07"));
            mcp.call("update_task", Map.of("task_id", call, "due", "2031-03-07", "due_time", "18:30"));

            JsonNode moved = api.as(ann).get(ann.task(plants)).json();
            assertThat(moved.get("dueAt").asString()).isEqualTo("2031-03-07T09:00:00+01:00");
            assertThat(moved.get("allDay").asBoolean()).isFalse();
            assertThat(api.as(ann).get(ann.task(call)).json().get("dueAt").asString()).isEqualTo("2031-03-07T18:30:00+01:00");
        }
    }

    @Test
    void anAmbiguousTitleReturnsTheCandidatesInsteadOfGuessing() {
        Session ann = api.signup();
        createId(ann, task("Call the bank"));
        createId(ann, task("Call the plumber"));
        try (McpSession mcp = mcp(ann)) {
            CallToolResult result = mcp.callRaw("complete_task", Map.of("reference", "call"));
            JsonNode json = mcp.call("complete_task", Map.of("reference", "call"));

            assertThat(result.isError()).isFalse();
            assertThat(json.get("status").asString()).isEqualTo("ambiguous");
            assertThat(json.get("candidates").size()).isEqualTo(2);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void argumentsOutsideTheSchemaOrInvalidForATaskComeBackAsToolErrors(CapturedOutput output) {
        Session ann = api.signup();
        try (McpSession mcp = mcp(ann)) {
            CallToolResult missingTitle = mcp.callRaw("add_task", Map.of("priority", "high"));
            CallToolResult badDue = mcp.callRaw("add_task", Map.of("title", "Pay bills", "due", "someday"));

            assertThat(missingTitle.isError()).isTrue();
            assertThat(missingTitle.content().toString()).contains("title");
            assertThat(badDue.isError()).isTrue();
            assertThat(mcp.call("add_task", Map.of("title", "Pay bills", "due", "someday")).toString())
                    .contains("\"status\":\"error\"", "dueAt");
        }
        assertThat(api.as(ann).get(ann.tasks()).json().isEmpty()).isTrue();
        assertThat(LogLines.warningsAndErrors(output))
                .as("the agent's mistakes are answered to it, not logged as the server's").isEmpty();
    }

    @Test
    void aRecurrenceRuleThatMatchesNoDateIsAToolErrorNamingTheRule() {
        Session ann = api.signup();
        try (McpSession mcp = mcp(ann)) {
            Map<String, Object> poison = Map.of("rule", "FREQ=WEEKLY;BYSETPOS=-366;BYDAY=MO");
            JsonNode added = mcp.call("add_task", Map.of("title", "Review", "due", "2026-05-04", "recurrence", poison));
            long id = mcp.call("add_task", Map.of("title", "Water plants", "due", "2026-05-04")).get("task_id").asLong();
            JsonNode updated = mcp.call("update_task", Map.of("task_id", id,
                    "recurrence", Map.of("rule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")));

            assertThat(added.toString()).contains("\"status\":\"error\"", "recurrence.rule", "matches no date");
            assertThat(updated.toString()).contains("\"status\":\"error\"", "recurrence.rule", "matches no date");
            assertThat(api.as(ann).get(ann.task(id)).json().get("recurrence").isNull()).isTrue();
        }
        assertThat(api.as(ann).get(ann.tasks()).json().size()).isEqualTo(1);
    }

    @Test
    void aUserNeverReachesAnotherUsersTasksThroughMcpByIdOrByName() {
        Session ann = api.signup();
        Session bob = api.signup();
        long bobs = createId(bob, task("Bob's quarterly report"));
        try (McpSession mcp = new McpSession(api.baseUrl(), apiToken(ann))) {
            JsonNode completeById = mcp.call("complete_task", Map.of("task_id", bobs));
            JsonNode deleteByName = mcp.call("delete_task", Map.of("reference", "quarterly report"));
            JsonNode updateAsBob = mcp.call("update_task", Map.of("task_id", bobs, "title", "hacked", "user_id", bob.userId()));
            JsonNode listAsBob = mcp.call("list_tasks", Map.of("user_id", bob.userId()));

            assertThat(completeById.get("status").asString()).isEqualTo("not_found");
            assertThat(deleteByName.get("status").asString()).isEqualTo("not_found");
            assertThat(updateAsBob.get("status").asString()).isEqualTo("not_found");
            assertThat(listAsBob.isEmpty()).isTrue();
        }
        JsonNode task = api.as(bob).get(bob.task(bobs)).json();
        assertThat(task.get("title").asString()).isEqualTo("Bob's quarterly report");
        assertThat(task.get("completed").asBoolean()).isFalse();
    }

    @Test
    void theServerKeepsNoMcpSessionSoAnyReplicaCanServeAnyCall() {
        Session ann = api.signup();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

        Response initialized = mcpPost(ann, initialize);
        Response listed = mcpPost(ann, list);

        assertThat(initialized.status()).isEqualTo(200);
        assertThat(initialized.header("Mcp-Session-Id")).isNull();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("add_task");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMalformedMessageIsAJsonRpcErrorThatRevealsNothingOfTheServerAndLogsNoError(CapturedOutput output) {
        Session ann = api.signup();

        for (String malformed : new String[] {"{", "{}", "{\"jsonrpc\":\"2.0\"}"}) {
            Response response = mcpPost(ann, malformed);

            assertThat(response.status()).as(malformed).isEqualTo(400);
            JsonNode body = response.json();
            assertThat(body.get("jsonrpc").asString()).isEqualTo("2.0");
            assertThat(body.get("error").get("code").asInt()).isEqualTo(-32600);
            assertThat(body.get("error").get("message").asString()).isEqualTo("Invalid message format");
            assertThat(response.body()).doesNotContain("stackTrace", "className", "springframework");
        }
        assertThat(LogLines.warningsAndErrors(output))
                .as("a client's mistake is not the server's error").isEmpty();
        assertThat(mcpPost(ann, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}").body())
                .as("a well-formed message after them still reaches the tools").contains("add_task");
    }

    private Response mcpPost(Session user, String json) {
        return api.as(user).send(api.as(user).request("/mcp")
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void mcpRefusesRequestsWithoutAValidBearerToken() {
        Session ann = api.signup();
        String token = apiToken(ann);
        long tokenId = api.as(ann).get("/api/" + ann.userId() + "/api-tokens").json().get(0).get("id").asLong();
        api.as(ann).delete("/api/" + ann.userId() + "/api-tokens/" + tokenId);
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

        Response anonymous = api.anonymous().send(api.anonymous().request("/mcp")
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(initialize)));
        Response revoked = api.withToken(token).send(api.withToken(token).request("/mcp")
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(initialize)));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(revoked.status()).isEqualTo(401);
    }

    private static String request(Object id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params)
                + "}";
    }

    private static void assertJsonRpcError(Response response, int status, Object id, int code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(body.get("id").isNull() ? null : body.get("id").asString()).as(response.toString())
                .isEqualTo(id == null ? null : id.toString());
        assertThat(body.get("error").get("code").asInt()).as(response.toString()).isEqualTo(code);
        assertThat(body.get("error").get("message").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "Cannot invoke", "io.modelcontextprotocol", "SQL");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMessageThatIsNoJsonRpcRequestIsAnInvalidRequest(CapturedOutput output) {
        Session ann = api.signup();

        for (String invalid : new String[] {"null", "[]", "5", request("null", "tools/list", null),
                request("{\"a\":1}", "tools/list", null), request("[1]", "ping", null)}) {
            assertJsonRpcError(mcpPost(ann, invalid), 400, null, -32600);
        }
        assertThat(LogLines.errors(output)).as("a client's mistake is not the server's error").isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anUnknownMethodIsMethodNotFound(CapturedOutput output) {
        Session ann = api.signup();

        assertJsonRpcError(mcpPost(ann, request(1, "nope", null)), 200, 1, -32601);
        assertJsonRpcError(mcpPost(ann, request("\"a\"", "logging/setLevel", "{\"level\":\"debug\"}")), 200, "a", -32601);
        assertThat(LogLines.errors(output)).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void paramsThatDoNotFitTheMethodAreInvalidParams(CapturedOutput output) {
        Session ann = api.signup();

        assertJsonRpcError(mcpPost(ann, request(1, "tools/call", null)), 200, 1, -32602);
        assertJsonRpcError(mcpPost(ann, request(2, "tools/call", "5")), 200, 2, -32602);
        assertJsonRpcError(mcpPost(ann, request(3, "tools/call", "{\"name\":\"nope\"}")), 200, 3, -32602);
        assertJsonRpcError(mcpPost(ann, request(4, "tools/call", "{\"name\":\"list_tasks\",\"arguments\":5}")), 200, 4, -32602);
        assertJsonRpcError(mcpPost(ann, request(5, "completion/complete", "{}")), 200, 5, -32602);
        assertJsonRpcError(mcpPost(ann, request(6, "initialize", null)), 200, 6, -32602);
        assertJsonRpcError(mcpPost(ann, request(7, "initialize", "[]")), 200, 7, -32602);
        assertThat(LogLines.errors(output)).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aToolRefusesUnstorableTextAndFarDatesByNameAndNeverShowsTheDatabasesMessage(CapturedOutput output) {
        Session ann = api.signup();
        try (McpSession mcp = mcp(ann)) {
            JsonNode farDue = mcp.call("add_task", Map.of("title", "Pay bills", "due", "+294277-01-01T00:00:00Z"));
            JsonNode nulTitle = mcp.call("add_task", Map.of("title", "Pay\u0000bills"));
            JsonNode farBound = mcp.call("list_tasks", Map.of("due_from", "+294277-01-01T00:00:00Z"));
            JsonNode nulSearch = mcp.call("list_tasks", Map.of("q", "bills\u0000"));

            assertThat(farDue.toString()).contains("\"status\":\"error\"", "dueAt", "9999").doesNotContain("SQL", "insert");
            assertThat(nulTitle.toString()).contains("\"status\":\"error\"", "title", "NUL");
            assertThat(farBound.toString()).contains("\"status\":\"error\"", "due_from");
            assertThat(nulSearch.toString()).contains("\"status\":\"error\"", "q");
        }
        assertThat(api.as(ann).get(ann.tasks()).json().isEmpty()).isTrue();
        assertThat(LogLines.errors(output)).isEmpty();
    }

    @Test
    void aRefusalOfTheTransportCarriesAJsonRpcError() {
        Session ann = api.signup();

        Response noAccept = api.as(ann).send(api.as(ann).request("/mcp").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request(1, "tools/list", null))));
        Response get = api.as(ann).send(api.as(ann).request("/mcp").header("Accept", "text/event-stream").GET());

        assertThat(noAccept.status()).isBetween(400, 499);
        assertJsonRpcError(noAccept, noAccept.status(), null, -32600);
        assertThat(get.status()).isBetween(400, 499);
        assertJsonRpcError(get, get.status(), null, -32600);
        for (String contentType : new String[] {"application/x-www-form-urlencoded", "text/plain", "application/xml"}) {
            Response notJson = api.as(ann).send(api.as(ann).request("/mcp").header("Content-Type", contentType)
                    .header("Accept", "application/json, text/event-stream")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"a\":\"%zz\"}")));
            assertJsonRpcError(notJson, 415, null, -32600);
        }
        for (String accept : new String[] {"foo", "application/json;q=x, text/event-stream"}) {
            Response unreadable = api.as(ann).send(api.as(ann).request("/mcp").header("Content-Type", "application/json")
                    .header("Accept", accept).POST(java.net.http.HttpRequest.BodyPublishers.ofString(request(1, "ping", null))));
            assertJsonRpcError(unreadable, 406, null, -32600);
        }
    }
}
