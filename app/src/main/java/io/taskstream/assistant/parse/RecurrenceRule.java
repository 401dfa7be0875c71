package io.taskstream.assistant.parse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The subset of RFC 5545 recurrence rules the grammar produces, with just enough expansion to find the first
 * occurrence on or after a date and to count occurrences in a span (for "for N weeks" → COUNT).
 */
record RecurrenceRule(Freq freq, int interval, List<ByDay> byDay, List<Integer> byMonthDay, int byMonth) {

    enum Freq { HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY }

    /** ordinal 0 means every such weekday; 1..5 the nth, -1..-5 the nth from the end of the month. */
    record ByDay(int ordinal, DayOfWeek day) {
        String rfc() {
            String code = day.name().substring(0, 2);
            return ordinal == 0 ? code : ordinal + code;
        }
    }

    private static final int SEARCH_LIMIT_DAYS = 366 * 9;
    private static final int COUNT_LIMIT = 100_000;

    RecurrenceRule {
        byDay = List.copyOf(byDay);
        byMonthDay = List.copyOf(byMonthDay);
        interval = Math.max(1, interval);
    }

    static RecurrenceRule of(Freq freq, int interval) {
        return new RecurrenceRule(freq, interval, List.of(), List.of(), 0);
    }

    static RecurrenceRule weekly(int interval, List<DayOfWeek> days) {
        List<ByDay> list = new ArrayList<>();
        for (DayOfWeek d : days) {
            ByDay b = new ByDay(0, d);
            if (!list.contains(b)) {
                list.add(b);
            }
        }
        list.sort((a, b) -> a.day().compareTo(b.day()));
        return new RecurrenceRule(Freq.WEEKLY, interval, list, List.of(), 0);
    }

    RecurrenceRule withMonthDays(List<Integer> days) {
        return new RecurrenceRule(freq, interval, byDay, days, byMonth);
    }

    RecurrenceRule withByDay(List<ByDay> days) {
        return new RecurrenceRule(freq, interval, days, byMonthDay, byMonth);
    }

    RecurrenceRule withMonth(int month) {
        return new RecurrenceRule(freq, interval, byDay, byMonthDay, month);
    }

    boolean hasByParts() {
        return !byDay.isEmpty() || !byMonthDay.isEmpty() || byMonth != 0;
    }

    /** Whether the date satisfies the BY-parts (the interval is anchored on the first occurrence, so it is ignored). */
    boolean matches(LocalDate d) {
        return switch (freq) {
            case HOURLY, DAILY -> true;
            case WEEKLY -> byDay.isEmpty() || byDay.stream().anyMatch(b -> b.day() == d.getDayOfWeek());
            case MONTHLY, YEARLY -> (byMonth == 0 || d.getMonthValue() == byMonth) && monthPartMatches(d);
        };
    }

    private boolean monthPartMatches(LocalDate d) {
        if (!byMonthDay.isEmpty()) {
            int len = d.lengthOfMonth();
            boolean any = false;
            for (int v : byMonthDay) {
                if ((v > 0 && d.getDayOfMonth() == v) || (v < 0 && d.getDayOfMonth() == len + v + 1)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        if (!byDay.isEmpty()) {
            for (ByDay b : byDay) {
                if (b.day() != d.getDayOfWeek()) {
                    continue;
                }
                int fromStart = (d.getDayOfMonth() - 1) / 7 + 1;
                int fromEnd = -((d.lengthOfMonth() - d.getDayOfMonth()) / 7 + 1);
                if (b.ordinal() == 0 || b.ordinal() == fromStart || b.ordinal() == fromEnd) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    LocalDate firstOnOrAfter(LocalDate start) {
        LocalDate d = start;
        for (int k = 0; k < SEARCH_LIMIT_DAYS; k++, d = d.plusDays(1)) {
            if (matches(d)) {
                return d;
            }
        }
        return start;
    }

    /** Occurrences of the series starting at first (its DTSTART) that fall on or before last. */
    int countThrough(LocalDate first, LocalDate last) {
        int count = 0;
        switch (freq) {
            case HOURLY, DAILY -> {
                long days = ChronoUnit.DAYS.between(first, last);
                return days < 0 ? 0 : (int) Math.min(COUNT_LIMIT, days / interval + 1);
            }
            case WEEKLY -> {
                LocalDate week = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                for (; !week.isAfter(last) && count < COUNT_LIMIT; week = week.plusWeeks(interval)) {
                    for (int k = 0; k < 7; k++) {
                        LocalDate d = week.plusDays(k);
                        boolean on = byDay.isEmpty() ? d.getDayOfWeek() == first.getDayOfWeek() : matches(d);
                        if (on && !d.isBefore(first) && !d.isAfter(last)) {
                            count++;
                        }
                    }
                }
            }
            case MONTHLY, YEARLY -> {
                int step = freq == Freq.MONTHLY ? interval : 12 * interval;
                YearMonth end = YearMonth.from(last);
                for (YearMonth ym = YearMonth.from(first); !ym.isAfter(end) && count < COUNT_LIMIT;
                     ym = ym.plusMonths(step)) {
                    for (int day = 1; day <= ym.lengthOfMonth(); day++) {
                        LocalDate d = ym.atDay(day);
                        boolean on = hasByParts() ? matches(d) && (freq == Freq.MONTHLY || byMonth != 0
                                || d.getMonth() == first.getMonth())
                                : d.getDayOfMonth() == first.getDayOfMonth();
                        if (on && !d.isBefore(first) && !d.isAfter(last)) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    /** RRULE value without the "RRULE:" prefix; count and until are optional (null). */
    String format(Integer count, String until) {
        StringBuilder b = new StringBuilder("FREQ=").append(freq.name());
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
