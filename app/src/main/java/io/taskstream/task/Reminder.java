package io.taskstream.task;

import io.taskstream.platform.problem.FieldViolation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

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

    /**
     * A relative reminder from its written form, an ISO-8601 duration ({@code PT15M}); null with a violation of
     * {@code field}.before added when {@code text} (null: not text) is none or is negative. How long is the task
     * rules' to check.
     */
    public static Reminder readBefore(String field, String text, List<FieldViolation> violations) {
        Duration duration = null;
        try {
            duration = text == null ? null : Duration.parse(text.strip());
        } catch (DateTimeException e) {
            // named below
        }
        if (duration == null || duration.isNegative()) {
            violations.add(new FieldViolation(field + ".before", TaskRules.BEFORE));
            return null;
        }
        return before(duration);
    }

    /**
     * An absolute reminder from its written form, an RFC 3339 date-time or a local one in the user's {@code zone} (never
     * a bare date); null with a violation of {@code field}.at added when {@code text} (null: not text) is none.
     */
    public static Reminder readAt(String field, String text, ZoneId zone, List<FieldViolation> violations) {
        Instant moment = text == null ? null : Due.parseMoment(text, zone).orElse(null);
        if (moment == null) {
            violations.add(new FieldViolation(field + ".at", "must be an RFC 3339 date-time such as 2026-03-05T08:00:00+01:00"));
            return null;
        }
        return at(moment);
    }

    public boolean relative() {
        return before != null;
    }

    /** The same reminder for an occurrence due {@code shift} later: relative ones stay, absolute ones move. */
    public Reminder shiftedBy(Duration shift) {
        return relative() ? this : at(at.plus(shift));
    }
}
