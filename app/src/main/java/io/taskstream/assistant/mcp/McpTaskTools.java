package io.taskstream.assistant.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.taskstream.account.UserId;
import io.taskstream.assistant.tools.TaskTools;
import io.taskstream.assistant.tools.ToolActor;
import io.taskstream.assistant.tools.ToolCall;
import io.taskstream.assistant.tools.ToolSpec;
import io.taskstream.task.Door;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Adapts the task tools to MCP tool specifications acting for the authenticated user through Door.MCP. */
final class McpTaskTools {

    private static final Logger log = LoggerFactory.getLogger(McpTaskTools.class);

    /** Key of the authenticated user's id in the MCP transport context. */
    static final String USER_ID = "taskstream.userId";

    private final TaskTools tools;
    private final JsonMapper json;
    private final MeterRegistry meters;

    McpTaskTools(TaskTools tools, JsonMapper json, MeterRegistry meters) {
        this.tools = tools;
        this.json = json;
        this.meters = meters;
    }

    List<SyncToolSpecification> specifications() {
        return tools.specs().stream().map(this::specification).toList();
    }

    private SyncToolSpecification specification(ToolSpec spec) {
        Map<String, Object> schema = json.convertValue(spec.inputSchema(), new TypeReference<Map<String, Object>>() { });
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(spec.name())
                .description(spec.description())
                .inputSchema(schema)
                .build();
        // The label is the tool's own name (one handler per tool), so a caller cannot add label values.
        Counter ok = calls(spec.name(), "ok");
        Counter error = calls(spec.name(), "error");
        Timer time = Timer.builder("taskstream.mcp.call").description("time to answer an MCP tool call")
                .tag("tool", spec.name()).serviceLevelObjectives(CALL_BUCKETS).register(meters);
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((context, request) -> {
                    long started = System.nanoTime();
                    boolean failed = true;
                    try {
                        CallToolResult result = call(context, request);
                        failed = Boolean.TRUE.equals(result.isError());
                        return result;
                    } finally {
                        time.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                        (failed ? error : ok).increment();
                    }
                })
                .build();
    }

    /** MCP call time bucket bounds (the API's own, and longer for a search through many tasks). */
    private static final Duration[] CALL_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5)};

    private Counter calls(String tool, String outcome) {
        return Counter.builder("taskstream.mcp.calls").description("MCP tool calls, by tool and outcome")
                .tag("tool", tool).tag("outcome", outcome).register(meters);
    }

    private CallToolResult call(McpTransportContext context, CallToolRequest request) {
        Object user = context.get(USER_ID);
        if (!(user instanceof String userId)) {
            return CallToolResult.builder().addTextContent("{\"status\":\"error\",\"error\":\"not authenticated\"}")
                    .isError(true).build();
        }
        JsonNode arguments = json.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
        ToolCall call;
        try {
            call = tools.call(new ToolActor(UserId.of(userId), Door.MCP), request.name(), arguments);
        } catch (RuntimeException e) {
            // The tools answer every caller's mistake themselves: this is the server's failure, told to its operator
            // only. The transport would hand the exception's message (an SQL statement, say) to the caller.
            log.error("MCP tool {} failed", request.name(), e);
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("Internal error").build();
        }
        CallToolResult.Builder result = CallToolResult.builder()
                .addTextContent(json.writeValueAsString(call.result()))
                .isError("error".equals(call.status()) || "not_found".equals(call.status()));
        if (call.result().isObject()) {
            result.structuredContent(json.convertValue(call.result(), new TypeReference<Map<String, Object>>() { }));
        }
        return result.build();
    }
}
