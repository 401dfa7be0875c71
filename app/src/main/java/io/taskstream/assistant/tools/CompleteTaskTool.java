package io.taskstream.assistant.tools;

import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.util.function.Predicate;

/** {@code complete_task}: marks a task done (or not done again with {@code completed: false}). */
final class CompleteTaskTool extends TargetedTool {

    static final String NAME = "complete_task";

    private final TaskService tasks;

    CompleteTaskTool(TaskService tasks, TaskReferences references) {
        super(references);
        this.tasks = tasks;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(NAME, "Mark a task as completed, by task_id or by a reference to its title. Returns "
                + "{task_id, status: 'completed', title}, or status 'ambiguous' with candidates to ask about.",
                TaskTool.target(Schema.object())
                        .optional("completed", Schema.bool("false re-opens a completed task; default true"))
                        .build());
    }

    @Override
    Action prepare(ToolContext context, ToolArguments arguments) {
        boolean completed = !Boolean.FALSE.equals(arguments.bool("completed"));
        return task -> {
            TaskSnapshot after = tasks.complete(context.user(), task.id(), completed, context.actor().door());
            return ToolResults.changed(completed ? "completed" : "reopened", after, context.zone());
        };
    }

    @Override
    Predicate<TaskSnapshot> preferred(ToolArguments arguments) {
        boolean completing = !Boolean.FALSE.equals(arguments.bool("completed"));
        return task -> task.completed() != completing;
    }
}
