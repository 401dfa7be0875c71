package io.taskstream.assistant.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers a POST to {@code /mcp} whose body is not a JSON-RPC message before the transport sees it, with the error
 * the transport gives it ({@code -32600 Invalid message format}, 400). The transport would also log it at ERROR, where
 * it reports its own failures too: a client's mistake is not one, and an operator alerted on ERROR lines should not be
 * woken by it. The body read here is handed on to the transport.
 */
final class McpMessageCheck implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(McpMessageCheck.class);

    private final McpJsonMapper json;

    McpMessageCheck(McpJsonMapper json) {
        this.json = json;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        if (!HttpMethod.POST.equals(request.method())) {
            return next.handle(request);
        }
        String body = request.body(String.class);
        try {
            McpSchema.deserializeJsonRpcMessage(json, body);
        } catch (IllegalArgumentException | IOException e) {
            log.debug("Refused an MCP message that is not JSON-RPC: {}", e.getMessage());
            return ServerResponse.badRequest().body(McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
                    .message("Invalid message format").build());
        }
        return next.handle(ServerRequest.from(request).body(body).build());
    }
}
