package io.taskstream.assistant.chat;

import io.taskstream.assistant.tools.TaskTools;
import io.taskstream.assistant.tools.ToolActor;
import io.taskstream.assistant.tools.ToolCall;
import io.taskstream.assistant.tools.ToolSpec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The task tools as Spring AI tool callbacks for one turn: bound to the turn's actor (never to
 * anything the model says) and recording every call, so the reply lists what was done.
 */
final class ModelToolCallbacks {

    private final List<ToolCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<ToolCallback> callbacks;

    ModelToolCallbacks(TaskTools tools, ToolActor actor, ZoneId zone, JsonMapper json) {
        this.callbacks = tools.specs().stream().map(spec -> callback(tools, actor, zone, json, spec)).toList();
    }

    List<ToolCallback> callbacks() {
        return callbacks;
    }

    List<ToolCall> calls() {
        return List.copyOf(calls);
    }

    private ToolCallback callback(TaskTools tools, ToolActor actor, ZoneId zone, JsonMapper json, ToolSpec spec) {
        ToolDefinition definition = ToolDefinition.builder()
                .name(spec.name())
                .description(spec.description())
                .inputSchema(spec.inputSchema().toString())
                .build();
        return new ToolCallback() {
            @Override
            public ToolDefinition getToolDefinition() {
                return definition;
            }

            @Override
            public String call(String toolInput) {
                JsonNode arguments;
                try {
                    arguments = toolInput == null || toolInput.isBlank()
                            ? JsonNodeFactory.instance.objectNode() : json.readTree(toolInput);
                } catch (JacksonException e) {
                    arguments = JsonNodeFactory.instance.stringNode(toolInput);
                }
                ToolCall call = tools.call(actor, zone, spec.name(), arguments);
                calls.add(call);
                return call.result().toString();
            }

            @Override
            public String call(String toolInput, ToolContext toolContext) {
                return call(toolInput);
            }
        };
    }
}
