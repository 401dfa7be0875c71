package io.taskstream.assistant.parse;

import io.taskstream.calendar.RecurrencePattern;
import io.taskstream.calendar.RecurrencePattern.ByDay;
import io.taskstream.calendar.RecurrenceRule.Frequency;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Repetition phrases ("every other thursday", "every 3 months on the 10th", "every last friday", "daily",
 * "every year on june 12", "every!" for repeat-from-completion) and the series modifiers that go with them
 * ("for 5 days", "10 times", "until april 30", "starting monday").
 */
final class RecurrenceExpressions {

    record Hit(RecurrencePattern rule, boolean fromCompletion, int length) {
    }

    enum ModifierKind { FOR_SPAN, COUNT, UNTIL, START, COMPLETION }

    /** conditional modifiers only make sense with a repetition; without one their words go back to the title. */
    record Modifier(ModifierKind kind, LocalDate date, Quantity span, int count, boolean conditional, int length) {
    }

    private static final List<DayOfWeek> WORKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final List<DayOfWeek> WEEKEND = List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private RecurrenceExpressions() {
    }

    static Hit match(Scan s, int i) {
        String l = s.lw(i);
        if (l.equals("every") || l.equals("each") || l.equals("evry")) {
            int j = i + 1;
            boolean completion = false;
            Token bang = s.tok(j);
            if (bang != null && bang.text().startsWith("!") && bang.punct() && bang.start() == s.tok(i).end()) {
                completion = true;
                j++;
            }
            if (s.is(j, "single")) {
                j++;
            }
            Hit h = afterEvery(s, i, j);
            return h == null ? null : new Hit(h.rule(), completion, h.length());
        }
        Hit h = adjective(s, i);
        if (h != null) {
            return h;
        }
        return ordinalOfEveryMonth(s, i);
    }

    private static Hit afterEvery(Scan s, int i, int j) {
        String l = s.lw(j);
        if (PartOfDay.of(l) != null) {
            return new Hit(RecurrencePattern.of(Frequency.DAILY, 1), false, j - i);
        }
        List<DayOfWeek> days = new ArrayList<>();
        int k = weekdayList(s, j, days, false);
        if (k > j) {
            return new Hit(RecurrencePattern.weekly(1, days), false, k - i);
        }
        if (l.equals("other")) {
            k = weekdayList(s, j + 1, days, false);
            if (k > j + 1) {
                return new Hit(RecurrencePattern.weekly(2, days), false, k - i);
            }
            return unit(s, i, j + 1, 2);
        }
        int ord = ordinalWord(s, j);
        if (ord != 0) {
            Hit h = ordinalPhrase(s, i, j, ord);
            if (h != null) {
                return h;
            }
        }
        int n = Words.cardinal(l);
        if (n >= 1 && n <= 1000) {
            Hit h = unit(s, i, j + 1, n);
            if (h != null) {
                return h;
            }
            Month m = Words.month(s.lw(j + 1));
            if (m != null && n <= 31) {
                return yearlyOn(m, n, i, j + 2);
            }
        }
        Month m = Words.month(l);
        if (m != null) {
            int day = Words.dayNumber(s.lw(j + 1));
            if (day > 0) {
                return yearlyOn(m, day, i, j + 2);
            }
            return m == Month.MAY && !s.boundary(j + 1) ? null : yearlyOn(m, 1, i, j + 1);
        }
        return unit(s, i, j, 1);
    }

    private static Hit yearlyOn(Month m, int day, int i, int end) {
        if (day > m.maxLength()) {
            return null;
        }
        RecurrencePattern r = RecurrencePattern.of(Frequency.YEARLY, 1).withMonth(m.getValue()).withMonthDays(List.of(day));
        return new Hit(r, false, end - i);
    }

