package io.taskstream.assistant.tools;

import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.RecurrenceRule;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.task.Due;
import io.taskstream.task.Priority;
import io.taskstream.task.Recurrence;
import io.taskstream.task.Reminder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a tool call's task fields (due, priority, recurrence, reminders) into the task module's types, in the user's
 * zone. A value that does not read is named as the task API names it ({@code dueAt}, {@code recurrence.rule},
 * {@code reminders[0].before}…), all of them at once by {@link #check()}; the task use cases check the rest.
 */
final class TaskValues {

    private final ZoneId zone;
    private final List<FieldViolation> violations = new ArrayList<>();

    TaskValues(ZoneId zone) {
        this.zone = zone;
    }

    /** Null when absent. */
    Priority priority(String text) {
        if (text == null) {
            return null;
        }
        return Priority.parse(text).orElseGet(() -> {
            violations.add(new FieldViolation("priority", "must be one of none, low, medium, high"));
            return null;
        });
    }

    /** A date (all-day), a local date-time (the user's zone) or an RFC 3339 date-time; null when absent. */
    Due due(String text) {
        if (text == null) {
            return null;
        }
        return Due.parse(text, zone, false).orElseGet(() -> {
            violations.add(new FieldViolation("dueAt", Due.FORMS));
            return null;
        });
    }

    /** {@code {"rule": "<RRULE>", "from": "due"|"completion"}} (from defaults to due); null when absent. */
    Recurrence recurrence(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isObject()) {
            violations.add(new FieldViolation("recurrence",
                    "must be an object such as {\"rule\": \"FREQ=WEEKLY;BYDAY=MO\", \"from\": \"due\"}, or null"));
            return null;
        }
        RecurrenceRule rule = null;
        JsonNode ruleNode = raw.get("rule");
        if (ruleNode == null || !ruleNode.isString()) {
            violations.add(new FieldViolation("recurrence.rule", "is required, a string such as FREQ=WEEKLY;BYDAY=MO"));
        } else {
            try {
                rule = RecurrenceRule.parse(ruleNode.asString());
            } catch (InvalidRecurrenceRuleException e) {
                violations.add(new FieldViolation("recurrence.rule", e.getMessage()));
            }
        }
        Recurrence.From from = Recurrence.From.DUE;
        JsonNode fromNode = raw.get("from");
        if (fromNode != null && !fromNode.isNull()) {
            from = fromNode.isString() ? Recurrence.From.parse(fromNode.asString()).orElse(null) : null;
            if (from == null) {
                violations.add(new FieldViolation("recurrence.from", "must be due or completion"));
            }
        }
        return rule == null || from == null ? null : Recurrence.of(rule, from);
    }

    /** A list of {@code {"before": "<ISO-8601 duration>"}} or {@code {"at": "<date-time>"}}; null when absent. */
    List<Reminder> reminders(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isArray()) {
            violations.add(new FieldViolation("reminders",
                    "must be an array of {\"before\": \"PT15M\"} or {\"at\": \"2026-03-05T08:00:00+01:00\"}"));
            return null;
        }
        List<Reminder> reminders = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "reminders[" + i + "]";
            JsonNode item = raw.get(i);
            JsonNode before = item.isObject() ? item.get("before") : null;
            JsonNode at = item.isObject() ? item.get("at") : null;
            if ((before == null) == (at == null)) {
                violations.add(new FieldViolation(field, "must be an object with exactly one of before or at"));
            } else {
                Reminder reminder = before != null
                        ? Reminder.readBefore(field, before.isString() ? before.asString() : null, violations)
                        : Reminder.readAt(field, at.isString() ? at.asString() : null, zone, violations);
                if (reminder != null) {
                    reminders.add(reminder);
                }
            }
        }
        return reminders;
    }

    /** Throws the task validation problem naming every value that did not read. */
    void check() {
        if (!violations.isEmpty()) {
            throw ClientErrorException.invalid(violations);
        }
    }

}
