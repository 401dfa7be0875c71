package io.taskstream.task;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST door's merge patch (RFC 7396): a task rendered back into the client's input representation, the base the
 * patch applies to, and the command that changes the fields the patch names to their merged values.
 */
final class TaskInputs {

    private TaskInputs() {
    }

    static TaskInput of(TaskSnapshot task, ZoneId zone) {
        String due = null;
        if (task.dueAt() != null) {
            due = task.allDay()
                    ? task.dueAt().atZone(zone).toLocalDate().toString()
                    : OffsetDateTime.ofInstant(task.dueAt(), zone).toString();
        }
        ObjectNode recurrence = null;
        if (task.recurrence() != null) {
            recurrence = JsonNodeFactory.instance.objectNode()
                    .put("rule", task.recurrence().rule())
                    .put("from", task.recurrence().from().json());
        }
        ArrayNode reminders = JsonNodeFactory.instance.arrayNode();
        for (Reminder r : task.reminders()) {
            if (r.relative()) {
                reminders.addObject().put("before", r.before().toString());
            } else {
                reminders.addObject().put("at", OffsetDateTime.ofInstant(r.at(), zone).toString());
            }
        }
        return new TaskInput(task.title(), task.description(), task.priority().json(), task.tags(), due, task.allDay(),
                recurrence, reminders);
    }

    /**
     * Changes the members the {@code patch} names ({@code allDay} changes the due) to their values in {@code merged}, the
     * patch applied to the task as it was read: fields the patch leaves alone keep whatever they hold when the change
     * is made.
     */
    static PatchTask patch(TaskId id, JsonNode patch, CreateTask merged) {
        PatchTask command = PatchTask.of(id);
        if (patch.has("title")) {
            command = command.withTitle(PatchTask.Change.to(merged.title()));
        }
        if (patch.has("description")) {
            command = command.withDescription(PatchTask.Change.to(merged.description()));
        }
        if (patch.has("priority")) {
            command = command.withPriority(PatchTask.Change.to(merged.priority()));
        }
        if (patch.has("tags")) {
            command = command.withTags(PatchTask.Change.to(merged.tags()));
        }
        if (patch.has("dueAt") || patch.has("allDay")) {
            command = command.withDue(PatchTask.Change.to(merged.due()));
        }
        if (patch.has("recurrence")) {
            command = command.withRecurrence(PatchTask.Change.to(merged.recurrence()));
        }
        if (patch.has("reminders")) {
            command = command.withReminders(PatchTask.Change.to(merged.reminders() == null ? List.of() : merged.reminders()));
        }
        return command;
    }
}