    /**
     * "every 2nd tuesday", "every 2nd and 4th tuesday", "every last friday of the month", "every third week",
     * "every 15th", "every 1st and 15th", "every last day of the month", "every 12th of june".
     */
    private static Hit ordinalPhrase(Scan s, int i, int j, int ord) {
        List<Integer> ords = new ArrayList<>();
        ords.add(ord);
        int k = j + 1;
        while (true) {
            int p = k;
            if (s.is(p, ",")) {
                p++;
            }
            if (s.isAny(p, "and", "&")) {
                p++;
            }
            if (p > k && s.is(p, "the")) {
                p++;
            }
            int next = p > k ? ordinalWord(s, p) : 0;
            if (next == 0 || Words.digits(s.lw(p)) >= 0) {
                break;
            }
            if (!ords.contains(next)) {
                ords.add(next);
            }
            k = p + 1;
        }
        boolean weekdayOrdinals = ords.stream().allMatch(o -> o >= -5 && o <= 5);
        DayOfWeek d = Words.weekday(s.lw(k));
        if (d != null && weekdayOrdinals) {
            List<ByDay> byDay = ords.stream().sorted().map(o -> new ByDay(o, d)).toList();
            RecurrencePattern r = RecurrencePattern.of(Frequency.MONTHLY, 1).withByDay(byDay);
            return new Hit(r, false, ofTheMonth(s, k + 1) - i);
        }
        if (ords.size() == 1) {
            if (ord == -1 && s.is(k, "day")) {
                return new Hit(RecurrencePattern.of(Frequency.MONTHLY, 1).withMonthDays(List.of(-1)), false,
                        ofTheMonth(s, k + 1) - i);
            }
            if (ord > 1) {
                Hit h = unit(s, i, k, ord);
                if (h != null) {
                    return h;
                }
            }
            if (ord > 0 && ord <= 31 && s.is(k, "of") && Words.month(s.lw(k + 1)) != null) {
                return yearlyOn(Words.month(s.lw(k + 1)), ord, i, k + 2);
            }
        }
        if (ords.stream().anyMatch(o -> o < 1 || o > 31)) {
            return null;
        }
        int end = ofTheMonth(s, k);
        boolean wordOrdinal = !s.tok(j).startsWithDigit();
        if (wordOrdinal && end == k && ords.size() == 1 && !s.boundary(k)) {
            return null;
        }
        List<Integer> monthDays = ords.stream().sorted().toList();
        return new Hit(RecurrencePattern.of(Frequency.MONTHLY, 1).withMonthDays(monthDays), false, end - i);
    }

    /** Skips "of the month" / "of every month" / "of each month" / "of the month"; returns the index after it. */
    private static int ofTheMonth(Scan s, int k) {
        if (s.is(k, "of") && s.isAny(k + 1, "the", "every", "each", "a") && s.is(k + 2, "month")) {
            return k + 3;
        }
        if (s.is(k, "of") && s.is(k + 1, "month")) {
            return k + 2;
        }
        return k;
    }

    /** "last" → -1, "second to last" → -2, "1st"/"first" → 1 ... ; 0 when not an ordinal. */
    private static int ordinalWord(Scan s, int j) {
        String l = s.lw(j);
        if (l.equals("last")) {
            return -1;
        }
        if (l.equals("penultimate") || l.equals("second-to-last") || l.equals("second-last")) {
            return -2;
        }
        if (l.equals("second") && s.is(j + 1, "to") && s.is(j + 2, "last")) {
            return 0;
        }
        int o = Words.ordinal(l);
        return Math.max(o, 0);
    }

    /** A repetition unit at j with the given interval ("day", "weeks", "weekday", "month on the 1st", ...). */
    private static Hit unit(Scan s, int i, int j, int n) {
        String l = s.lw(j);
        Frequency freq;
        int interval = n;
        switch (l) {
            case "day", "days" -> freq = Frequency.DAILY;
            case "week", "weeks" -> freq = Frequency.WEEKLY;
            case "month", "months" -> freq = Frequency.MONTHLY;
            case "year", "years" -> freq = Frequency.YEARLY;
            case "hour", "hours", "hr", "hrs" -> freq = Frequency.HOURLY;
            case "fortnight", "fortnights" -> {
                freq = Frequency.WEEKLY;
                interval = 2 * n;
            }
            case "quarter", "quarters" -> {
                freq = Frequency.MONTHLY;
                interval = 3 * n;
            }
            case "weekday", "weekdays", "workday", "workdays", "work-day", "weekday's" -> {
                return n == 1 ? new Hit(RecurrencePattern.weekly(1, WORKDAYS), false, j + 1 - i) : null;
            }
            case "business", "working", "work" -> {
                if (n == 1 && s.isAny(j + 1, "day", "days")) {
                    return new Hit(RecurrencePattern.weekly(1, WORKDAYS), false, j + 2 - i);
                }
                return null;
            }
            case "weekend", "weekends" -> {
                return new Hit(RecurrencePattern.weekly(n, WEEKEND), false, j + 1 - i);
            }
            default -> {
                return null;
            }
        }
        return tail(s, i, j + 1, RecurrencePattern.of(freq, interval));
    }

