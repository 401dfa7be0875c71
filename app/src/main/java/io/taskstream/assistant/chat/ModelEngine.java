package io.taskstream.assistant.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.assistant.tools.TaskTools;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers through an OpenAI-compatible Chat Completions model that calls the task tools (Spring AI
 * runs the model → tool → result → answer loop). When the provider fails or times out before any
 * tool ran, the offline engine answers instead and the reply says so; after a tool ran, nothing is
 * repeated and the reply reports what was done.
 */
class ModelEngine implements AssistantEngine {

    private static final Logger log = LoggerFactory.getLogger(ModelEngine.class);
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private final ChatClient chat;
    private final TaskTools tools;
    private final OfflineEngine offline;
    private final JsonMapper json;
    private final AiProperties properties;
    /** Model fallbacks by reason, each registered at zero so that an alert sees the first one. */
    private final Map<String, Counter> fallbacks = new HashMap<>();

    ModelEngine(ChatClient chat, TaskTools tools, OfflineEngine offline, JsonMapper json, AiProperties properties,
            MeterRegistry meters) {
        for (String reason : FALLBACK_REASONS) {
            fallbacks.put(reason, Counter.builder("taskstream.chat.fallbacks")
                    .description("chat turns the offline engine answered because the model failed, by reason")
                    .tag("reason", reason).register(meters));
        }
        this.chat = chat;
        this.tools = tools;
        this.offline = offline;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public Reply reply(Turn turn) {
        ModelToolCallbacks callbacks = new ModelToolCallbacks(tools, turn.actor(), turn.now().getZone(), json);
        List<Message> messages = new ArrayList<>(ModelHistory.of(turn.history(), json));
        messages.add(new UserMessage(turn.message()));
        try {
            String answer = chat.prompt()
                    .system(system(turn))
                    .messages(messages)
                    .toolCallbacks(callbacks.callbacks())
                    .call()
                    .content();
            return new Reply(answer == null || answer.isBlank() ? "Done." : answer, callbacks.calls(), null);
        } catch (RuntimeException e) {
            String problem = describe(e);
            log.warn("Chat model request failed ({}): {}", properties.model(), problem);
            if (!callbacks.calls().isEmpty()) {
                StringBuilder done = new StringBuilder("The AI model stopped responding (" + problem + ") after I had:");
                callbacks.calls().forEach(call -> done.append("\n- ").append(OfflineReplies.of(call, turn.now())));
                return new Reply(done.toString(), callbacks.calls(), null);
            }
            fallbacks.get(reason(problem)).increment();
            Reply fallback = offline.reply(turn);
            return new Reply("The AI model is unavailable (" + problem + "), so the offline assistant answered:\n"
                    + fallback.response(), fallback.toolCalls(), fallback.pending());
        }
    }

    private String system(Turn turn) {
        return """
                You are Taskstream's assistant. You manage the signed-in user's todo list with the tools.
                Now: %s in the user's time zone %s; give due dates in that zone.
                Act with the tools rather than describing what you would do. Refer to tasks by task_id when you
                know it. When a tool returns status "ambiguous", ask which of the candidates the user means.
                Before deleting, ask the user to confirm (delete_task with preview true names the task); for a task
                that repeats, ask whether this one, this and the following ones or the whole series should go, and
                pass that scope. Answer questions about what happened (completed, added, deleted, a task's history)
                with task_history. A question is never a task to add.
                Answer briefly and plainly.""".formatted(turn.now().format(TODAY), turn.now().getZone());
    }

    /** Why the model could not answer, as a bounded label: timeout, refused, http_error, unreachable. */
    static final List<String> FALLBACK_REASONS = List.of("timeout", "refused", "http_error", "unreachable");

    /** The label of a {@link #describe(Throwable)} text. */
    static String reason(String described) {
        if (described.startsWith("it did not answer")) {
            return "timeout";
        }
        if (described.contains("refused")) {
            return "refused";
        }
        return described.contains("HTTP") ? "http_error" : "unreachable";
    }

    /** A short, key-free description of what went wrong, for the user and the log. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException
                    || t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "it did not answer in time";
            }
            if (t.getClass().getSimpleName().equals("UnauthorizedException")
                    || t.getClass().getSimpleName().equals("PermissionDeniedException")) {
                return "the provider refused our credentials";
            }
            if (t.getClass().getPackageName().startsWith("com.openai.errors") && t.getClass().getSimpleName().endsWith("Exception")) {
                String status = statusOf(t);
                if (status != null) {
                    return "the provider answered HTTP " + status;
                }
            }
        }
        return "the provider could not be reached";
    }

    private static String statusOf(Throwable t) {
        try {
            Object status = t.getClass().getMethod("statusCode").invoke(t);
            return String.valueOf(status);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
