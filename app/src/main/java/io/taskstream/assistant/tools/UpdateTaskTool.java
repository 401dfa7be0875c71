package io.taskstream.assistant.tools;

import io.taskstream.task.Due;
import io.taskstream.task.PatchTask;
import io.taskstream.task.PatchTask.Change;
import io.taskstream.task.Priority;
import io.taskstream.task.Recurrence;
import io.taskstream.task.Reminder;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

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
                        .optional("due", Schema.string("New due: RFC 3339 date-time, local date-time or a date; a date keeps "
                                + "the task's time of day (all-day when it has none); null removes it"))
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
        String dueText = arguments.text("due");
        LocalTime time = time(arguments);
        String priorityText = arguments.text("priority");
        List<String> tags = arguments.strings("tags");
        List<String> addTags = arguments.strings("add_tags");
        boolean recurrenceGiven = arguments.has("recurrence");
        boolean remindersGiven = arguments.has("reminders");
        JsonNode recurrenceJson = arguments.json("recurrence");
        JsonNode remindersJson = arguments.json("reminders");
        arguments.check();
        TaskValues values = new TaskValues(context.zone());
        Due due = values.due(dueText);
        Priority priority = values.priority(priorityText);
        Recurrence recurrence = values.recurrence(recurrenceJson);
        List<Reminder> reminders = values.reminders(remindersJson);
        values.check();
        return task -> {
            PatchTask patch = PatchTask.of(task.id());
            if (title != null) {
                patch = patch.withTitle(Change.to(title));
            }
            if (description != null) {
                patch = patch.withDescription(Change.to(description));
            }
            if (dueGiven || time != null) {
                patch = patch.withDue(Change.to(newDue(task, dueGiven ? due : current(task), time, context)));
            }
            if (priority != null) {
                patch = patch.withPriority(Change.to(priority));
            }
            if (tags != null || addTags != null) {
                Set<String> all = new LinkedHashSet<>(tags != null ? tags : task.tags());
                all.addAll(addTags == null ? List.of() : addTags);
                patch = patch.withTags(Change.to(new ArrayList<>(all)));
            }
            if (recurrenceGiven) {
                patch = patch.withRecurrence(Change.to(recurrence));
            }
            if (remindersGiven) {
                patch = patch.withReminders(Change.to(reminders == null ? List.of() : reminders));
            }
            TaskSnapshot after = tasks.patch(context.user(), patch, context.actor().door());
            return ToolResults.changed("updated", after, context.zone());
        };
    }

    /**
     * The due after the change: {@code time} on the given due's day (today without one); a task moved to a day (an
     * all-day due) keeps its time of day in the user's zone unless it had none. Null clears the due.
     */
    private static Due newDue(TaskSnapshot task, Due given, LocalTime time, ToolContext context) {
        ZoneId zone = context.zone();
        if (time != null) {
            LocalDate day = given == null ? context.now().toLocalDate() : given.date(zone);
            return Due.at(day.atTime(time).atZone(zone).toInstant());
        }
        if (given != null && given.allDay() && task.dueAt() != null && !task.allDay()) {
            LocalTime kept = task.dueAt().atZone(zone).toLocalTime();
            return Due.at(given.date(zone).atTime(kept).atZone(zone).toInstant());
        }
        return given;
    }

    private static Due current(TaskSnapshot task) {
        return task.dueAt() == null ? null : new Due(task.dueAt(), task.allDay());
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
}
