package io.taskstream.assistant.tools;

import io.taskstream.task.TaskInput;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Builds the task use cases' {@link TaskInput} from a tool call, starting empty (create) or from the
 * task's current input (update). The one place that knows TaskInput's constructor.
 */
final class TaskInputBuilder {

    private String title;
    private String description;
    private String priority;
    private List<String> tags;
    private String dueAt;
    private Boolean allDay;
    private JsonNode recurrence;
    private JsonNode reminders;

    static TaskInputBuilder empty() {
        return new TaskInputBuilder();
    }

    static TaskInputBuilder from(TaskInput current) {
        TaskInputBuilder b = new TaskInputBuilder();
        b.title = current.title();
        b.description = current.description();
        b.priority = current.priority();
        b.tags = current.tags();
        b.dueAt = current.dueAt();
        b.allDay = current.allDay();
        b.recurrence = current.recurrence();
        b.reminders = current.reminders();
        return b;
    }

    TaskInputBuilder title(String value) {
        title = value;
        return this;
    }

    TaskInputBuilder description(String value) {
        description = value;
        return this;
    }

    TaskInputBuilder priority(String value) {
        priority = value;
        return this;
    }

    TaskInputBuilder tags(List<String> value) {
        tags = value;
        return this;
    }

    List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    String due() {
        return dueAt;
    }

    /** A date (all-day), a local date-time or an RFC 3339 date-time; null clears the due. */
    TaskInputBuilder due(String value) {
        dueAt = value;
        allDay = value != null && value.strip().length() == 10;
        return this;
    }

    TaskInputBuilder recurrence(JsonNode value) {
        recurrence = value;
        return this;
    }

    TaskInputBuilder reminders(JsonNode value) {
        reminders = value;
        return this;
    }

    TaskInput build() {
        return new TaskInput(title, description, priority, tags, dueAt, allDay, recurrence, reminders);
    }
}
