package io.taskstream.assistant.chat;

import io.taskstream.assistant.parse.IntentRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * "Which task did you mean?": the tool call that was ambiguous, and its candidates. Stored with the
 * conversation as JSON so that the answer may arrive at any replica, after any restart.
 *
 * @param tool the tool to call once the task is known
 * @param arguments its arguments without the reference
 * @param candidates the tasks offered, in the order they were listed
 */
record PendingQuestion(String tool, ObjectNode arguments, List<Candidate> candidates) {

    record Candidate(long taskId, String title) {
    }

    /** What the user's answer means. */
    sealed interface Answer {
    }

    record Chosen(long taskId) implements Answer {
    }

    record Cancelled() implements Answer {
    }

    /** Not an answer: the message is a new request. */
    record NoAnswer() implements Answer {
    }

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("1st", 1), Map.entry("one", 1),
            Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("two", 2),
            Map.entry("third", 3), Map.entry("3rd", 3), Map.entry("three", 3),
            Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("four", 4),
            Map.entry("fifth", 5), Map.entry("5th", 5), Map.entry("five", 5));
    private static final Pattern ORDINAL = Pattern.compile(
            "^(?:the\\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|one|two|three|four|five)"
                    + "(?:\\s+one)?(?:\\s+please)?[.!]?$");
    private static final Pattern EXPLICIT_ID = Pattern.compile("^(?:task|id|number|no\\.?)\\s*#?\\s*(\\d{1,18})[.!]?$|^#(\\d{1,18})[.!]?$");
    private static final Pattern BARE_NUMBER = Pattern.compile("^(\\d{1,18})[.!]?$");
    private static final Pattern CANCEL = Pattern.compile(
            "^(?:no|nope|none|neither|cancel|stop|never ?mind|forget it|none of them)(?:\\s+thanks)?[.!]?$");

    static PendingQuestion of(String tool, ObjectNode arguments, JsonNode ambiguousResult) {
        ObjectNode rest = arguments.deepCopy();
        rest.remove(List.of("task_id", "reference"));
        if (!"update_task".equals(tool)) {
            rest.remove("title");
        }
        List<Candidate> candidates = new ArrayList<>();
        ambiguousResult.get("candidates").forEach(c -> candidates.add(
                new Candidate(c.get("task_id").asLong(), c.get("title").asString())));
        return new PendingQuestion(tool, rest, candidates);
    }

    static PendingQuestion read(JsonNode json) {
        List<Candidate> candidates = new ArrayList<>();
        json.get("candidates").forEach(c -> candidates.add(new Candidate(c.get("task_id").asLong(), c.get("title").asString())));
        return new PendingQuestion(json.get("tool").asString(), (ObjectNode) json.get("arguments"), candidates);
    }

    JsonNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("tool", tool);
        json.set("arguments", arguments);
        ArrayNode list = json.putArray("candidates");
        candidates.forEach(c -> list.addObject().put("task_id", c.taskId()).put("title", c.title()));
        return json;
    }

    /** The tool arguments once the user picked a task. */
    ObjectNode argumentsFor(long taskId) {
        ObjectNode args = arguments.deepCopy();
        args.put("task_id", taskId);
        return args;
    }

    /**
     * Reads the answer: an ordinal ("the first one", "last"), an id ("task 12", "#12"), a bare number
     * (a candidate's id if one has it, else its position), a phrase matching exactly one candidate's
     * title, or a cancellation. Anything else is a new request.
     */
    Answer answer(String message) {
        String text = message.strip().toLowerCase(Locale.ROOT);
        Matcher ordinal = ORDINAL.matcher(text);
        if (ordinal.matches()) {
            int position = "last".equals(ordinal.group(1)) ? candidates.size() : ORDINALS.get(ordinal.group(1));
            return position <= candidates.size() ? new Chosen(candidates.get(position - 1).taskId()) : new NoAnswer();
        }
        Matcher id = EXPLICIT_ID.matcher(text);
        if (id.matches()) {
            return new Chosen(Long.parseLong(id.group(1) != null ? id.group(1) : id.group(2)));
        }
        Matcher number = BARE_NUMBER.matcher(text);
        if (number.matches()) {
            long n = Long.parseLong(number.group(1));
            boolean isId = candidates.stream().anyMatch(c -> c.taskId() == n);
            if (!isId && n >= 1 && n <= candidates.size()) {
                return new Chosen(candidates.get((int) n - 1).taskId());
            }
            return new Chosen(n);
        }
        if (CANCEL.matcher(text).matches()) {
            return new Cancelled();
        }
        String reference = IntentRecognizer.cleanReference(text).toLowerCase(Locale.ROOT);
        OptionalLong numeric = IntentRecognizer.taskId(reference.replaceFirst("^task ", ""));
        if (numeric.isPresent()) {
            return new Chosen(numeric.getAsLong());
        }
        if (reference.length() >= 3) {
            List<Candidate> matching = candidates.stream()
                    .filter(c -> c.title().toLowerCase(Locale.ROOT).contains(reference)).toList();
            if (matching.size() == 1) {
                return new Chosen(matching.getFirst().taskId());
            }
        }
        return new NoAnswer();
    }
}
