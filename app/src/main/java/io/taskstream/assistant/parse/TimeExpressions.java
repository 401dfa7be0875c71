package io.taskstream.assistant.parse;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times and parts of the day: "at 5pm", "5 pm", "5:30pm", "17:00", "at 10.30", "at 9", "noon", "midnight",
 * "in the morning", "at night", and a bare "evening" right after a date ("friday evening").
 */
final class TimeExpressions {

    /** time is null when only a part of the day was named. */
    record Hit(LocalTime time, boolean meridiem, PartOfDay partOfDay, int length) {
    }

    private static final String MERIDIEM = "(am|pm|a\\.m\\.?|p\\.m\\.?|a|p)";
    private static final Pattern COLON = Pattern.compile("(\\d{1,2}):(\\d{2})" + MERIDIEM + "?");
    private static final Pattern DOT = Pattern.compile("(\\d{1,2})\\.(\\d{2})" + MERIDIEM + "?");
    private static final Pattern HOUR_MERIDIEM = Pattern.compile("(\\d{1,2})" + MERIDIEM);
    private static final Pattern HOUR_H = Pattern.compile("(\\d{1,2})h(\\d{2})?");
    private static final Pattern MERIDIEM_WORD = Pattern.compile(MERIDIEM);

    private TimeExpressions() {
    }

    static Hit match(Scan s, int i) {
        String l = s.lw(i);
        boolean strongPrefix = l.equals("at") || l.equals("@") || l.equals("around");
        boolean weakPrefix = l.equals("by") || l.equals("before");
        int j = strongPrefix || weakPrefix ? i + 1 : i;
        if (strongPrefix && s.is(j, "the") && s.isAny(j + 1, "morning", "afternoon", "evening", "night")) {
            return new Hit(null, false, PartOfDay.of(s.lw(j + 1)), j + 2 - i);
        }
        if (l.equals("in") && s.is(i + 1, "the")) {
            PartOfDay p = PartOfDay.of(s.lw(i + 2));
            return p == null || p == PartOfDay.NIGHT ? null : new Hit(null, false, p, 3);
        }
        if (strongPrefix && s.is(j, "night")) {
            return new Hit(null, false, PartOfDay.NIGHT, 2);
        }
        Hit clock = clock(s, j, strongPrefix);
        if (clock != null) {
            return new Hit(clock.time(), clock.meridiem(), null, clock.length() + (j - i));
        }
        if (j == i) {
            PartOfDay p = PartOfDay.of(l);
            if (p != null && s.prevConsumed(i)) {
                return new Hit(null, false, p, 1);
            }
        }
        return null;
    }

    private static Hit clock(Scan s, int j, boolean strongPrefix) {
        String l = s.lw(j);
        if (l.isEmpty()) {
            return null;
        }
        switch (l) {
            case "noon", "midday" -> {
                return new Hit(LocalTime.NOON, true, null, 1);
            }
            case "midnight" -> {
                return new Hit(LocalTime.MIDNIGHT, true, null, 1);
            }
            default -> {
            }
        }
        if (!s.tok(j).startsWithDigit()) {
            return null;
        }
        Matcher m = COLON.matcher(l);
        if (m.matches()) {
            return build(s, j, m.group(1), m.group(2), m.group(3));
        }
        m = DOT.matcher(l);
        if (m.matches() && (strongPrefix || m.group(3) != null || isMeridiem(s.lw(j + 1)))) {
            return build(s, j, m.group(1), m.group(2), m.group(3));
        }
        m = HOUR_MERIDIEM.matcher(l);
        if (m.matches()) {
            return build(s, j, m.group(1), "0", m.group(2));
        }
        m = HOUR_H.matcher(l);
        if (m.matches() && strongPrefix) {
            return build(s, j, m.group(1), m.group(2) == null ? "0" : m.group(2), null);
        }
        int h = Words.digits(l);
        if (h < 0 || l.length() > 2) {
            return null;
        }
        if (isMeridiem(s.lw(j + 1))) {
            Hit hit = withMeridiem(h, 0, s.lw(j + 1));
            return hit == null ? null : new Hit(hit.time(), true, null, 2);
        }
        if (h == 12 && s.is(j + 1, "noon")) {
            return new Hit(LocalTime.NOON, true, null, 2);
        }
        if (s.is(j + 1, "o'clock") && h <= 23) {
            return new Hit(LocalTime.of(h, 0), false, null, 2);
        }
        if (strongPrefix && h <= 23 && Quantities.unit(s.lw(j + 1)) == null && !s.is(j + 1, "times")) {
            return new Hit(LocalTime.of(h, 0), false, null, 1);
        }
        return null;
    }

    private static Hit build(Scan s, int j, String hours, String minutes, String meridiem) {
        int h = Integer.parseInt(hours);
        int min = Integer.parseInt(minutes);
        if (min > 59) {
            return null;
        }
        if (meridiem == null && isMeridiem(s.lw(j + 1))) {
            Hit hit = withMeridiem(h, min, s.lw(j + 1));
            return hit == null ? null : new Hit(hit.time(), true, null, 2);
        }
        if (meridiem != null) {
            return withMeridiem(h, min, meridiem);
        }
        return h <= 23 ? new Hit(LocalTime.of(h, min), false, null, 1) : null;
    }

    private static Hit withMeridiem(int h, int min, String meridiem) {
        if (h < 1 || h > 12) {
            return null;
        }
        boolean pm = meridiem.charAt(0) == 'p';
        int hour = h % 12 + (pm ? 12 : 0);
        return new Hit(LocalTime.of(hour, min), true, null, 1);
    }

    static boolean isMeridiem(String lower) {
        return !lower.isEmpty() && MERIDIEM_WORD.matcher(lower).matches() && !lower.equals("a");
    }

    /** True when the token alone reads as a clock time ("5pm", "10:30"), used to keep such tokens out of tags. */
    static boolean looksLikeClock(String lower) {
        return COLON.matcher(lower).matches() || HOUR_MERIDIEM.matcher(lower).matches();
    }
}