    /** Optional "on ..." clause that pins a weekly/monthly/yearly rule to specific days. */
    private static Hit tail(Scan s, int i, int k, RecurrencePattern rule) {
        int p = s.is(k, "on") ? k + 1 : k;
        switch (rule.frequency()) {
            case WEEKLY -> {
                List<DayOfWeek> days = new ArrayList<>();
                int q = weekdayList(s, s.is(p, "a") ? p + 1 : p, days, false);
                if (!days.isEmpty()) {
                    return new Hit(RecurrencePattern.weekly(rule.interval(), days), false, q - i);
                }
            }
            case MONTHLY -> {
                int q = s.is(p, "the") ? p + 1 : p;
                if (s.is(q, "day") && Words.cardinal(s.lw(q + 1)) > 0 && Words.cardinal(s.lw(q + 1)) <= 31) {
                    return new Hit(rule.withMonthDays(List.of(Words.cardinal(s.lw(q + 1)))), false, q + 2 - i);
                }
                if ((q > k) || s.is(k, "the")) {
                    int ord = ordinalWord(s, q);
                    if (ord != 0) {
                        Hit h = ordinalPhrase(s, i, q, ord);
                        if (h != null && h.rule().frequency() == Frequency.MONTHLY && h.rule().interval() == 1) {
                            RecurrencePattern r = h.rule();
                            return new Hit(new RecurrencePattern(Frequency.MONTHLY, rule.interval(), r.byDay(),
                                    r.byMonthDay(), 0), false, h.length());
                        }
                    }
                }
            }
            case YEARLY -> {
                Month month = s.is(k, "in") ? Words.month(s.lw(k + 1)) : null;
                if (month != null) {
                    return yearlyOn(month, 1, i, k + 2);
                }
                if (p > k || s.is(k, "the") || Words.month(s.lw(k)) != null || Words.dayNumber(s.lw(k)) > 0) {
                    DateExpressions.Hit d = DateExpressions.absolute(s, p);
                    if (d != null) {
                        LocalDate date = d.date();
                        RecurrencePattern r = rule.withMonth(date.getMonthValue())
                                .withMonthDays(List.of(date.getDayOfMonth()));
                        return new Hit(r, false, p + d.length() - i);
                    }
                }
            }
            default -> {
            }
        }
        return new Hit(rule, false, k - i);
    }

    /** Parses "monday, wednesday and friday" / "mon & thu" into days; returns the index after the list. */
    static int weekdayList(Scan s, int j, List<DayOfWeek> out, boolean pluralOnly) {
        int k = j;
        int end = j;
        while (true) {
            String w = s.lw(k);
            DayOfWeek d = pluralOnly ? plural(w) : Words.weekdayOrPlural(w);
            if (d == null) {
                break;
            }
            if (!out.contains(d)) {
                out.add(d);
            }
            end = k + 1;
            int p = end;
            if (s.is(p, ",")) {
                p++;
            }
            if (s.isAny(p, "and", "&", "or")) {
                p++;
            }
            if (p == end && Words.weekdayOrPlural(s.lw(p)) == null) {
                break;
            }
            k = p;
        }
        return end;
    }

    private static DayOfWeek plural(String w) {
        return w.length() > 4 && w.endsWith("s") && Words.weekday(w) == null
                ? Words.weekday(w.substring(0, w.length() - 1)) : null;
    }

