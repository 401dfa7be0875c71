package io.taskstream.assistant.tools;

import io.taskstream.assistant.tools.TaskReferences.Ambiguous;
import io.taskstream.assistant.tools.TaskReferences.Found;
import io.taskstream.assistant.tools.TaskReferences.NotFound;
import io.taskstream.task.TaskSnapshot;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A tool that acts on one existing task named by id or by title. Its own arguments are read and
 * checked before the task is looked up, so a mistake is reported before any question is asked.
 */
abstract class TargetedTool implements TaskTool {

    private final TaskReferences references;

    TargetedTool(TaskReferences references) {
        this.references = references;
    }

    /** What to do to the found task. */
    interface Action {
        JsonNode apply(TaskSnapshot task);
    }

    /** Reads the tool's own arguments (problems are collected in them) and returns the action. */
    abstract Action prepare(ToolContext context, ToolArguments arguments);

    /** Whether {@code title} names the task (rather than being a new title). */
    boolean titleIsReference() {
        return true;
    }

    /** Among several matches, the ones this action most likely means. */
    Predicate<TaskSnapshot> preferred(ToolArguments arguments) {
        return task -> true;
    }

    @Override
    public final JsonNode call(ToolContext context, ToolArguments arguments) {
        Action action = prepare(context, arguments);
        Predicate<TaskSnapshot> preferred = preferred(arguments);
        return switch (references.resolve(context.user(), context.zone(), arguments, titleIsReference(), preferred)) {
            case Found found -> action.apply(found.task());
            case Ambiguous ambiguous -> ToolResults.ambiguous(ambiguous.reference(), ambiguous.candidates(), context.zone());
            case NotFound notFound -> ToolResults.notFound(notFound.reference());
        };
    }
}
