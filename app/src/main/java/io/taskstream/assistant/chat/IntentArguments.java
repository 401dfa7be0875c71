package io.taskstream.assistant.chat;

import io.taskstream.assistant.parse.Intent;
import io.taskstream.assistant.parse.IntentRecognizer;
import io.taskstream.assistant.parse.TaskDraft;
import io.taskstream.task.Priority;
import io.taskstream.task.Recurrence;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates recognised intents into the task tools' arguments: the offline engine calls exactly the
 * tools a model or an MCP client would, with the same argument shapes.
 */
final class IntentArguments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IntentArguments() {
    }

    static ObjectNode add(TaskDraft draft, ZoneId zone) {
        ObjectNode args = NODES.objectNode().put("title", draft.title());
        if (draft.date() != null) {
            args.put("due", due(draft.date(), draft.time()));
        }
        if (draft.priority() != Priority.NONE) {
            args.put("priority", draft.priority().json());
        }
        if (!draft.tags().isEmpty()) {
            ArrayNode tags = args.putArray("tags");
            draft.tags().forEach(tags::add);
        }
        recurrence(args, draft.recurrence());
        if (!draft.remindersBefore().isEmpty() || !draft.remindersAt().isEmpty()) {
            ArrayNode reminders = args.putArray("reminders");
            draft.remindersBefore().forEach(before -> reminders.add(before(before)));
            draft.remindersAt().forEach(at -> reminders.add(at(at, zone)));
        }
        return args;
    }

    static ObjectNode list(Intent.ListTasks list) {
        ObjectNode args = NODES.objectNode().put("status", list.status());
        putIfSet(args, "search", list.search());
        putIfSet(args, "due_from", list.dueFrom() == null ? null : list.dueFrom().toString());
        putIfSet(args, "due_to", list.dueTo() == null ? null : list.dueTo().toString());
        putIfSet(args, "priority", list.priority() == null ? null : list.priority().json());
        putIfSet(args, "tag", list.tag());
        if (list.overdue()) {
            args.put("overdue", true);
        }
        return args;
    }

    static ObjectNode target(String reference) {
        ObjectNode args = NODES.objectNode();
        OptionalLong id = IntentRecognizer.taskId(IntentRecognizer.cleanReference(reference).replaceFirst("^task ", ""));
        if (id.isPresent()) {
            args.put("task_id", id.getAsLong());
        } else {
            args.put("reference", reference);
        }
        return args;
    }

    /** A deletion to confirm first: names the task without deleting it. */
    static ObjectNode preview(String reference) {
        return target(reference).put("preview", true);
    }

    /** The confirmed deletion of one task; {@code scope} null for the task alone. */
    static ObjectNode delete(long taskId, String scope) {
        ObjectNode args = NODES.objectNode().put("task_id", taskId);
        putIfSet(args, "scope", scope);
        return args;
    }

    static ObjectNode history(Intent.History history) {
        ObjectNode args = history.reference() == null ? NODES.objectNode() : target(history.reference());
        args.put("event", history.event());
        putIfSet(args, "from", history.from() == null ? null : history.from().toString());
        putIfSet(args, "to", history.to() == null ? null : history.to().toString());
        return args;
    }

    static ObjectNode update(Intent.UpdateTask update) {
        ObjectNode args = target(update.reference());
        putIfSet(args, "title", update.newTitle());
        if (update.newDate() != null) {
            args.put("due", due(update.newDate(), update.newTime()));
        } else if (update.newTime() != null) {
            args.put("due_time", update.newTime().toString());
        }
        putIfSet(args, "priority", update.newPriority() == null ? null : update.newPriority().json());
        if (!update.addTags().isEmpty()) {
            ArrayNode tags = args.putArray("add_tags");
            update.addTags().forEach(tags::add);
        }
        recurrence(args, update.newRecurrence());
        return args;
    }

    static ObjectNode reminder(Intent.SetReminder reminder, ZoneId zone) {
        ObjectNode args = target(reminder.reference());
        args.putArray("reminders").add(reminder.before() != null ? before(reminder.before()) : at(reminder.at(), zone));
        return args;
    }

    /** A date for an all-day due, a local date-time (the user's zone) otherwise. */
    private static String due(LocalDate date, LocalTime time) {
        return time == null ? date.toString() : date.atTime(time).toString();
    }

    private static void recurrence(ObjectNode args, Recurrence recurrence) {
        if (recurrence != null) {
            args.putObject("recurrence").put("rule", recurrence.rule()).put("from", recurrence.from().json());
        }
    }

    /** {@code {"before": "P2D"}}: whole days as days. */
    private static ObjectNode before(Duration before) {
        return NODES.objectNode().put("before", TaskDraft.iso(before));
    }

    /** {@code {"at": "2026-03-05T09:00:00+01:00"}}, in the user's zone. */
    private static ObjectNode at(ZonedDateTime at, ZoneId zone) {
        OffsetDateTime local = at.withZoneSameInstant(zone).toOffsetDateTime();
        return NODES.objectNode().put("at", local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static void putIfSet(ObjectNode args, String name, String value) {
        if (value != null && !value.isBlank()) {
            args.put(name, value);
        }
    }
}
