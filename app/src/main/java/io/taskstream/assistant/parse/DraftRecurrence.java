package io.taskstream.assistant.parse;

import java.util.Objects;

/**
 * A parsed repetition: an RFC 5545 RRULE value without the "RRULE:" prefix (DTSTART is the draft's due date), and
 * whether the next occurrence counts from the due date ("due") or from when the task is completed ("completion").
 */
public record DraftRecurrence(String rule, String from) {

    public static final String FROM_DUE = "due";
    public static final String FROM_COMPLETION = "completion";

    public DraftRecurrence {
        Objects.requireNonNull(rule, "rule");
        from = FROM_COMPLETION.equals(from) ? FROM_COMPLETION : FROM_DUE;
    }

    public boolean fromCompletion() {
        return FROM_COMPLETION.equals(from);
    }
}
