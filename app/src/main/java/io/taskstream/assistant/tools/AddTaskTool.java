package io.taskstream.assistant.tools;

import io.taskstream.task.CreateTask;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code add_task}: creates a task with optional due, priority, tags, repetition and reminders. */
final class AddTaskTool implements TaskTool {

    static final String NAME = "add_task";

    private final TaskService tasks;

    AddTaskTool(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(NAME, "Create a task for the user. Returns {task_id, status: 'created', title}.",
                Schema.object()
                        .required("title", Schema.string("What to do, without the date words"))
                        .optional("description", Schema.string("Optional details"))
                        .optional("due", Schema.string("When it is due: RFC 3339 date-time, local date-time "
                                + "(2026-03-05T17:00, the user's zone) or a date (2026-03-05) for all-day"))
                        .optional("priority", Schema.oneOf("default: none", List.of("none", "low", "medium", "high")))
                        .optional("tags", Schema.strings("Tags without '#', e.g. ['home']"))
                        .optional("recurrence", Schema.recurrence())
                        .optional("reminders", Schema.reminders())
                        .build());
    }

    @Override
    public JsonNode call(ToolContext context, ToolArguments arguments) {
        String title = arguments.requiredText("title");
        String description = arguments.text("description");
        String priority = arguments.text("priority");
        List<String> tags = arguments.strings("tags");
        String due = arguments.text("due");
        JsonNode recurrence = arguments.json("recurrence");
        JsonNode reminders = arguments.json("reminders");
        arguments.check();
        TaskValues values = new TaskValues(context.zone());
        CreateTask command = new CreateTask(title, description, values.priority(priority), tags, values.due(due),
                values.recurrence(recurrence), values.reminders(reminders));
        values.check();
        TaskSnapshot task = tasks.create(context.user(), command, context.actor().door());
        return ToolResults.changed("created", task, context.zone());
    }
}
