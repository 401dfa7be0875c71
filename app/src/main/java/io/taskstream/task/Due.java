package io.taskstream.task;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a task is due: a moment, or a whole day ({@code allDay}), which is stored as that day's start in the user's zone.
 * A door reads the user's zone once and builds the due in it, so the task use cases need no zone.
 */
public record Due(Instant at, boolean allDay) {

    /** What a due that does not read must be, as the task API words it. */
    public static final String FORMS =
            "must be an RFC 3339 date-time such as 2026-03-05T17:00:00+01:00, or a date such as 2026-03-05";

    private static final Pattern OFFSET = Pattern.compile("(?:[Zz]|[+-]\\d{2}:?\\d{2})$");

    public Due {
        Objects.requireNonNull(at, "at");
    }

    /** Due at a moment. */
    public static Due at(Instant at) {
        return new Due(at, false);
    }

    /** Due on a day, all day: the day's start in the user's {@code zone}. */
    public static Due on(LocalDate date, ZoneId zone) {
        return new Due(date.atStartOfDay(zone).toInstant(), true);
    }

    /** The day the due falls on, in the user's {@code zone}. */
    public LocalDate date(ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /**
     * Reads a date-time with offset (RFC 3339), a local date-time (in the user's {@code zone}) or a date (all-day);
     * {@code allDay} makes a date-time all-day on its date in the zone. Empty when the text is none of these, or names no
     * moment Java can hold; whether the moment is one tasks accept is the task use cases' to check.
     */
    public static Optional<Due> parse(String text, ZoneId zone, boolean allDay) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return Optional.of(on(LocalDate.parse(value), zone));
            }
            if (OFFSET.matcher(value).find()) {
                // The offset fixes the instant; going through the zone's local time would move it by an hour
                // when that local time happens twice (the end of daylight saving time).
                OffsetDateTime at = OffsetDateTime.parse(value);
                return Optional.of(allDay ? on(at.atZoneSameInstant(zone).toLocalDate(), zone) : at(at.toInstant()));
            }
            LocalDateTime local = LocalDateTime.parse(value);
            return Optional.of(allDay ? on(local.toLocalDate(), zone) : at(local.atZone(zone).toInstant()));
        } catch (DateTimeException e) { // unparseable, or beyond the years Java can hold once moved to the zone
            return Optional.empty();
        }
    }

    /** A moment as {@link #parse} reads it, but never a bare date: a reminder's {@code at}. */
    public static Optional<Instant> parseMoment(String text, ZoneId zone) {
        String value = text.strip();
        return value.length() <= 10 ? Optional.empty() : parse(value, zone, false).map(Due::at);
    }
}
