package io.taskstream.assistant;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.taskstream.support.HttpApi;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An MCP client session (the MCP Java SDK's client) authenticated with a bearer token. */
final class McpSession implements AutoCloseable {

    private final McpSyncClient client;

    McpSession(String baseUrl, String bearer) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + bearer))
                .build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(15)).build();
        client.initialize();
    }

    McpSyncClient client() {
        return client;
    }

    CallToolResult callRaw(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    /** The tool's JSON result (its text content). */
    JsonNode call(String tool, Map<String, Object> arguments) {
        CallToolResult result = callRaw(tool, arguments);
        return HttpApi.JSON.readTree(((TextContent) result.content().getFirst()).text());
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
