package io.taskstream.assistant.chat;

import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.assistant.chat.AssistantEngine.Reply;
import io.taskstream.assistant.chat.AssistantEngine.Turn;
import io.taskstream.assistant.chat.Conversations.Conversation;
import io.taskstream.assistant.chat.StoredMessage.Role;
import io.taskstream.assistant.tools.ToolActor;
import io.taskstream.assistant.tools.ToolCall;
import io.taskstream.platform.web.NotFoundException;
import io.taskstream.task.Door;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat use case. Stateless between requests: a turn (1) opens or locks the conversation and
 * stores the user's message, (2) lets the engine answer from the stored history, outside any
 * transaction (a model may take seconds), and (3) stores the tool calls, the answer and the pending
 * question. Another user's conversation does not exist for the caller.
 */
@Service
class ChatService {

    static final int MAX_MESSAGE = 4000;
    static final int HISTORY = 40;

    private final Conversations conversations;
    private final AssistantEngine engine;
    private final UserDirectory users;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    ChatService(Conversations conversations, AssistantEngine engine, UserDirectory users,
            PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.conversations = conversations;
        this.engine = engine;
        this.users = users;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    record ChatCommand(UserId user, Long conversationId, String message) {
    }

    record ChatReply(long conversationId, String response, List<ToolCall> toolCalls) {
    }

    ChatReply chat(ChatCommand command) {
        UserId user = command.user();
        Opened opened = tx.execute(status -> open(command));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(users.zoneOf(user)));
        Reply reply = engine.reply(new Turn(new ToolActor(user, Door.CHAT), now, opened.history(), command.message(),
                opened.pending()));
        tx.executeWithoutResult(status -> record(user, opened.conversationId(), reply));
        return new ChatReply(opened.conversationId(), reply.response(), reply.toolCalls());
    }

    List<Conversation> conversations(UserId user) {
        return conversations.list(user, 100);
    }

    List<StoredMessage> messages(UserId user, long conversationId) {
        if (!conversations.exists(user, conversationId)) {
            throw notFound(conversationId);
        }
        return conversations.messages(user, conversationId);
    }

    void delete(UserId user, long conversationId) {
        if (!conversations.delete(user, conversationId)) {
            throw notFound(conversationId);
        }
    }

    private record Opened(long conversationId, List<StoredMessage> history, JsonNode pending) {
    }

    private Opened open(ChatCommand command) {
        Instant now = now();
        boolean fresh = command.conversationId() == null;
        Conversation conversation = fresh
                ? conversations.create(command.user(), now)
                : conversations.lock(command.user(), command.conversationId())
                        .orElseThrow(() -> notFound(command.conversationId()));
        List<StoredMessage> history = fresh ? List.of() : conversations.recent(command.user(), conversation.id(), HISTORY);
        conversations.append(command.user(), conversation.id(), Role.USER, command.message(), now);
        JsonNode pending = conversation.pending() == null ? null : json.readTree(conversation.pending());
        return new Opened(conversation.id(), history, pending);
    }

    private void record(UserId user, long conversationId, Reply reply) {
        Instant now = now();
        for (ToolCall call : reply.toolCalls()) {
            conversations.append(user, conversationId, Role.TOOL, json.writeValueAsString(new StoredToolCall(call)), now);
        }
        conversations.append(user, conversationId, Role.ASSISTANT, reply.response(), now);
        conversations.touch(user, conversationId, reply.pending() == null ? null : reply.pending().toString(), now);
    }

    /** The stored form of a tool message. */
    record StoredToolCall(String name, JsonNode arguments, JsonNode result) {

        StoredToolCall(ToolCall call) {
            this(call.name(), call.arguments(), call.result());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Conversation " + id + " does not exist");
    }
}
