package io.taskstream.task;

import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a client's {@link TaskInput} into a {@link CreateTask} in the user's zone, reporting every bad field at once: its
 * own (a due, recurrence or reminder that does not read) and, between them in the body's order, the {@link TaskRules}.
 */
final class TaskInputValidator {

    private TaskInputValidator() {
    }

    /** Every bad field of the input, empty when it is valid. */
    static List<FieldViolation> violations(TaskInput input) {
        try {
            read(input, ZoneOffset.UTC);
            return List.of();
        } catch (ClientErrorException e) {
            return e.violations();
        }
    }

    /** The command the input asks for, its fields checked; a validation problem naming every bad field otherwise. */
    static CreateTask read(TaskInput input, ZoneId zone) {
        List<FieldViolation> violations = new ArrayList<>();
        String title = TaskRules.title(input.title(), violations);
        String description = TaskRules.description(input.description(), violations);
        Priority priority = Priority.NONE;
        if (input.priority() != null) {
            priority = Priority.parse(input.priority()).orElse(null);
            if (priority == null) {
                violations.add(new FieldViolation("priority", "must be one of none, low, medium, high"));
            }
        }
        List<String> tags = TaskRules.tags(input.tags(), violations);
        Due due = null;
        boolean allDay = Boolean.TRUE.equals(input.allDay());
        if (input.dueAt() != null) {
            Due read = Due.parse(input.dueAt(), zone, allDay).orElse(null);
            if (read == null) {
                violations.add(new FieldViolation("dueAt", Due.FORMS));
            } else {
                due = TaskRules.due(read, violations);
                allDay = due == null ? allDay : due.allDay();
            }
        } else {
            allDay = false;
        }
        Recurrence recurrence = recurrence(input.recurrence(), violations);
        TaskRules.recurrenceNeedsDue(recurrence, input.dueAt() != null, allDay, violations);
        List<Reminder> reminders = reminders(input.reminders(), zone, due != null || input.dueAt() != null, violations);
        if (!violations.isEmpty()) {
            throw ClientErrorException.invalid(violations);
        }
        return new CreateTask(title, description, priority, tags, due, recurrence, reminders);
    }

    /** {@code {"rule": "<RRULE>", "from": "due"|"completion"}} (from defaults to due), or null. */
    private static Recurrence recurrence(JsonNode raw, List<FieldViolation> violations) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isObject()) {
            violations.add(new FieldViolation("recurrence",
                    "must be an object such as {\"rule\": \"FREQ=WEEKLY;BYDAY=MO\", \"from\": \"due\"}, or null"));
            return null;
        }
        int before = violations.size();
        for (String name : raw.propertyNames()) {
            // description is the rule in words that task views carry; a view sent back as it is stays valid
            if (!name.equals("rule") && !name.equals("from") && !name.equals("description")) {
                violations.add(new FieldViolation("recurrence." + name, "is not a field of recurrence (rule, from)"));
            }
        }
        String rule = null;
        JsonNode ruleNode = raw.get("rule");
        if (ruleNode == null || ruleNode.isNull()) {
            violations.add(new FieldViolation("recurrence.rule", "is required"));
        } else if (!ruleNode.isString()) {
            violations.add(new FieldViolation("recurrence.rule", "must be a string such as FREQ=WEEKLY;BYDAY=MO"));
        } else {
            rule = TaskRules.rule(ruleNode.asString(), violations);
        }
        Recurrence.From from = Recurrence.From.DUE;
        JsonNode fromNode = raw.get("from");
        if (fromNode != null && !fromNode.isNull()) {
            from = fromNode.isString() ? Recurrence.From.parse(fromNode.asString()).orElse(null) : null;
            if (from == null) {
                violations.add(new FieldViolation("recurrence.from", "must be due or completion"));
            }
        }
        return violations.size() == before ? new Recurrence(rule, from) : null;
    }

    /**
     * A list of {@code {"before": "<ISO-8601 duration>"}} (relative to the due; needs one) or {@code {"at": "<date-time>"}};
     * null means none.
     */
    private static List<Reminder> reminders(JsonNode raw, ZoneId zone, boolean hasDue, List<FieldViolation> violations) {
        if (raw == null || raw.isNull()) {
            return List.of();
        }
        if (!raw.isArray()) {
            violations.add(new FieldViolation("reminders",
                    "must be an array of {\"before\": \"PT15M\"} or {\"at\": \"2026-03-05T08:00:00+01:00\"}"));
            return List.of();
        }
        if (!TaskRules.tooMany(raw.size(), violations)) {
            return List.of();
        }
        List<Reminder> reminders = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "reminders[" + i + "]";
            JsonNode item = raw.get(i);
            JsonNode before = item.isObject() ? item.get("before") : null;
            JsonNode at = item.isObject() ? item.get("at") : null;
            Reminder reminder = null;
            if (!item.isObject() || item.size() != 1 || (before == null) == (at == null)) {
                violations.add(new FieldViolation(field, "must be an object with exactly one of before or at"));
            } else if (before != null) {
                reminder = Reminder.readBefore(field, before.isString() ? before.asString() : null, violations);
            } else {
                reminder = Reminder.readAt(field, at.isString() ? at.asString() : null, zone, violations);
            }
            if (reminder != null && TaskRules.reminder(i, reminder, hasDue, violations) && !reminders.contains(reminder)) {
                reminders.add(reminder);
            }
        }
        return List.copyOf(reminders);
    }

}
