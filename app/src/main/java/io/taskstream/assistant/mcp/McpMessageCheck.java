package io.taskstream.assistant.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpSchema.PaginatedRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers what a client got wrong on {@code /mcp} before the transport sees it, as the JSON-RPC error it is:
 * <ul>
 * <li>a body that is not sent as JSON: 415;</li>
 * <li>a body that is no JSON-RPC message (not JSON, {@code null}, an array, an {@code id} that is null or an object):
 *     {@code -32600 Invalid message format}, 400;</li>
 * <li>a request for a method this server does not serve: {@code -32601 Method not found}, with the request's id;</li>
 * <li>a request whose {@code params} do not fit its method (missing where required, not an object, a required member
 *     missing): {@code -32602 Invalid params}, with the request's id.</li>
 * </ul>
 * The transport would answer each with a 500 (and log it at ERROR, where it reports its own failures: a client's
 * mistake is not one), or hand the message of the exception it met to the client. An {@code Accept} header that lists
 * no media types (which the transport would fail to read) is a 406; the transport's own refusals that carry no body (a
 * missing {@code Accept}, a GET) get a JSON-RPC error document too. The body read here is handed on.
 */
final class McpMessageCheck implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(McpMessageCheck.class);

    /** The requests the stateless server answers, with what their params must be (null: nothing required). */
    private static final Map<String, ParamsRule> METHODS = Map.ofEntries(
            Map.entry("ping", ParamsRule.NONE),
            Map.entry("initialize", ParamsRule.required(InitializeRequest.class, p -> p.protocolVersion() != null)),
            Map.entry("tools/list", ParamsRule.optional(PaginatedRequest.class)),
            Map.entry("tools/call", ParamsRule.required(CallToolRequest.class, p -> p.name() != null)),
            Map.entry("resources/list", ParamsRule.optional(PaginatedRequest.class)),
            Map.entry("resources/templates/list", ParamsRule.optional(PaginatedRequest.class)),
            Map.entry("resources/read", ParamsRule.required(ReadResourceRequest.class, p -> p.uri() != null)),
            Map.entry("prompts/list", ParamsRule.optional(PaginatedRequest.class)),
            Map.entry("prompts/get", ParamsRule.required(GetPromptRequest.class, p -> p.name() != null)),
            Map.entry("completion/complete", ParamsRule.required(CompleteRequest.class,
                    p -> p.ref() != null && p.argument() != null && p.argument().name() != null)));

    private static final Set<Integer> CLIENT_ERRORS_WITHOUT_BODY = Set.of(400, 404, 405, 406, 415);

    private final McpJsonMapper json;

    McpMessageCheck(McpJsonMapper json) {
        this.json = json;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        try {
            MediaType.parseMediaTypes(request.headers().header(HttpHeaders.ACCEPT));
        } catch (InvalidMediaTypeException unparseable) {
            return error(HttpStatus.NOT_ACCEPTABLE, null, ErrorCodes.INVALID_REQUEST,
                    "Not acceptable: the Accept header must list application/json and text/event-stream");
        }
        if (!HttpMethod.POST.equals(request.method())) {
            return withErrorDocument(next.handle(request));
        }
        Optional<MediaType> contentType = request.headers().contentType();
        if (contentType.isPresent() && !isJson(contentType.get())) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, ErrorCodes.INVALID_REQUEST,
                    "Unsupported media type: send JSON-RPC messages as application/json");
        }
        String body = request.body(String.class);
        JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, body);
        } catch (RuntimeException | IOException e) {
            log.debug("Refused an MCP message that is not JSON-RPC: {}", e.getMessage());
            return error(HttpStatus.BAD_REQUEST, null, ErrorCodes.INVALID_REQUEST, "Invalid message format");
        }
        if (message instanceof JSONRPCRequest call) {
            ParamsRule rule = METHODS.get(call.method());
            if (rule == null) {
                return error(HttpStatus.OK, call.id(), ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + call.method());
            }
            if (!rule.accepts(json, call.params())) {
                return error(HttpStatus.OK, call.id(), ErrorCodes.INVALID_PARAMS, "Invalid params for " + call.method());
            }
        }
        return withErrorDocument(next.handle(ServerRequest.from(request).body(body).build()));
    }

    /**
     * Whether a body of this type is JSON. Read as text, a form body ({@code application/x-www-form-urlencoded}) would
     * be decoded as parameters first, and fail on a {@code %} that escapes nothing.
     */
    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
    }

    /** A refusal of the transport without a body, with a JSON-RPC error saying what it is. */
    private ServerResponse withErrorDocument(ServerResponse response) {
        HttpStatusCode status = response.statusCode();
        if (response instanceof EntityResponse<?> || !CLIENT_ERRORS_WITHOUT_BODY.contains(status.value())) {
            return response;
        }
        String message = switch (status.value()) {
            case 405 -> "Method not allowed: send JSON-RPC messages with POST";
            case 406 -> "Not acceptable: the Accept header must list application/json and text/event-stream";
            case 415 -> "Unsupported media type: send application/json";
            case 404 -> "Not found";
            default -> "Invalid request: the Accept header must list application/json and text/event-stream";
        };
        ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON);
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Content-Type")) {
                builder.header(name, values.toArray(String[]::new));
            }
        });
        return builder.body(McpError.builder(ErrorCodes.INVALID_REQUEST).message(message).build());
    }

    /** An error answering the request with this id; without one (a message that is none), it has a null id. */
    private ServerResponse error(HttpStatus status, Object id, int code, String message) throws IOException {
        if (id == null) {
            return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(McpError.builder(code).message(message).build());
        }
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(
                new JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, null, new JSONRPCError(code, message))));
    }

    /** What a method's params must be: an object of the schema's type with its required members, or nothing. */
    private record ParamsRule(Class<?> type, boolean required, Predicate<Object> complete) {

        static final ParamsRule NONE = new ParamsRule(null, false, p -> true);

        @SuppressWarnings("unchecked")
        static <T> ParamsRule required(Class<T> type, Predicate<T> complete) {
            return new ParamsRule(type, true, p -> complete.test((T) p));
        }

        static ParamsRule optional(Class<?> type) {
            return new ParamsRule(type, false, p -> true);
        }

        boolean accepts(McpJsonMapper json, Object params) {
            if (params == null) {
                return !required;
            }
            if (!(params instanceof Map<?, ?>)) {
                return false;
            }
            if (type == null) {
                return true;
            }
            try {
                return complete.test(json.convertValue(params, type));
            } catch (RuntimeException doesNotFit) {
                return false;
            }
        }
    }
}
