package io.taskstream.assistant.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.taskstream.assistant.tools.TaskTools;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.ai.mcp.server.common.autoconfigure.properties.McpServerStreamableHttpProperties;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStatelessServerTransport;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The MCP server (stateless Streamable HTTP at {@code /mcp}, Spring AI's server auto-configuration):
 * the task tools, and a transport that hands each call the authenticated user. Stateless like the chat
 * endpoint: no MCP session is kept in a process, so any replica can answer any request. {@code /mcp} sits behind the
 * same bearer authentication as the API (JWT or personal API token); the user a tool acts for is the
 * authenticated principal, read from the HTTP request into the MCP transport context, never a tool
 * argument.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

    @Bean
    WebMvcStatelessServerTransport webMvcStatelessServerTransport(
            @Qualifier("mcpServerJsonMapper") JsonMapper mcpJson, McpServerStreamableHttpProperties properties) {
        return WebMvcStatelessServerTransport.builder()
                .jsonMapper(new JacksonMcpJsonMapper(mcpJson))
                .messageEndpoint(properties.getMcpEndpoint())
                .contextExtractor(request -> request.principal()
                        .map(principal -> McpTransportContext.create(Map.of(McpTaskTools.USER_ID, principal.getName())))
                        .orElse(McpTransportContext.EMPTY))
                .build();
    }

    /** The transport's routes, with a message that is not JSON-RPC answered before the transport ({@link McpMessageCheck}). */
    @Bean
    RouterFunction<ServerResponse> webMvcStatelessServerRouterFunction(WebMvcStatelessServerTransport transport,
            @Qualifier("mcpServerJsonMapper") JsonMapper mcpJson) {
        return transport.getRouterFunction().filter(new McpMessageCheck(new JacksonMcpJsonMapper(mcpJson)));
    }

    /** The transport's errors as JSON-RPC error responses, not as serialized exceptions. */
    @Bean
    JsonMapperBuilderCustomizer mcpErrorsAsJsonRpc() {
        return builder -> builder.addModule(new SimpleModule("mcp-errors").addSerializer(McpError.class, new McpErrorJson()));
    }

    @Bean
    List<SyncToolSpecification> taskToolSpecifications(TaskTools tools, @Qualifier("mcpServerJsonMapper") JsonMapper mcpJson,
            MeterRegistry meters) {
        return new McpTaskTools(tools, mcpJson, meters).specifications();
    }
}
