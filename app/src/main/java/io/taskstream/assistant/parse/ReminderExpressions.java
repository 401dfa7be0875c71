package io.taskstream.assistant.parse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reminder phrases: "remind me to ..." (a reminder at the due time), "remind me 2 days before",
 * "with a reminder 1 hour and 10 minutes before", "remind me at 7pm", "remind me friday at 9", "remind me in 20 min".
 */
final class ReminderExpressions {

    /** An absolute reminder; exact is set for "in 20 minutes", otherwise date and/or time as written. */
    record Absolute(LocalDate date, LocalTime time, LocalDateTime exact) {
    }

    record Hit(boolean atDue, List<Duration> before, List<Absolute> at, int length) {
    }

    private ReminderExpressions() {
    }

    static Hit match(Scan s, int i) {
        int j = lead(s, i);
        if (j < 0) {
            return null;
        }
        boolean bareNoun = s.isAny(i, "reminder", "reminders");
        if (s.is(j, ":")) {
            j++;
        }
        if (!bareNoun && s.isAny(j, "to", "about", "of")) {
            return new Hit(true, List.of(), List.of(), j + 1 - i);
        }
        List<Duration> before = new ArrayList<>();
        List<Absolute> at = new ArrayList<>();
        int k = j;
        int end = j;
        while (true) {
            int c = clause(s, k, before, at);
            if (c < 0) {
                break;
            }
            end = c;
            k = c;
            if (s.is(k, ",")) {
                k++;
            }
            if (s.isAny(k, "and", "&")) {
                k++;
            }
            if (s.is(k, "also")) {
                k++;
            }
        }
        if (end == j) {
            return bareNoun ? null : new Hit(true, List.of(), List.of(), j - i);
        }
        if (s.is(end, "to")) {
            end++;
        }
        return new Hit(false, before, at, end - i);
    }

    /** Index just after the words that introduce a reminder, or -1. */
    private static int lead(Scan s, int i) {
        String l = s.lw(i);
        int j = i;
        if (l.equals("and")) {
            j++;
            l = s.lw(j);
        }
        if (isRemindVerb(l) && s.is(j + 1, "me")) {
            return j + 2;
        }
        if (j > i) {
            return -1;
        }
        if (l.equals("with") || l.equals("set") || l.equals("add")) {
            j++;
            if (s.isAny(j, "a", "an")) {
                j++;
            }
            return s.isAny(j, "reminder", "reminders", "alert", "alerts") ? j + 1 : -1;
        }
        if (l.equals("reminder") || l.equals("reminders")) {
            return i + 1;
        }
        return -1;
    }

    private static boolean isRemindVerb(String l) {
        return switch (l) {
            case "remind", "ping", "alert", "notify", "nudge" -> true;
            default -> false;
        };
    }

    private static int clause(Scan s, int k, List<Duration> before, List<Absolute> at) {
        if (s.is(k, "the") && s.isAny(k + 1, "day", "night", "week", "evening") ) {
            int w = beforeWord(s, k + 2);
            if (w > 0) {
                before.add(s.is(k + 1, "week") ? Duration.ofDays(7) : Duration.ofDays(1));
                return k + 2 + w;
            }
        }
        List<Duration> pending = new ArrayList<>();
        Quantity.Unit lastUnit = null;
        int p = k;
        while (true) {
            Quantities.Hit q = Quantities.match(s, p);
            Duration d = q == null ? null : q.quantity().toDuration();
            if (d == null) {
                break;
            }
            Quantity.Unit unit = q.quantity().unit();
            if (!pending.isEmpty() && s.isAny(p - 1, "and", "&") && unit.compareTo(lastUnit) < 0) {
                pending.set(pending.size() - 1, pending.get(pending.size() - 1).plus(d));
            } else {
                pending.add(d);
            }
            lastUnit = unit;
            p += q.length();
            int w = beforeWord(s, p);
            if (w > 0) {
                before.addAll(pending);
                return p + w;
            }
            int sep = p;
            if (s.is(sep, ",")) {
                sep++;
            }
            if (s.isAny(sep, "and", "&")) {
                sep++;
            }
            if (sep == p) {
                break;
            }
            p = sep;
        }
        if (s.isAny(k, "in", "within")) {
            Quantities.Hit q = Quantities.match(s, k + 1);
            if (q != null) {
                at.add(new Absolute(null, null, q.quantity().addTo(s.nowDateTime())));
                return k + 1 + q.length();
            }
            return -1;
        }
        TimeExpressions.Hit t = TimeExpressions.match(s, k);
        DateExpressions.Hit d = null;
        int e;
        if (t != null) {
            e = k + t.length();
            d = DateExpressions.match(s, e);
            if (d != null) {
                e += d.length();
            }
        } else {
            d = DateExpressions.match(s, k);
            if (d == null) {
                return -1;
            }
            e = k + d.length();
            t = TimeExpressions.match(s, e);
            if (t != null) {
                e += t.length();
            }
        }
        LocalTime time = null;
        if (t != null) {
            time = t.time() != null ? t.time() : t.partOfDay().time;
        } else if (d.time() != null) {
            time = d.time();
        } else if (d.partOfDay() != null) {
            time = d.partOfDay().time;
        }
        at.add(new Absolute(d == null ? null : d.date(), time, null));
        return e;
    }

    private static int beforeWord(Scan s, int p) {
        String l = s.lw(p);
        switch (l) {
            case "before", "beforehand", "earlier", "prior", "early", "ahead", "prior," -> {
                return s.isAny(p + 1, "it", "that") ? 2 : 1;
            }
            case "in" -> {
                return s.is(p + 1, "advance") ? 2 : 0;
            }
            default -> {
                return 0;
            }
        }
    }
}
