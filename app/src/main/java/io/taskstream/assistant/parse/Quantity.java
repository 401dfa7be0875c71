package io.taskstream.assistant.parse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An amount of a calendar or clock unit, e.g. "3 days" or "half an hour" (30 minutes). */
record Quantity(long amount, Unit unit) {

    enum Unit { MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }

    boolean clockBased() {
        return unit == Unit.MINUTE || unit == Unit.HOUR;
    }

    /** Exact length for units up to weeks; null for months and years. */
    Duration toDuration() {
        return switch (unit) {
            case MINUTE -> Duration.ofMinutes(amount);
            case HOUR -> Duration.ofHours(amount);
            case DAY -> Duration.ofDays(amount);
            case WEEK -> Duration.ofDays(7 * amount);
            case MONTH, YEAR -> null;
        };
    }

    LocalDateTime addTo(LocalDateTime t) {
        return switch (unit) {
            case MINUTE -> t.plusMinutes(amount);
            case HOUR -> t.plusHours(amount);
            case DAY -> t.plusDays(amount);
            case WEEK -> t.plusWeeks(amount);
            case MONTH -> t.plusMonths(amount);
            case YEAR -> t.plusYears(amount);
        };
    }

    LocalDate addTo(LocalDate d) {
        return switch (unit) {
            case MINUTE, HOUR -> d;
            case DAY -> d.plusDays(amount);
            case WEEK -> d.plusWeeks(amount);
            case MONTH -> d.plusMonths(amount);
            case YEAR -> d.plusYears(amount);
        };
    }
}
