package io.taskstream.task;

import java.time.Duration;
import java.time.Instant;

/**
 * One reminder of a task: either relative to the due ({@code before}, {@code PT0S} = at the due) or at an
 * absolute moment ({@code at}). Exactly one of the two is set.
 */
public record Reminder(Duration before, Instant at) {

    public Reminder {
        if ((before == null) == (at == null)) {
            throw new IllegalArgumentException("exactly one of before and at");
        }
        if (before != null && before.isNegative()) {
            throw new IllegalArgumentException("before must not be negative");
        }
    }

    public static Reminder before(Duration before) {
        return new Reminder(before, null);
    }

    public static Reminder at(Instant at) {
        return new Reminder(null, at);
    }

    public boolean relative() {
        return before != null;
    }

    /** The same reminder for an occurrence due {@code shift} later: relative ones stay, absolute ones move. */
    public Reminder shiftedBy(Duration shift) {
        return relative() ? this : at(at.plus(shift));
    }
}