    /** "daily", "weekly", "monthly on the 1st", "annually", "on weekdays", "on mondays and fridays". */
    private static Hit adjective(Scan s, int i) {
        String l = s.lw(i);
        if (l.equals("on")) {
            if (s.isAny(i + 1, "weekdays", "workdays")) {
                return new Hit(RecurrencePattern.weekly(1, WORKDAYS), false, 2);
            }
            if (s.is(i + 1, "weekends")) {
                return new Hit(RecurrencePattern.weekly(1, WEEKEND), false, 2);
            }
            List<DayOfWeek> days = new ArrayList<>();
            int k = weekdayList(s, i + 1, days, true);
            return k > i + 1 ? new Hit(RecurrencePattern.weekly(1, days), false, k - i) : null;
        }
        RecurrencePattern rule = switch (l) {
            case "daily", "everyday", "nightly" -> RecurrencePattern.of(Frequency.DAILY, 1);
            case "weekly" -> RecurrencePattern.of(Frequency.WEEKLY, 1);
            case "biweekly", "bi-weekly", "fortnightly" -> RecurrencePattern.of(Frequency.WEEKLY, 2);
            case "monthly" -> RecurrencePattern.of(Frequency.MONTHLY, 1);
            case "quarterly" -> RecurrencePattern.of(Frequency.MONTHLY, 3);
            case "yearly", "annually" -> RecurrencePattern.of(Frequency.YEARLY, 1);
            case "hourly" -> RecurrencePattern.of(Frequency.HOURLY, 1);
            case "weekdays", "workdays" -> RecurrencePattern.weekly(1, WORKDAYS);
            case "weekends" -> RecurrencePattern.weekly(1, WEEKEND);
            default -> null;
        };
        if (rule == null || !s.boundary(i + 1)) {
            return null;
        }
        if (l.equals("nightly") || rule.hasByParts()) {
            return new Hit(rule, false, 1);
        }
        return tail(s, i, i + 1, rule);
    }

    /** "on the 1st of every month", "the last friday of each month", "the last day of every month". */
    private static Hit ordinalOfEveryMonth(Scan s, int i) {
        int j = i;
        if (s.is(j, "on")) {
            j++;
        }
        if (s.is(j, "the")) {
            j++;
        }
        if (j == i) {
            return null;
        }
        int ord = ordinalWord(s, j);
        if (ord == 0) {
            return null;
        }
        int k = j + 1;
        RecurrencePattern r;
        DayOfWeek d = Words.weekday(s.lw(k));
        if (d != null) {
            r = RecurrencePattern.of(Frequency.MONTHLY, 1).withByDay(List.of(new ByDay(ord, d)));
            k++;
        } else if (s.is(k, "day") || ord > 0) {
            if (s.is(k, "day")) {
                k++;
            } else if (ord > 31) {
                return null;
            }
            r = RecurrencePattern.of(Frequency.MONTHLY, 1).withMonthDays(List.of(ord));
        } else {
            return null;
        }
        if (s.is(k, "of") && s.isAny(k + 1, "every", "each") && s.is(k + 2, "month")) {
            return new Hit(r, false, k + 3 - i);
        }
        return null;
    }

    static Modifier modifier(Scan s, int i) {
        String l = s.lw(i);
        switch (l) {
            case "for" -> {
                Quantities.Hit q = Quantities.match(s, i + 1);
                if (q != null && !q.quantity().clockBased()) {
                    return new Modifier(ModifierKind.FOR_SPAN, null, q.quantity(), 0, true, q.length() + 1);
                }
                int n = Words.cardinal(s.lw(i + 1));
                if (n > 0 && s.is(i + 2, "times")) {
                    return new Modifier(ModifierKind.COUNT, null, null, n, true, 3);
                }
                return null;
            }
            case "until", "till", "til", "through", "thru", "ending", "ends", "untill" -> {
                int j = s.is(i + 1, "on") ? i + 2 : i + 1;
                DateExpressions.Hit d = DateExpressions.core(s, j, true);
                return d == null ? null : new Modifier(ModifierKind.UNTIL, d.date(), null, 0, false, j - i + d.length());
            }
            case "starting", "starts", "beginning", "begins", "commencing", "effective", "from" -> {
                int j = i + 1;
                if (!l.equals("from") && s.isAny(j, "on", "from")) {
                    j++;
                }
                if ((l.equals("from") || l.equals("starting")) && s.isAny(j, "completion", "completing", "done")) {
                    return new Modifier(ModifierKind.COMPLETION, null, null, 0, true, j + 1 - i);
                }
                DateExpressions.Hit d = DateExpressions.core(s, j, true);
                if (d == null) {
                    return null;
                }
                return new Modifier(ModifierKind.START, d.date(), null, 0, l.equals("from"), j - i + d.length());
            }
            case "after" -> {
                if (s.isAny(i + 1, "completion", "completing")) {
                    return new Modifier(ModifierKind.COMPLETION, null, null, 0, true, 2);
                }
                return null;
            }
            default -> {
                int n = Words.cardinal(l);
                if (n > 0 && s.is(i + 1, "times") && !s.is(i + 2, "a")) {
                    return new Modifier(ModifierKind.COUNT, null, null, n, true, 2);
                }
                return null;
            }
        }
    }
}
