package io.taskstream.assistant.chat;

import io.taskstream.assistant.chat.PendingQuestion.Cancelled;
import io.taskstream.assistant.chat.PendingQuestion.Chosen;
import io.taskstream.assistant.chat.PendingQuestion.NoAnswer;
import io.taskstream.assistant.parse.Intent;
import io.taskstream.assistant.parse.IntentRecognizer;
import io.taskstream.assistant.tools.TaskTools;
import io.taskstream.assistant.tools.ToolCall;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default engine: deterministic, no network. Recognises the intent with the offline parser,
 * calls the matching task tool, and asks back when a reference matches several tasks; the question
 * travels with the conversation, so the next turn can answer it. A deletion is confirmed first (the chat
 * has no undo): the next turn says yes or no, and for a recurring task how much of its series goes.
 * Questions about the past are answered from the activity history; no question ever changes a task.
 */
@Component
class OfflineEngine implements AssistantEngine {

    private final IntentRecognizer recognizer;
    private final TaskTools tools;

    OfflineEngine(IntentRecognizer recognizer, TaskTools tools) {
        this.recognizer = recognizer;
        this.tools = tools;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Reply reply(Turn turn) {
        if (PendingConfirmation.isStored(turn.pending())) {
            PendingConfirmation confirmation = PendingConfirmation.read(turn.pending());
            switch (confirmation.answer(turn.message())) {
                case PendingConfirmation.Confirmed confirmed -> {
                    ObjectNode arguments = IntentArguments.delete(confirmation.taskId(), confirmed.scope());
                    return call(turn, "delete_task", arguments);
                }
                case PendingConfirmation.Declined declined -> {
                    return Reply.text(OfflineReplies.cancelled());
                }
                case PendingConfirmation.NoAnswer none -> {
                    // a new request: the deletion is not confirmed
                }
            }
        } else if (turn.pending() != null) {
            PendingQuestion question = PendingQuestion.read(turn.pending());
            switch (question.answer(turn.message())) {
                case Chosen chosen -> {
                    return call(turn, question.tool(), question.argumentsFor(chosen.taskId()));
                }
                case Cancelled cancelled -> {
                    return Reply.text(OfflineReplies.cancelled());
                }
                case NoAnswer none -> {
                    // a new request: the question lapses
                }
            }
        }
        var zone = turn.now().getZone();
        return switch (recognizer.recognize(turn.message(), turn.now())) {
            case Intent.AddTask add -> add.draft().hasTitle()
                    ? call(turn, "add_task", IntentArguments.add(add.draft(), zone))
                    : Reply.text(OfflineReplies.needTitle());
            case Intent.ListTasks list -> call(turn, "list_tasks", IntentArguments.list(list));
            case Intent.CompleteTask complete -> call(turn, "complete_task", IntentArguments.target(complete.reference()));
            case Intent.DeleteTask delete -> call(turn, "delete_task", IntentArguments.preview(delete.reference()));
            case Intent.UpdateTask update -> call(turn, "update_task", IntentArguments.update(update));
            case Intent.SetReminder reminder -> call(turn, "update_task", IntentArguments.reminder(reminder, zone));
            case Intent.History history -> call(turn, "task_history", IntentArguments.history(history));
            case Intent.Question question -> Reply.text(OfflineReplies.question());
            case Intent.Help help -> Reply.text(OfflineReplies.HELP);
            case Intent.Unknown unknown -> Reply.text(OfflineReplies.unknown());
        };
    }

    private Reply call(Turn turn, String tool, ObjectNode arguments) {
        ToolCall call = tools.call(turn.actor(), turn.now().getZone(), tool, arguments);
        String response = OfflineReplies.of(call, turn.now());
        if ("ambiguous".equals(call.status())) {
            return new Reply(response, List.of(call), PendingQuestion.of(tool, arguments, call.result()).toJson());
        }
        if ("confirm".equals(call.status())) {
            PendingConfirmation confirmation = new PendingConfirmation(call.result().get("task_id").asLong(),
                    call.result().has("repeats"));
            return new Reply(response, List.of(call), confirmation.toJson());
        }
        return new Reply(response, List.of(call), null);
    }
}
