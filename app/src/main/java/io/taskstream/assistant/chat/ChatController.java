package io.taskstream.assistant.chat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.UserId;
import io.taskstream.assistant.chat.ChatService.ChatCommand;
import io.taskstream.assistant.chat.ChatService.ChatReply;
import io.taskstream.assistant.chat.ConversationRepository.Conversation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** HTTP adapter of the chat use case and of the user's conversation history. */
@RestController
@RequestMapping(path = "/api/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assistant")
class ChatController {

    private final ChatService chat;

    ChatController(ChatService chat) {
        this.chat = chat;
    }

    @PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a message; without conversationId a new conversation starts")
    ChatResponse chat(@PathVariable UUID userId, @Valid @RequestBody ChatRequest request) {
        ChatReply reply = chat.chat(new ChatCommand(new UserId(userId), request.conversationId(), request.message()));
        return new ChatResponse(reply.conversationId(), reply.response(), reply.toolCalls().stream()
                .map(c -> new ToolCallView(c.name(), c.arguments(), c.result())).toList());
    }

    @GetMapping("/conversations")
    @Operation(summary = "The user's conversations, most recently active first (at most 100)")
    List<ConversationView> conversations(@PathVariable UUID userId) {
        return chat.conversations(new UserId(userId)).stream().map(ConversationView::of).toList();
    }

    @GetMapping("/conversations/{id}/messages")
    @Operation(summary = "Every message of a conversation, oldest first; tool messages hold a call as JSON")
    List<MessageView> messages(@PathVariable UUID userId, @PathVariable long id) {
        return chat.messages(new UserId(userId), id).stream().map(MessageView::of).toList();
    }

    @DeleteMapping("/conversations/{id}")
    @Operation(summary = "Delete a conversation and its messages",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    ResponseEntity<Void> delete(@PathVariable UUID userId, @PathVariable long id) {
        chat.delete(new UserId(userId), id);
        return ResponseEntity.noContent().build();
    }

    @Schema(name = "ChatRequest")
    record ChatRequest(
            @Schema(nullable = true, description = "absent: start a new conversation") @Positive Long conversationId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ChatService.MAX_MESSAGE)
            @NotBlank @Size(max = ChatService.MAX_MESSAGE) String message) {
    }

    @Schema(name = "ChatResponse")
    record ChatResponse(long conversationId, String response, List<ToolCallView> toolCalls) {
    }

    @Schema(name = "ToolCall")
    record ToolCallView(String name, JsonNode arguments, JsonNode result) {
    }

    @Schema(name = "Conversation")
    record ConversationView(long id, UUID userId, Instant createdAt, Instant updatedAt,
            @Schema(nullable = true, description = "start of the first message") String preview) {

        static ConversationView of(Conversation c) {
            return new ConversationView(c.id(), c.userId(), c.createdAt(), c.updatedAt(), c.preview());
        }
    }

    @Schema(name = "Message")
    record MessageView(long id, UUID userId, long conversationId,
            @Schema(allowableValues = {"user", "assistant", "tool"}) String role, String content, Instant createdAt) {

        static MessageView of(StoredMessage m) {
            return new MessageView(m.id(), m.userId(), m.conversationId(), m.role().db(), m.content(), m.createdAt());
        }
    }
}
