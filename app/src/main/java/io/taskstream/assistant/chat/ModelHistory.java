package io.taskstream.assistant.chat;

import io.taskstream.assistant.chat.StoredMessage.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse;
import org.springframework.ai.chat.messages.UserMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds a stored conversation as Chat Completions messages. Stored tool messages (one call each,
 * between a user message and the assistant's answer) become an assistant message carrying the calls
 * and a tool message with their results, so the model sees what it did, e.g. the candidates it asked
 * about.
 */
final class ModelHistory {

    private ModelHistory() {
    }

    static List<Message> of(List<StoredMessage> stored, JsonMapper json) {
        List<Message> messages = new ArrayList<>();
        List<AssistantMessage.ToolCall> calls = new ArrayList<>();
        List<ToolResponse> responses = new ArrayList<>();
        for (StoredMessage message : stored) {
            if (message.role() == Role.TOOL) {
                JsonNode call = json.readTree(message.content());
                String id = "call_" + message.id();
                String name = call.get("name").asString();
                calls.add(new AssistantMessage.ToolCall(id, "function", name, call.get("arguments").toString()));
                responses.add(new ToolResponse(id, name, call.get("result").toString()));
                continue;
            }
            if (!calls.isEmpty()) {
                messages.add(AssistantMessage.builder().content("").toolCalls(List.copyOf(calls)).build());
                messages.add(ToolResponseMessage.builder().responses(List.copyOf(responses)).build());
                calls.clear();
                responses.clear();
            }
            messages.add(message.role() == Role.USER
                    ? new UserMessage(message.content())
                    : new AssistantMessage(message.content()));
        }
        return messages;
    }
}
