package io.taskstream.assistant.tools;

import io.taskstream.account.UserId;
import io.taskstream.assistant.parse.IntentRecognizer;
import io.taskstream.platform.problem.NotFoundException;
import io.taskstream.task.TaskId;
import io.taskstream.task.TaskQuery;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the one task a tool call means: by id, or by a title reference ("the groceries task")
 * searched among the user's own tasks only. Several matches are reported as ambiguous rather than
 * guessed, except that an exact title match or the only task in the preferred state wins.
 */
final class TaskReferences {

    static final int MAX_CANDIDATES = 10;

    private final TaskService tasks;

    TaskReferences(TaskService tasks) {
        this.tasks = tasks;
    }

    sealed interface Resolution {
    }

    record Found(TaskSnapshot task) implements Resolution {
    }

    record Ambiguous(String reference, List<TaskSnapshot> candidates) implements Resolution {
    }

    record NotFound(String reference) implements Resolution {
    }

    /**
     * Reads {@code task_id} or {@code reference} (or, where it is no new title, {@code title}) and
     * resolves it; {@code preferred} narrows several matches to those in a state that makes sense for
     * the action (pending ones for completing).
     */
    Resolution resolve(UserId user, ZoneId zone, ToolArguments arguments, boolean titleIsReference, Predicate<TaskSnapshot> preferred) {
        Long id = arguments.id("task_id");
        String reference = arguments.text("reference");
        if (reference == null && titleIsReference) {
            reference = arguments.text("title");
        }
        if (id == null && reference == null) {
            arguments.problem("task_id or reference is required");
        }
        arguments.check();
        if (id != null) {
            return byId(user, id);
        }
        String cleaned = IntentRecognizer.cleanReference(reference);
        OptionalLong numeric = IntentRecognizer.taskId(cleaned.replaceFirst("^task ", ""));
        if (numeric.isPresent()) {
            return byId(user, numeric.getAsLong());
        }
        return byTitle(user, zone, cleaned.isBlank() ? reference : cleaned, preferred);
    }

    private Resolution byId(UserId user, long id) {
        try {
            return new Found(tasks.get(user, new TaskId(id)));
        } catch (NotFoundException e) {
            return new NotFound("task " + id);
        }
    }

    private Resolution byTitle(UserId user, ZoneId zone, String reference, Predicate<TaskSnapshot> preferred) {
        TaskQuery query = new TaskQuery(TaskQuery.Status.ALL, Set.of(), List.of(), reference, null, null, false,
                TaskQuery.Sort.RELEVANCE, false, 0, 50);
        List<TaskSnapshot> matches = tasks.list(user, zone, query).tasks();
        List<TaskSnapshot> exact = matches.stream().filter(t -> t.title().equalsIgnoreCase(reference)).toList();
        if (!exact.isEmpty()) {
            matches = exact;
        }
        List<TaskSnapshot> inPreferredState = matches.stream().filter(preferred).toList();
        if (!inPreferredState.isEmpty()) {
            matches = inPreferredState;
        }
        return switch (matches.size()) {
            case 0 -> new NotFound(reference);
            case 1 -> new Found(matches.getFirst());
            default -> new Ambiguous(reference, matches.subList(0, Math.min(MAX_CANDIDATES, matches.size())));
        };
    }
}
