package io.taskstream.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a rule before it is written: a frequency, an interval and the BYDAY, BYMONTHDAY and BYMONTH parts,
 * for code that builds rules from words (quick add). {@link #rule} writes and parses it into the one
 * {@link RecurrenceRule}, so a pattern is only ever saved through the same validation as any other rule.
 *
 * @param byDay the weekdays, each with its position in the month (0 for every such weekday, 1..5 the nth,
 *     -1..-5 the nth from the end)
 * @param byMonth 0 for none, else 1..12
 */
public record RecurrencePattern(RecurrenceRule.Frequency frequency, int interval, List<ByDay> byDay,
        List<Integer> byMonthDay, int byMonth) {

    /** A weekday in BYDAY: position 0 means every such weekday; 1..5 the nth, -1..-5 the nth from the end. */
    public record ByDay(int position, DayOfWeek day) {

        String rfc() {
            String code = day.name().substring(0, 2);
            return position == 0 ? code : position + code;
        }
    }

    private static final int COUNT_LIMIT = 100_000;

    public RecurrencePattern {
        byDay = List.copyOf(byDay);
        byMonthDay = List.copyOf(byMonthDay);
        interval = Math.max(1, interval);
    }

    public static RecurrencePattern of(RecurrenceRule.Frequency frequency, int interval) {
        return new RecurrencePattern(frequency, interval, List.of(), List.of(), 0);
    }

    /** Weekly on the given days, each once, Monday first. */
    public static RecurrencePattern weekly(int interval, List<DayOfWeek> days) {
        List<ByDay> list = new ArrayList<>();
        for (DayOfWeek d : days) {
            ByDay b = new ByDay(0, d);
            if (!list.contains(b)) {
                list.add(b);
            }
        }
        list.sort((a, b) -> a.day().compareTo(b.day()));
        return new RecurrencePattern(RecurrenceRule.Frequency.WEEKLY, interval, list, List.of(), 0);
    }

    public RecurrencePattern withMonthDays(List<Integer> days) {
        return new RecurrencePattern(frequency, interval, byDay, days, byMonth);
    }

    public RecurrencePattern withByDay(List<ByDay> days) {
        return new RecurrencePattern(frequency, interval, days, byMonthDay, byMonth);
    }

    public RecurrencePattern withMonth(int month) {
        return new RecurrencePattern(frequency, interval, byDay, byMonthDay, month);
    }

    public RecurrencePattern withInterval(int n) {
        return new RecurrencePattern(frequency, n, byDay, byMonthDay, byMonth);
    }

    public boolean hasByParts() {
        return !byDay.isEmpty() || !byMonthDay.isEmpty() || byMonth != 0;
    }

    /**
     * The rule, ending after {@code count} occurrences or at {@code until} (an RFC 5545 DATE or UTC DATE-TIME),
     * either of which may be null.
     *
     * @throws InvalidRecurrenceRuleException when the rule is not one tasks accept (say, it matches no date)
     */
    public RecurrenceRule rule(Integer count, String until) {
        return RecurrenceRule.parse(text(count, until));
    }

    /** The rule without an end. */
    public RecurrenceRule rule() {
        return rule(null, null);
    }

    /**
     * The first day on or after {@code start} that the BY-parts allow (the interval counts from the series' first
     * occurrence, so it plays no part); {@code start} itself when there are no BY-parts or the rule matches no day.
     */
    public LocalDate firstOnOrAfter(LocalDate start) {
        if (!hasByParts() || frequency.subDaily()) {
            return start;
        }
        try {
            return withInterval(1).rule().nextAfter(start.minusDays(1).atStartOfDay(ZoneOffset.UTC), 1)
                    .map(o -> o.at().toLocalDate()).orElse(start);
        } catch (InvalidRecurrenceRuleException e) {
            return start;
        }
    }

    /** How many occurrences of the series whose first occurrence is {@code first} fall on or before {@code last}. */
    public int countThrough(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return 0;
        }
        return (int) rule().occurrences(first.atStartOfDay(ZoneOffset.UTC), 1)
                .takeWhile(o -> !o.at().toLocalDate().isAfter(last))
                .limit(COUNT_LIMIT)
                .count();
    }

    private String text(Integer count, String until) {
        StringBuilder b = new StringBuilder("FREQ=").append(frequency.name());
        if (interval > 1) {
            b.append(";INTERVAL=").append(interval);
        }
        if (byMonth != 0) {
            b.append(";BYMONTH=").append(byMonth);
        }
        if (!byMonthDay.isEmpty()) {
            b.append(";BYMONTHDAY=");
            for (int k = 0; k < byMonthDay.size(); k++) {
                b.append(k == 0 ? "" : ",").append(byMonthDay.get(k));
            }
        }
        if (!byDay.isEmpty()) {
            b.append(";BYDAY=");
            for (int k = 0; k < byDay.size(); k++) {
                b.append(k == 0 ? "" : ",").append(byDay.get(k).rfc());
            }
        }
        if (count != null) {
            b.append(";COUNT=").append(count);
        } else if (until != null) {
            b.append(";UNTIL=").append(until.toUpperCase(Locale.ROOT));
        }
        return b.toString();
    }
}
