package io.taskstream.assistant.tools;

import io.taskstream.assistant.parse.DraftRecurrence;

/**
 * A repetition as tasks take it: an RFC 5545 RRULE value (without the {@code RRULE:} prefix; the first
 * due is DTSTART) and whether the next occurrence counts from the due date or from completion.
 */
public record Recurrence(String rule, String from) {

    public static Recurrence of(DraftRecurrence draft) {
        return draft == null ? null : new Recurrence(draft.rule(), draft.from());
    }
}
