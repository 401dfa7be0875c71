package io.taskstream.assistant.tools;

import io.taskstream.task.TaskService;

/** {@code delete_task}: deletes a task. */
final class DeleteTaskTool extends TargetedTool {

    static final String NAME = "delete_task";

    private final TaskService tasks;

    DeleteTaskTool(TaskService tasks, TaskReferences references) {
        super(references);
        this.tasks = tasks;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(NAME, "Delete a task, by task_id or by a reference to its title. Returns "
                + "{task_id, status: 'deleted', title}, or status 'ambiguous' with candidates to ask about.",
                TaskTool.target(Schema.object()).build());
    }

    @Override
    Action prepare(ToolContext context, ToolArguments arguments) {
        return task -> {
            tasks.delete(context.user(), task.id(), context.actor().door());
            return ToolResults.changed("deleted", task, context.zone());
        };
    }
}
