package io.taskstream.task;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Renders a task back into the client's input representation, the base a merge patch applies to. */
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
}
