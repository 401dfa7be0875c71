package io.taskstream.assistant.parse;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates: relative words (today, tomorrow, tonight, weekdays, next week, this weekend, end of month,
 * in 3 days), absolute dates (april 15, 15th of april, 2026-04-15, 4/15) and days of the month (on the 3rd),
 * optionally introduced by on / by / due / before / for. A weekday is the first one after today, with or without
 * "next" or "coming" ("next tuesday" on a Monday is tomorrow, as Todoist reads it); "tuesday next week", "next week
 * tuesday" and "the following tuesday" name the Tuesday of the week after this one (weeks start on Monday).
 */
final class DateExpressions {

    /** strength orders competing dates: an explicit calendar date beats "tomorrow", which beats a bare weekday. */
    record Hit(LocalDate date, LocalTime time, PartOfDay partOfDay, int strength, int length) {
        Hit longer(int extra) {
            return new Hit(date, time, partOfDay, strength, length + extra);
        }
    }

    static final int WEEKDAY = 1;
    static final int RELATIVE = 2;
    static final int ABSOLUTE = 3;

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern YMD_SLASH = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})");

    private DateExpressions() {
    }

    static Hit match(Scan s, int i) {
        String l = s.lw(i);
        switch (l) {
            case "on", "by", "due", "before", "for", "over" -> {
                int j = i + 1;
                if (l.equals("due") && s.isAny(j, "on", "by", "before")) {
                    j++;
                }
                Hit h = core(s, j, true);
                if (h == null || (l.equals("over") && h.strength() == WEEKDAY)) {
                    return null;
                }
                return h.longer(j - i);
            }
            default -> {
                return core(s, i, false);
            }
        }
    }

    /** A date expression at i without any leading connector word. */
    static Hit core(Scan s, int i, boolean introduced) {
        String l = s.lw(i);
        if (l.isEmpty() || s.tok(i).punct()) {
            return null;
        }
        LocalDate today = s.today;
        switch (l) {
            case "today", "tdy" -> {
                return new Hit(today, null, null, RELATIVE, 1);
            }
            case "tonight", "tonite" -> {
                return new Hit(today, null, PartOfDay.NIGHT, RELATIVE, 1);
            }
            case "tomorrow", "tmrw", "tmr", "tmw", "tomorow", "tommorow", "tommorrow" -> {
                return new Hit(today.plusDays(1), null, null, RELATIVE, 1);
            }
            case "overmorrow" -> {
                return new Hit(today.plusDays(2), null, null, RELATIVE, 1);
            }
            case "eom" -> {
                return new Hit(today.with(TemporalAdjusters.lastDayOfMonth()), null, null, RELATIVE, 1);
            }
            case "eow" -> {
                return new Hit(endOfWeek(today), null, null, RELATIVE, 1);
            }
            case "eoy" -> {
                return new Hit(today.with(TemporalAdjusters.lastDayOfYear()), null, null, RELATIVE, 1);
            }
            case "eod" -> {
                return new Hit(today, null, null, RELATIVE, 1);
            }
            default -> {
            }
        }
        if (l.equals("the") || l.equals("day")) {
            int j = l.equals("the") ? i + 1 : i;
            if (s.is(j, "day") && s.is(j + 1, "after") && s.isAny(j + 2, "tomorrow", "tmrw")) {
                return new Hit(today.plusDays(2), null, null, RELATIVE, j + 3 - i);
            }
        }
        if (l.equals("this")) {
            PartOfDay p = PartOfDay.of(s.lw(i + 1));
            if (p != null) {
                return new Hit(today, null, p, RELATIVE, 2);
            }
        }
        Hit h = relativeWord(s, i, introduced);
        if (h != null) {
            return h;
        }
        h = endOrStartOf(s, i);
        if (h != null) {
            return h;
        }
        h = inQuantity(s, i);
        if (h != null) {
            return h;
        }
        h = absolute(s, i);
        if (h != null) {
            return h;
        }
        return dayOfMonth(s, i, introduced);
    }

    private static Hit relativeWord(Scan s, int i, boolean introduced) {
        String l = s.lw(i);
        LocalDate today = s.today;
        String mod = switch (l) {
            case "this", "next", "coming", "upcoming", "following" -> l;
            default -> null;
        };
        int j = mod == null ? i : i + 1;
        if (mod == null && l.equals("the") && s.isAny(i + 1, "weekend", "coming", "following")) {
            if (s.is(i + 1, "weekend")) {
                return new Hit(weekend(today), null, null, RELATIVE, 2);
            }
            mod = s.lw(i + 1);
            j = i + 2;
        }
        String w = s.lw(j);
        DayOfWeek d = Words.weekday(w);
        if (d != null) {
            if (mod == null && Words.AMBIGUOUS_WEEKDAYS.contains(w) && !s.boundary(j + 1)) {
                return null;
            }
            if (mod == null) {
                int k = j + 1;
                if (s.is(k, ",")) {
                    k++;
                }
                Hit abs = absolute(s, k);
                if (abs != null) {
                    return abs.longer(k - i);
                }
            }
            LocalDate date = switch (mod == null ? "" : mod) {
                case "this" -> today.with(TemporalAdjusters.nextOrSame(d));
                // "the following tuesday" is the one after the coming one; "next tuesday" is the coming one, as
                // Todoist reads it ("tuesday next week" names the one of next week).
                case "following" -> nextWeekMonday(today).with(TemporalAdjusters.nextOrSame(d));
                default -> today.with(TemporalAdjusters.next(d));
            };
            if (s.is(j + 1, "next") && s.is(j + 2, "week")) {
                return new Hit(nextWeekMonday(today).with(TemporalAdjusters.nextOrSame(d)), null, null, RELATIVE, j + 3 - i);
            }
            return new Hit(date, null, null, mod == null ? WEEKDAY : RELATIVE, j + 1 - i);
        }
        if (w.equals("weekend")) {
            if (mod == null && !introduced && !s.boundary(j + 1)) {
                return null;
            }
            LocalDate date = mod != null && (mod.equals("next") || mod.equals("following"))
                    ? nextWeekMonday(today).plusDays(5) : weekend(today);
            return new Hit(date, null, null, RELATIVE, j + 1 - i);
        }
        if (mod == null || !(mod.equals("next") || mod.equals("following"))) {
            return null;
        }
        return switch (w) {
            case "week" -> {
                LocalDate monday = nextWeekMonday(today);
                DayOfWeek day = Words.weekday(s.lw(j + 1));
                yield day == null ? new Hit(monday, null, null, RELATIVE, j + 1 - i)
                        : new Hit(monday.with(TemporalAdjusters.nextOrSame(day)), null, null, RELATIVE, j + 2 - i);
            }
            case "month" -> new Hit(today.plusMonths(1).withDayOfMonth(1), null, null, RELATIVE, j + 1 - i);
            case "year" -> new Hit(LocalDate.of(today.getYear() + 1, 1, 1), null, null, RELATIVE, j + 1 - i);
            default -> null;
        };
    }

    private static Hit endOrStartOf(Scan s, int i) {
        int j = s.is(i, "the") ? i + 1 : i;
        boolean end = s.is(j, "end");
        boolean start = s.isAny(j, "start", "beginning");
        if (!(end || start) || !s.is(j + 1, "of")) {
            return null;
        }
        int k = j + 2;
        String which = "this";
        if (s.isAny(k, "the", "this")) {
            k++;
        } else if (s.is(k, "next")) {
            which = "next";
            k++;
        }
        LocalDate today = s.today;
        String unit = s.lw(k);
        Month month = Words.month(unit);
        if (month != null && which.equals("this")) {
            LocalDate first = rollForward(today.withDayOfMonth(1), month.getValue(), 1);
            if (first == null) {
                return null;
            }
            LocalDate date = end ? first.with(TemporalAdjusters.lastDayOfMonth()) : first;
            return new Hit(date, null, null, ABSOLUTE, k + 1 - i);
        }
        LocalDate date;
        if (end) {
            date = switch (unit) {
                case "month" -> (which.equals("next") ? today.plusMonths(1) : today)
                        .with(TemporalAdjusters.lastDayOfMonth());
                case "week" -> which.equals("next") ? nextWeekMonday(today).plusDays(4) : endOfWeek(today);
                case "year" -> (which.equals("next") ? today.plusYears(1) : today)
                        .with(TemporalAdjusters.lastDayOfYear());
                case "day" -> which.equals("next") ? null : today;
                default -> null;
            };
        } else {
            if (!which.equals("next")) {
                return null;
            }
            date = switch (unit) {
                case "month" -> today.plusMonths(1).withDayOfMonth(1);
                case "week" -> nextWeekMonday(today);
                case "year" -> LocalDate.of(today.getYear() + 1, 1, 1);
                default -> null;
            };
        }
        return date == null ? null : new Hit(date, null, null, RELATIVE, k + 1 - i);
    }

    private static Hit inQuantity(Scan s, int i) {
        String l = s.lw(i);
        if (l.equals("in") || l.equals("within")) {
            if (s.isAny(i + 1, "fortnight")) {
                return new Hit(s.today.plusWeeks(2), null, null, RELATIVE, 2);
            }
            if (s.is(i + 1, "a") && s.is(i + 2, "fortnight")) {
                return new Hit(s.today.plusWeeks(2), null, null, RELATIVE, 3);
            }
            Quantities.Hit q = Quantities.match(s, i + 1);
            return q == null ? null : relative(s, q.quantity(), s.nowDateTime(), q.length() + 1);
        }
        Quantities.Hit q = Quantities.match(s, i);
        if (q == null) {
            return null;
        }
        int k = i + q.length();
        if (s.is(k, "from") && s.isAny(k + 1, "now", "today")) {
            return relative(s, q.quantity(), s.nowDateTime(), q.length() + 2);
        }
        if (s.is(k, "from") && s.isAny(k + 1, "tomorrow", "tmrw")) {
            LocalDateTime base = LocalDateTime.of(s.today.plusDays(1), s.now);
            return relative(s, q.quantity(), base, q.length() + 2);
        }
        return null;
    }

    private static Hit relative(Scan s, Quantity q, LocalDateTime base, int length) {
        LocalDateTime t = q.addTo(base);
        if (q.clockBased()) {
            return new Hit(t.toLocalDate(), t.toLocalTime(), null, RELATIVE, length);
        }
        return new Hit(t.toLocalDate(), null, null, RELATIVE, length);
    }

    /** Explicit calendar dates, with the year rolled forward when it is omitted and the date has passed. */
    static Hit absolute(Scan s, int i) {
        Token t = s.tok(i);
        if (t == null || t.punct()) {
            return null;
        }
        String l = t.lower();
        if (t.startsWithDigit()) {
            Hit numeric = numeric(s, l);
            if (numeric != null) {
                return numeric;
            }
        }
        Month month = Words.month(l);
        if (month != null) {
            int j = i + 1;
            if (s.is(j, "the")) {
                j++;
            }
            int day = Words.dayNumber(s.lw(j));
            if (day < 0) {
                return null;
            }
            return withYear(s, month, day, j + 1, i);
        }
        int j = i;
        if (l.equals("the")) {
            j++;
        }
        String dl = s.lw(j);
        int day = Words.dayNumber(dl);
        if (day < 0) {
            return null;
        }
        boolean ordinal = Words.digits(dl) < 0;
        int k = j + 1;
        if (s.is(k, "of")) {
            if (!ordinal) {
                return null;
            }
            k++;
        }
        Month m2 = Words.month(s.lw(k));
        if (m2 == null) {
            return null;
        }
        if (j > i && !ordinal) {
            return null;
        }
        return withYear(s, m2, day, k + 1, i);
    }

    private static Hit withYear(Scan s, Month month, int day, int next, int i) {
        int k = next;
        if (s.is(k, ",") && year(s.lw(k + 1)) > 0) {
            k++;
        }
        int year = year(s.lw(k));
        if (year > 0) {
            LocalDate d = safeDate(year, month.getValue(), day);
            return d == null ? null : new Hit(d, null, null, ABSOLUTE, k + 1 - i);
        }
        LocalDate d = rollForward(s.today, month.getValue(), day);
        return d == null ? null : new Hit(d, null, null, ABSOLUTE, next - i);
    }

    private static Hit numeric(Scan s, String l) {
        Matcher m = ISO.matcher(l);
        if (!m.matches()) {
            m = YMD_SLASH.matcher(l);
        }
        if (m.matches()) {
            LocalDate d = safeDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return d == null ? null : new Hit(d, null, null, ABSOLUTE, 1);
        }
        m = SLASH.matcher(l);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int month = a;
            int day = b;
            if (a > 12 && b <= 12) {
                month = b;
                day = a;
            }
            if (m.group(3) != null) {
                LocalDate d = safeDate(fullYear(m.group(3)), month, day);
                return d == null ? null : new Hit(d, null, null, ABSOLUTE, 1);
            }
            LocalDate d = rollForward(s.today, month, day);
            return d == null ? null : new Hit(d, null, null, ABSOLUTE, 1);
        }
        m = DOTTED.matcher(l);
        if (m.matches()) {
            LocalDate d = safeDate(fullYear(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            return d == null ? null : new Hit(d, null, null, ABSOLUTE, 1);
        }
        return null;
    }

    private static Hit dayOfMonth(Scan s, int i, boolean introduced) {
        int j = s.is(i, "the") ? i + 1 : i;
        if (j == i && !introduced) {
            return null;
        }
        String dl = s.lw(j);
        int day = Words.ordinal(dl);
        if (day < 1 || day > 31) {
            return null;
        }
        if (s.is(j + 1, "of") && s.is(j + 2, "next") && s.is(j + 3, "month")) {
            LocalDate d = nthDayFrom(YearMonth.from(s.today).plusMonths(1), day);
            return d == null ? null : new Hit(d, null, null, ABSOLUTE, j + 4 - i);
        }
        if (s.is(j + 1, "of") && s.isAny(j + 2, "the", "this") && s.is(j + 3, "month")) {
            LocalDate d = nextDayOfMonth(s.today, day);
            return d == null ? null : new Hit(d, null, null, ABSOLUTE, j + 4 - i);
        }
        if (!s.boundary(j + 1)) {
            return null;
        }
        LocalDate d = nextDayOfMonth(s.today, day);
        return d == null ? null : new Hit(d, null, null, ABSOLUTE, j + 1 - i);
    }

    static LocalDate nextDayOfMonth(LocalDate today, int day) {
        YearMonth ym = YearMonth.from(today);
        for (int k = 0; k < 13; k++) {
            YearMonth m = ym.plusMonths(k);
            if (day <= m.lengthOfMonth()) {
                LocalDate d = m.atDay(day);
                if (!d.isBefore(today)) {
                    return d;
                }
            }
        }
        return null;
    }

    private static LocalDate nthDayFrom(YearMonth ym, int day) {
        return day <= ym.lengthOfMonth() ? ym.atDay(day) : null;
    }

    static LocalDate rollForward(LocalDate today, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        for (int y = today.getYear(); y <= today.getYear() + 8; y++) {
            LocalDate d = safeDate(y, month, day);
            if (d != null && !d.isBefore(today)) {
                return d;
            }
        }
        return null;
    }

    static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int year(String l) {
        int y = l.length() == 4 ? Words.digits(l) : -1;
        return y >= 1900 && y <= 2999 ? y : -1;
    }

    private static int fullYear(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + v : v;
    }

    static LocalDate nextWeekMonday(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** Saturday of the current weekend, or today if it already is the weekend. */
    static LocalDate weekend(LocalDate today) {
        DayOfWeek d = today.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? today
                : today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    }

    /** Friday of this week; on a weekend, the Sunday that ends it. */
    static LocalDate endOfWeek(LocalDate today) {
        DayOfWeek d = today.getDayOfWeek();
        return d.getValue() <= 5 ? today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))
                : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }
}
