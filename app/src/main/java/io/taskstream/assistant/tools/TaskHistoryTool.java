package io.taskstream.assistant.tools;

import io.taskstream.assistant.tools.TaskReferences.Ambiguous;
import io.taskstream.assistant.tools.TaskReferences.Found;
import io.taskstream.assistant.tools.TaskReferences.NotFound;
import io.taskstream.audit.Activity;
import io.taskstream.audit.ActivityHistory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code task_history}: answers questions about the past from the activity history ("what did I complete
 * yesterday?", "show the history of call mom"); reads only, never changes a task.
 */
final class TaskHistoryTool implements TaskTool {

    static final String NAME = "task_history";
    static final List<String> EVENTS = List.of("any", "created", "updated", "completed", "uncompleted", "deleted");
    private static final int DEFAULT_DAYS = 7;

    private final ActivityHistory history;
    private final TaskReferences references;

    TaskHistoryTool(ActivityHistory history, TaskReferences references) {
        this.history = history;
        this.references = references;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(NAME, "What happened to the user's tasks: answers questions about the past such as "
                + "'what did I complete today?' or 'show the history of call mom'. Changes nothing. With task_id or "
                + "reference, that task's whole history; otherwise what happened between from and to (inclusive dates, "
                + "default the last 7 days). 'completed' leaves out tasks re-opened since. Returns {status: 'history', "
                + "from, to, event, entries: [{task_id, event, title, at}]}, or status 'ambiguous' with candidates.",
                TaskTool.target(Schema.object())
                        .optional("event", Schema.oneOf("Only this kind of change, default any", EVENTS))
                        .optional("from", Schema.string("First day, a date such as 2026-03-05"))
                        .optional("to", Schema.string("Last day (inclusive), a date such as 2026-03-05"))
                        .build());
    }

    @Override
    public JsonNode call(ToolContext context, ToolArguments arguments) {
        String event = arguments.text("event") == null ? "any" : arguments.text("event").toLowerCase(Locale.ROOT);
        if (!EVENTS.contains(event)) {
            arguments.problem("event must be one of " + String.join(", ", EVENTS));
        }
        LocalDate today = context.now().toLocalDate();
        LocalDate to = date(arguments, "to", today);
        LocalDate from = date(arguments, "from", to == null ? today : to.minusDays(DEFAULT_DAYS - 1));
        if (from != null && to != null && from.isAfter(to)) {
            arguments.problem("from must not be after to");
        }
        arguments.check();
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("status", "history").put("event", event);
        List<Activity> found;
        if (arguments.has("task_id") || arguments.has("reference") || arguments.has("title")) {
            switch (references.resolve(context.user(), context.zone(), arguments, true, task -> true)) {
                case Found f -> {
                    found = history.ofTask(context.user(), f.task().id().value());
                    result.put("task_id", f.task().id().value()).put("title", f.task().title());
                }
                case Ambiguous a -> {
                    return ToolResults.ambiguous(a.reference(), a.candidates(), context.zone());
                }
                case NotFound n -> {
                    // not among the tasks: perhaps a deleted one, which the history still knows
                    List<Long> gone = n.reference() == null ? List.of()
                            : history.tasksTitled(context.user(), n.reference(), 2);
                    if (gone.size() != 1) {
                        return ToolResults.notFound(n.reference());
                    }
                    found = history.ofTask(context.user(), gone.getFirst());
                    result.put("task_id", gone.getFirst()).put("title", found.getLast().title());
                }
            }
        } else {
            result.put("from", from.toString()).put("to", to.toString());
            found = history.between(context.user(), from.atStartOfDay(context.zone()).toInstant(),
                    to.plusDays(1).atStartOfDay(context.zone()).toInstant(), ActivityHistory.MAX_ENTRIES);
        }
        ArrayNode entries = result.putArray("entries");
        for (Activity a : select(found, event)) {
            entries.addObject()
                    .put("task_id", a.taskId())
                    .put("event", a.type())
                    .put("title", a.title())
                    .put("at", OffsetDateTime.ofInstant(a.occurredAt(), context.zone()).toString());
        }
        return result;
    }

    /** The entries of the kind asked for; for completions, each task's last one, unless it was re-opened after it. */
    private static List<Activity> select(List<Activity> entries, String event) {
        if (event.equals("any")) {
            return entries;
        }
        if (!event.equals("completed")) {
            return entries.stream().filter(a -> a.type().equals(event)).toList();
        }
        Map<Long, Activity> last = new LinkedHashMap<>();
        for (Activity a : entries) {
            if (a.type().equals("completed") || a.type().equals("uncompleted")) {
                last.remove(a.taskId());
                last.put(a.taskId(), a);
            }
        }
        return new ArrayList<>(last.values()).stream().filter(a -> a.type().equals("completed")).toList();
    }

    private static LocalDate date(ToolArguments arguments, String name, LocalDate fallback) {
        String value = arguments.text(name);
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            arguments.problem(name + " must be a date such as 2026-03-05");
            return null;
        }
    }
}
