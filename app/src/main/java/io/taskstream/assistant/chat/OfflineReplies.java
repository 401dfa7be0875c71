package io.taskstream.assistant.chat;

import io.taskstream.assistant.tools.ToolCall;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The offline engine's sentences: short, plain, built only from what the tools returned. */
final class OfflineReplies {

    static final String HELP = """
            I can manage your tasks. Try:
            - "Buy milk tomorrow at 5pm #errands p2" to add a task
            - "Pay rent every month on the 1st" for a repeating one
            - "What's due this week?" or "show my completed tasks"
            - "Mark the groceries task as done", "delete task 12"
            - "What did I complete yesterday?", "show the history of the report"
            - "Move the dentist to friday at 3pm", "rename task 4 to Call Bob"
            - "Remind me about the report 1 hour before\"""";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private OfflineReplies() {
    }

    static String unknown() {
        return "Sorry, I didn't understand that. " + HELP;
    }

    static String needTitle() {
        return "What is the task? For example: \"Buy milk tomorrow\".";
    }

    static String question() {
        return "I can answer questions about your tasks, such as \"what's due this week?\", \"what did I complete "
                + "yesterday?\" or \"show the history of the report\". I didn't add anything.";
    }

    static String cancelled() {
        return "OK, I left your tasks as they were.";
    }

    /** The sentence for one tool call's result. */
    static String of(ToolCall call, ZonedDateTime now) {
        JsonNode result = call.result();
        if (result.isArray()) {
            return listed(result, call.arguments());
        }
        String title = result.path("title").asString("");
        String id = result.has("task_id") ? " (task " + result.get("task_id").asLong() + ")" : "";
        return switch (call.status()) {
            case "created" -> "Added \"" + title + "\"" + id + due(result) + repeats(result) + ".";
            case "completed" -> "Marked \"" + title + "\"" + id + " as done.";
            case "reopened" -> "Re-opened \"" + title + "\"" + id + ".";
            case "deleted" -> switch (result.path("scope").asString("")) {
                case "series" -> "Deleted every occurrence of \"" + title + "\"" + id + ".";
                case "following" -> "Deleted \"" + title + "\"" + id + " and the occurrences after it; it no longer repeats.";
                default -> "Deleted \"" + title + "\"" + id + ".";
            };
            case "skipped" -> "Skipped this occurrence of \"" + title + "\"" + id + "; next" + due(result).substring(1) + ".";
            case "confirm" -> confirm(title, id, result);
            case "history" -> history(result);
            case "updated" -> "Updated \"" + title + "\"" + id + due(result) + repeats(result) + ".";
            case "ambiguous" -> question(result);
            case "not_found" -> "I couldn't find a task matching \"" + result.path("reference").asString("") + "\".";
            default -> "I couldn't do that: " + result.path("error").asString("unknown error");
        };
    }

    private static String confirm(String title, String id, JsonNode result) {
        if (!result.hasNonNull("repeats")) {
            return "Delete \"" + title + "\"" + id + due(result) + "? Answer yes or no.";
        }
        return "\"" + title + "\"" + id + repeats(result).replaceFirst("^, ", " ") + ". Delete just this one (it moves to "
                + "its next date), this and the following ones, or the whole series? Answer \"this one\", "
                + "\"this and following\", \"all\" or \"no\".";
    }

    private static String history(JsonNode result) {
        JsonNode entries = result.get("entries");
        String event = result.path("event").asString("any");
        String verb = switch (event) {
            case "completed" -> "completed";
            case "created" -> "added";
            case "deleted" -> "deleted";
            case "updated" -> "changed";
            case "uncompleted" -> "re-opened";
            default -> null;
        };
        String period = result.has("from") ? period(result.get("from").asString(), result.get("to").asString()) : "";
        if (result.has("title")) {
            if (entries.isEmpty()) {
                return "Nothing is recorded yet for \"" + result.get("title").asString() + "\".";
            }
            StringBuilder text = new StringBuilder("History of \"").append(result.get("title").asString()).append("\":");
            for (JsonNode e : entries) {
                text.append("\n- ").append(when(e.get("at").asString())).append(": ").append(e.get("event").asString());
            }
            return text.toString();
        }
        if (entries.isEmpty()) {
            return verb == null ? "Nothing happened to your tasks" + period + "."
                    : "You " + verb + " no tasks" + period + ".";
        }
        StringBuilder text = new StringBuilder(verb == null
                ? "What happened to your tasks" + period + ":"
                : "You " + verb + " " + entries.size() + (entries.size() == 1 ? " task" : " tasks") + period + ":");
        for (JsonNode e : entries) {
            text.append("\n- ").append(e.get("title").asString()).append(" (task ").append(e.get("task_id").asLong())
                    .append(')');
            if (verb == null) {
                text.append(", ").append(e.get("event").asString());
            }
            text.append(", ").append(when(e.get("at").asString()));
        }
        return text.toString();
    }

    private static String period(String from, String to) {
        return from.equals(to) ? " on " + LocalDate.parse(from).format(DAY)
                : " from " + LocalDate.parse(from).format(DAY) + " to " + LocalDate.parse(to).format(DAY);
    }

    private static String question(JsonNode result) {
        StringBuilder text = new StringBuilder("Which one do you mean?");
        int n = 1;
        for (JsonNode candidate : result.get("candidates")) {
            text.append('\n').append(n++).append(". ").append(candidate.get("title").asString())
                    .append(" (task ").append(candidate.get("task_id").asLong()).append(')');
            if (candidate.hasNonNull("due_at")) {
                text.append(", due ").append(when(candidate.get("due_at").asString()));
            }
            if (candidate.path("completed").asBoolean(false)) {
                text.append(", done");
            }
        }
        return text.append("\nAnswer with the number, e.g. \"the first one\", or the task id.").toString();
    }

    private static String listed(JsonNode tasks, JsonNode arguments) {
        String status = arguments.path("status").asString("all");
        String kind = switch (status) {
            case "pending" -> "open ";
            case "completed" -> "completed ";
            default -> "";
        };
        if (tasks.isEmpty()) {
            return "You have no " + kind + "tasks" + (arguments.size() > 1 ? " matching that" : "") + ".";
        }
        StringBuilder text = new StringBuilder(tasks.size() == 1
                ? "You have 1 " + kind + "task:"
                : "You have " + tasks.size() + " " + kind + "tasks:");
        for (JsonNode task : tasks) {
            text.append("\n- ").append(task.get("title").asString()).append(" (task ").append(task.get("id").asLong()).append(')');
            if (task.hasNonNull("due_at")) {
                text.append(", due ").append(when(task.get("due_at").asString()));
            }
            if (!"none".equals(task.path("priority").asString("none"))) {
                text.append(", ").append(task.get("priority").asString()).append(" priority");
            }
            if (task.path("completed").asBoolean(false)) {
                text.append(", done");
            }
        }
        return text.toString();
    }

    /** ", repeats every 2 hours": the rule in the calendar's words, as the task dialog shows it. */
    private static String repeats(JsonNode result) {
        if (!result.hasNonNull("repeats")) {
            return "";
        }
        String words = result.get("repeats").asString();
        return words.startsWith("Custom: ") ? ", repeats " + words.substring(8)
                : ", repeats " + Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    private static String due(JsonNode result) {
        return result.hasNonNull("due_at") ? ", due " + when(result.get("due_at").asString()) : "";
    }

    private static String when(String due) {
        return due.length() == 10 ? LocalDate.parse(due).format(DAY) : OffsetDateTime.parse(due).format(DAY_TIME);
    }
}
