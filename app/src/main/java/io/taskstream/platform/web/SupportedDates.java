package io.taskstream.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The moments the API accepts: from the first instant of year 1 to the last of year 9999 (UTC), the years every
 * client, RFC 3339 and PostgreSQL's {@code timestamptz} agree on. A date outside them (such as {@code +294277-01-01},
 * beyond what PostgreSQL stores) is a client's mistake, named like any other invalid field.
 */
public final class SupportedDates {

    /** The first supported instant, 0001-01-01T00:00:00Z. */
    public static final Instant FIRST = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    /** The last supported instant, 9999-12-31T23:59:59.999999Z (microseconds, as PostgreSQL keeps them). */
    public static final Instant LAST = LocalDate.of(9999, 12, 31).atTime(LocalTime.of(23, 59, 59, 999_999_000))
            .toInstant(ZoneOffset.UTC);
    /** A violation's message for a moment outside the range. */
    public static final String OUT_OF_RANGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private SupportedDates() {
    }

    /** Whether the moment is one the API accepts; null is not. */
    public static boolean contains(Instant at) {
        return at != null && !at.isBefore(FIRST) && !at.isAfter(LAST);
    }
}
