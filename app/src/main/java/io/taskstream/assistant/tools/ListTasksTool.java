package io.taskstream.assistant.tools;

import io.taskstream.platform.web.SupportedDates;
import io.taskstream.task.Priority;
import io.taskstream.task.TaskQuery;
import io.taskstream.task.TaskQuery.Sort;
import io.taskstream.task.TaskQuery.Status;
import io.taskstream.task.TaskService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code list_tasks}: the user's tasks, filtered; returns an array of {id, title, completed, ...}. */
final class ListTasksTool implements TaskTool {

    static final String NAME = "list_tasks";
    static final int MAX = 100;

    private final TaskService tasks;

    ListTasksTool(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(NAME, "List the user's tasks, soonest due first. Returns an array of "
                + "{id, title, completed, priority, tags, due_at, all_day}.",
                Schema.object()
                        .optional("status", Schema.oneOf("default: all", List.of("all", "pending", "completed")))
                        .optional("search", Schema.string("Words that must occur in the title or description"))
                        .optional("priority", Schema.oneOf("Only this priority", List.of("none", "low", "medium", "high")))
                        .optional("tag", Schema.string("Only tasks with this tag"))
                        .optional("due_from", Schema.string("Due on or after: a date or RFC 3339 date-time"))
                        .optional("due_to", Schema.string("Due on or before: a date (inclusive) or RFC 3339 date-time"))
                        .optional("overdue", Schema.bool("Only pending tasks whose due has passed"))
                        .optional("limit", Schema.integer("At most this many, 1-" + MAX + ", default 50"))
                        .build());
    }

    @Override
    public JsonNode call(ToolContext context, ToolArguments arguments) {
        Status status = status(arguments);
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        String priority = arguments.text("priority");
        if (priority != null) {
            Priority.parse(priority).ifPresentOrElse(priorities::add,
                    () -> arguments.problem("priority must be one of none, low, medium, high"));
        }
        String tag = arguments.text("tag");
        String search = arguments.text("search");
        Instant from = bound(context, arguments, "due_from", false);
        Instant to = bound(context, arguments, "due_to", true);
        boolean overdue = Boolean.TRUE.equals(arguments.bool("overdue"));
        int limit = arguments.integer("limit", 50, 1, MAX);
        arguments.check();
        TaskQuery query = new TaskQuery(status, priorities,
                tag == null ? List.of() : List.of(tag.replaceFirst("^[#@]", "").toLowerCase(Locale.ROOT)),
                search, from, to, overdue, search == null ? Sort.DUE : Sort.RELEVANCE, false, 0, limit);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        tasks.list(context.user(), context.zone(), query).tasks()
                .forEach(t -> result.add(ToolResults.listed(t, context.zone())));
        return result;
    }

    private static Status status(ToolArguments arguments) {
        String status = arguments.text("status");
        if (status == null) {
            return Status.ALL;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "all" -> Status.ALL;
            case "pending", "open", "todo" -> Status.PENDING;
            case "completed", "done" -> Status.COMPLETED;
            default -> {
                arguments.problem("status must be one of all, pending, completed");
                yield Status.ALL;
            }
        };
    }

    /** A date means the whole day: its start as a lower bound, its end as an upper one. */
    private static Instant bound(ToolContext context, ToolArguments arguments, String name, boolean upper) {
        String value = arguments.text(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (upper ? date.plusDays(1) : date).atStartOfDay(context.zone()).toInstant()
                        .minusNanos(upper ? 1000 : 0);
            }
            Instant at = OffsetDateTime.parse(value).toInstant();
            if (!SupportedDates.contains(at)) {
                arguments.problem(name + " " + SupportedDates.OUT_OF_RANGE);
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            arguments.problem(name + " must be a date (2026-03-05) or an RFC 3339 date-time");
            return null;
        }
    }
}
