package io.taskstream.assistant.chat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.assistant.chat.AssistantEngine.Reply;
import io.taskstream.assistant.chat.AssistantEngine.Turn;
import io.taskstream.assistant.chat.ConversationRepository.Conversation;
import io.taskstream.assistant.chat.StoredMessage.Role;
import io.taskstream.assistant.tools.ToolActor;
import io.taskstream.assistant.tools.ToolCall;
import io.taskstream.platform.QuotaProperties;
import io.taskstream.platform.problem.NotFoundException;
import io.taskstream.platform.problem.TooManyRequestsException;
import io.taskstream.task.Door;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat use case. Stateless between requests: a turn (1) opens or locks the conversation and
 * stores the user's message, (2) lets the engine answer from the stored history, outside any
 * transaction (a model may take seconds), and (3) stores the tool calls, the answer and the pending
 * question. Another user's conversation does not exist for the caller. A user sends at most
 * {@code taskstream.quotas.chat-messages} messages a period (429 beyond) and keeps at most
 * {@code taskstream.quotas.conversations} conversations: starting one more deletes the least recently active.
 */
@Service
class ChatService {

    static final int MAX_MESSAGE = 4000;
    static final int HISTORY = 40;

    private final ConversationRepository conversations;
    private final AssistantEngine engine;
    private final Counter turnsOk;
    private final Counter turnsFailed;
    private final Timer turnTime;
    /** Chat turn time bucket bounds: an offline turn takes milliseconds, a model's seconds. */
    private static final Duration[] TURN_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};
    private final UserDirectory users;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final QuotaProperties quotas;
    private final ProxyManager<String> buckets;
    private final BucketConfiguration messageAllowance;

    /**
     * @param buckets the token buckets in PostgreSQL that client allowances use too (V30): a user's chat messages are
     *         counted there, so every replica draws from the same allowance
     */
    ChatService(ConversationRepository conversations, AssistantEngine engine, UserDirectory users,
            PlatformTransactionManager transactions, JsonMapper json, Clock clock, QuotaProperties quotas,
            ProxyManager<String> buckets, MeterRegistry meters) {
        this.conversations = conversations;
        this.engine = engine;
        this.turnsOk = turns(meters, engine, "ok");
        this.turnsFailed = turns(meters, engine, "error");
        this.turnTime = Timer.builder("taskstream.chat.turn").description("time the engine took to answer a chat turn")
                .tag("engine", engine.name()).serviceLevelObjectives(TURN_BUCKETS).register(meters);
        this.users = users;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.quotas = quotas;
        this.buckets = buckets;
        QuotaProperties.ChatMessages messages = quotas.chatMessages();
        this.messageAllowance = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(messages.perUser()).refillGreedy(messages.perUser(), messages.period()))
                .build();
    }

    record ChatCommand(UserId user, Long conversationId, String message) {
    }

    record ChatReply(long conversationId, String response, List<ToolCall> toolCalls) {
    }

    /**
     * One turn, once the user's chat allowance has a message left (taken before any work, so that messages sent in
     * parallel get no more than messages sent one after another).
     */
    ChatReply chat(ChatCommand command) {
        UserId user = command.user();
        takeMessage(user);
        Opened opened = tx.execute(status -> open(command));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(users.zoneOf(user)));
        long started = System.nanoTime();
        Reply reply;
        try {
            reply = engine.reply(new Turn(new ToolActor(user, Door.CHAT), now, opened.history(), command.message(),
                    opened.pending()));
        } catch (RuntimeException e) {
            turnsFailed.increment();
            throw e;
        } finally {
            turnTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        turnsOk.increment();
        tx.executeWithoutResult(status -> record(user, opened.conversationId(), reply));
        return new ChatReply(opened.conversationId(), reply.response(), reply.toolCalls());
    }

    private static Counter turns(MeterRegistry meters, AssistantEngine engine, String outcome) {
        return Counter.builder("taskstream.chat.turns").description("chat turns answered, by engine and outcome")
                .tag("engine", engine.name()).tag("outcome", outcome).register(meters);
    }

    private void takeMessage(UserId user) {
        ConsumptionProbe probe = buckets.builder().build("chat-message:" + user.value(), () -> messageAllowance)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            QuotaProperties.ChatMessages messages = quotas.chatMessages();
            throw new TooManyRequestsException("You sent " + messages.perUser() + " chat messages within "
                    + messages.period().toString().substring(2).toLowerCase(Locale.ROOT)
                    + ", as many as an account may", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** The conversations kept, most recently active first. */
    List<Conversation> conversations(UserId user) {
        return conversations.list(user, quotas.conversations());
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
        if (fresh) {
            conversations.keepNewest(command.user(), quotas.conversations());
        }
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
