package io.taskstream.assistant.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes the {@link McpError} that the MCP transport answers a malformed message (or its own failure) with as a
 * JSON-RPC error response. Serialized as the exception it is, it went out with its stack trace and the class names
 * of the whole filter chain. The message of an internal error stays in the log.
 */
final class McpErrorJson extends StdSerializer<McpError> {

    McpErrorJson() {
        super(McpError.class);
    }

    @Override
    public void serialize(McpError value, JsonGenerator json, SerializationContext context) {
        JSONRPCError error = value.getJsonRpcError();
        int code = error == null || error.code() == null ? ErrorCodes.INTERNAL_ERROR : error.code();
        json.writeStartObject();
        json.writeStringProperty("jsonrpc", "2.0");
        json.writeNullProperty("id");
        json.writeName("error");
        json.writeStartObject();
        json.writeNumberProperty("code", code);
        json.writeStringProperty("message", code == ErrorCodes.INTERNAL_ERROR ? "Internal error" : error.message());
        json.writeEndObject();
        json.writeEndObject();
    }
}
