package io.taskstream.assistant.tools;

import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code update_task}: changes only the fields that are given. {@code title} is the new title here
 * (the field the tool's schema documents); the task is named by {@code task_id} or {@code reference}.
 */
final class UpdateTaskTool extends TargetedTool {

    static final String NAME = "update_task";

    private final TaskService tasks;

    UpdateTaskTool(TaskService tasks, TaskReferences references) {
        super(references);
        this.tasks = tasks;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(NAME, "Change a task, named by task_id or reference; only given fields change. Returns "
                + "{task_id, status: 'updated', title}, or status 'ambiguous' with candidates to ask about.",
                TaskTool.target(Schema.object())
                        .optional("title", Schema.string("The new title"))
                        .optional("description", Schema.string("The new description"))
                        .optional("due", Schema.string("New due: RFC 3339 date-time, local date-time or a date "
                                + "(all-day); null removes it"))
                        .optional("due_time", Schema.string("New time of day (HH:MM) keeping the due date"))
                        .optional("priority", Schema.oneOf("New priority", List.of("none", "low", "medium", "high")))
                        .optional("tags", Schema.strings("Replaces all tags"))
                        .optional("add_tags", Schema.strings("Tags to add"))
                        .optional("recurrence", Schema.recurrence())
                        .optional("reminders", Schema.reminders())
                        .build());
    }

    @Override
    boolean titleIsReference() {
        return false;
    }

    @Override
    Action prepare(ToolContext context, ToolArguments arguments) {
        String title = arguments.text("title");
        String description = arguments.text("description");
        boolean dueGiven = arguments.has("due");
        String due = arguments.text("due");
        LocalTime time = time(arguments);
        String priority = arguments.text("priority");
        List<String> tags = arguments.strings("tags");
        List<String> addTags = arguments.strings("add_tags");
        boolean recurrenceGiven = arguments.has("recurrence");
        boolean remindersGiven = arguments.has("reminders");
        UnaryOperator<TaskInputBuilder> change = input -> {
            if (title != null) {
                input.title(title);
            }
            if (description != null) {
                input.description(description);
            }
            if (dueGiven) {
                input.due(due);
            }
            if (time != null) {
                LocalDate date = dateOf(input.due(), context);
                if (date != null) {
                    input.due(date.atTime(time).toString());
                }
            }
            if (priority != null) {
                input.priority(priority);
            }
            if (tags != null) {
                input.tags(tags);
            }
            if (addTags != null) {
                Set<String> all = new LinkedHashSet<>(input.tags());
                all.addAll(addTags);
                input.tags(new ArrayList<>(all));
            }
            if (recurrenceGiven) {
                input.recurrence(arguments.json("recurrence"));
            }
            if (remindersGiven) {
                input.reminders(arguments.json("reminders"));
            }
            return input;
        };
        return task -> {
            TaskSnapshot after = tasks.patch(context.user(), task.id(),
                    current -> change.apply(TaskInputBuilder.from(current)).build(), context.actor().door());
            return ToolResults.changed("updated", after, context.zone());
        };
    }

    private static LocalTime time(ToolArguments arguments) {
        String value = arguments.text("due_time");
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            arguments.problem("due_time must be a time of day such as 15:30");
            return null;
        }
    }

    /**
     * The date part of a due as the task input carries it, or today when there is none; null when the due is no date
     * (it stays as given, for the task's validation to name).
     */
    private static LocalDate dateOf(String due, ToolContext context) {
        if (due == null) {
            return context.now().toLocalDate();
        }
        try {
            if (due.length() == 10) {
                return LocalDate.parse(due);
            }
            try {
                return OffsetDateTime.parse(due).atZoneSameInstant(context.zone()).toLocalDate();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(due).toLocalDate();
            }
        } catch (DateTimeException e) {
            return null;
        }
    }
}
