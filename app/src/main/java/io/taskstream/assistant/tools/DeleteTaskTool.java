package io.taskstream.assistant.tools;

import io.taskstream.task.DeleteScope;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code delete_task}: deletes a task, or as much of a recurring task's series as {@code scope} says; with
 * {@code preview} it only names the task, so that the user can be asked first.
 */
final class DeleteTaskTool extends TargetedTool {

    static final String NAME = "delete_task";
    private static final List<String> SCOPES = List.of("occurrence", "following", "series");

    private final TaskService tasks;

    DeleteTaskTool(TaskService tasks, TaskReferences references) {
        super(references);
        this.tasks = tasks;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(NAME, "Delete a task, by task_id or by a reference to its title. Ask the user to confirm "
                + "first (preview: true names the task without deleting it; a task with 'repeats' recurs, so ask "
                + "which scope). Returns {task_id, status: 'deleted', title}, {status: 'skipped', due_at} when one "
                + "occurrence moved to its next date, {status: 'confirm', ...} for a preview, or status 'ambiguous' "
                + "with candidates to ask about.",
                TaskTool.target(Schema.object())
                        .optional("scope", Schema.oneOf("For a recurring task: occurrence (just this one: it moves to "
                                + "its next date), following (this and the later ones), series (every occurrence, "
                                + "completed ones included). Default: just this task, which ends its series", SCOPES))
                        .optional("preview", Schema.bool("true: delete nothing, return the task to confirm"))
                        .build());
    }

    @Override
    Action prepare(ToolContext context, ToolArguments arguments) {
        String scopeText = arguments.text("scope");
        DeleteScope scope = scopeText == null ? null : DeleteScope.fromJson(scopeText).orElse(null);
        if (scopeText != null && scope == null) {
            arguments.problem("scope must be one of " + String.join(", ", SCOPES));
        }
        boolean preview = Boolean.TRUE.equals(arguments.bool("preview"));
        return task -> {
            if (preview) {
                return ToolResults.changed("confirm", task, context.zone());
            }
            if (scope == null) {
                tasks.delete(context.user(), task.id(), context.actor().door());
                return ToolResults.changed("deleted", task, context.zone());
            }
            TaskSnapshot skipped = tasks.delete(context.user(), task.id(), scope, context.actor().door()).orElse(null);
            ObjectNode result = skipped != null ? ToolResults.changed("skipped", skipped, context.zone())
                    : ToolResults.changed("deleted", task, context.zone());
            return task.recurrence() == null ? result : result.put("scope", scope.json());
        };
    }
}
