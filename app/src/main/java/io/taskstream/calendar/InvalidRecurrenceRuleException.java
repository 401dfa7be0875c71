package io.taskstream.calendar;

/** The text is not an RFC 5545 recurrence rule we support; the message says why, for a human. */
public class InvalidRecurrenceRuleException extends IllegalArgumentException {

    public InvalidRecurrenceRuleException(String reason) {
        super(reason);
    }
}
