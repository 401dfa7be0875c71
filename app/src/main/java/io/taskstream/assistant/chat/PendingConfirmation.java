package io.taskstream.assistant.chat;

import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * "Delete “Buy milk”?": a deletion the chat asks the user to confirm before it happens (the chat has no undo). For
 * a recurring task the answer also says how much of the series goes: this one (it moves to its next date), this and
 * the following ones, or the whole series. Stored with the conversation as JSON, like a {@link PendingQuestion}.
 *
 * @param taskId the task to delete
 * @param recurring whether the answer must choose a scope
 */
record PendingConfirmation(long taskId, boolean recurring) {

    /** What the user's answer means. */
    sealed interface Answer {
    }

    /** Go ahead; {@code scope} is the delete tool's scope, null for the task alone. */
    record Confirmed(String scope) implements Answer {
    }

    record Declined() implements Answer {
    }

    /** Not an answer: the message is a new request. */
    record NoAnswer() implements Answer {
    }

    private static final String KEY = "confirm_delete";
    private static final String END = "(?:\\s+please)?[.!]*$";
    private static final Pattern YES = Pattern.compile("^(?:y|yes|yeah|yep|yup|sure|ok|okay|confirm|confirmed|do it|"
            + "go ahead|delete it|yes,? delete it|please do|absolutely|correct)" + END);
    private static final Pattern NO = Pattern.compile("^(?:n|no|nope|don'?t|do not|cancel|stop|keep it|never ?mind|"
            + "forget it|no,? keep it|no thanks)" + END);
    private static final Pattern OCCURRENCE = Pattern.compile("^(?:(?:just|only)\\s+)?(?:this|this one|that one|"
            + "this occurrence|the next one|one|skip|skip it|skip this one|(?:just|only) (?:this|that) one)" + END);
    private static final Pattern FOLLOWING = Pattern.compile("^(?:this (?:one )?and (?:all )?(?:the )?(?:following|"
            + "future|later|next)(?: ones)?|(?:the )?following(?: ones)?|(?:all )?future(?: ones)?|from now on|"
            + "end (?:the|it)(?: series)?(?: here)?|stop (?:it|the series|repeating))" + END);
    private static final Pattern SERIES = Pattern.compile("^(?:all|all of them|all occurrences|everything|every one|"
            + "(?:the )?(?:whole|entire|complete) series|(?:the )?series|all of it)" + END);

    static boolean isStored(JsonNode pending) {
        return pending != null && pending.has(KEY);
    }

    static PendingConfirmation read(JsonNode pending) {
        JsonNode json = pending.get(KEY);
        return new PendingConfirmation(json.get("task_id").asLong(), json.path("recurring").asBoolean(false));
    }

    JsonNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putObject(KEY).put("task_id", taskId).put("recurring", recurring);
        return json;
    }

    /**
     * Reads the answer. For a task that does not recur: yes or no. For a recurring one: "this one" (also "yes"),
     * "this and following", "all" / "the whole series", or no. Anything else is a new request.
     */
    Answer answer(String message) {
        String text = message.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (NO.matcher(text).matches()) {
            return new Declined();
        }
        if (!recurring) {
            return YES.matcher(text).matches() ? new Confirmed(null) : new NoAnswer();
        }
        if (FOLLOWING.matcher(text).matches()) {
            return new Confirmed("following");
        }
        if (SERIES.matcher(text).matches()) {
            return new Confirmed("series");
        }
        if (OCCURRENCE.matcher(text).matches() || YES.matcher(text).matches()) {
            return new Confirmed("occurrence");
        }
        return new NoAnswer();
    }
}
