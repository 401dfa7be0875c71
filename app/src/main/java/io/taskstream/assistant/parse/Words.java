package io.taskstream.assistant.parse;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Shared vocabulary: weekday, month, number and ordinal words, and the grammar's keywords. */
final class Words {

    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final Map<String, Month> MONTHS = new HashMap<>();
    private static final Map<String, Integer> CARDINALS = new HashMap<>();
    private static final Map<String, Integer> ORDINALS = new HashMap<>();

    /** Weekday abbreviations that are also common English words; they need context to count as dates. */
    static final Set<String> AMBIGUOUS_WEEKDAYS = Set.of("sun", "sat", "wed");

    static final Set<String> GRAMMAR = Set.of(
            "at", "on", "by", "in", "due", "every", "each", "for", "until", "till", "til", "starting", "from",
            "with", "and", "or", "remind", "reminder", "today", "tomorrow", "tonight", "this", "next",
            "morning", "afternoon", "evening", "night", "noon", "midnight", "midday", "p1", "p2", "p3", "p4",
            "high", "low", "medium", "urgent", "asap", "before", "after", "around", "weekly", "daily", "monthly",
            "yearly", "annually", "priority", "tmrw", "tmr", "weekend", "weekends", "weekdays");

    static {
        put(WEEKDAYS, DayOfWeek.MONDAY, "monday", "mon");
        put(WEEKDAYS, DayOfWeek.TUESDAY, "tuesday", "tue", "tues");
        put(WEEKDAYS, DayOfWeek.WEDNESDAY, "wednesday", "wed", "weds");
        put(WEEKDAYS, DayOfWeek.THURSDAY, "thursday", "thu", "thur", "thurs");
        put(WEEKDAYS, DayOfWeek.FRIDAY, "friday", "fri");
        put(WEEKDAYS, DayOfWeek.SATURDAY, "saturday", "sat");
        put(WEEKDAYS, DayOfWeek.SUNDAY, "sunday", "sun");

        put(MONTHS, Month.JANUARY, "january", "jan");
        put(MONTHS, Month.FEBRUARY, "february", "feb");
        put(MONTHS, Month.MARCH, "march", "mar");
        put(MONTHS, Month.APRIL, "april", "apr");
        put(MONTHS, Month.MAY, "may");
        put(MONTHS, Month.JUNE, "june", "jun");
        put(MONTHS, Month.JULY, "july", "jul");
        put(MONTHS, Month.AUGUST, "august", "aug");
        put(MONTHS, Month.SEPTEMBER, "september", "sep", "sept");
        put(MONTHS, Month.OCTOBER, "october", "oct");
        put(MONTHS, Month.NOVEMBER, "november", "nov");
        put(MONTHS, Month.DECEMBER, "december", "dec");

        String[] units = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty"};
        for (int k = 0; k < units.length; k++) {
            CARDINALS.put(units[k], k);
        }
        CARDINALS.put("thirty", 30);
        CARDINALS.put("forty", 40);
        CARDINALS.put("fifty", 50);
        CARDINALS.put("sixty", 60);
        CARDINALS.put("ninety", 90);
        for (int k = 1; k <= 9; k++) {
            CARDINALS.put("twenty-" + units[k], 20 + k);
            CARDINALS.put("thirty-" + units[k], 30 + k);
            CARDINALS.put("forty-" + units[k], 40 + k);
        }

        String[] ords = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                "eighteenth", "nineteenth", "twentieth"};
        for (int k = 1; k < ords.length; k++) {
            ORDINALS.put(ords[k], k);
        }
        for (int k = 1; k <= 9; k++) {
            ORDINALS.put("twenty-" + ords[k], 20 + k);
        }
        ORDINALS.put("thirtieth", 30);
        ORDINALS.put("thirty-first", 31);
    }

    private Words() {
    }

    @SafeVarargs
    private static <T> void put(Map<String, T> map, T value, String... keys) {
        for (String k : keys) {
            map.put(k, value);
        }
    }

    static DayOfWeek weekday(String lower) {
        return WEEKDAYS.get(lower);
    }

    /** "mondays" as used in "every mondays and fridays"; also accepts the singular. */
    static DayOfWeek weekdayOrPlural(String lower) {
        DayOfWeek d = WEEKDAYS.get(lower);
        if (d == null && lower.length() > 3 && lower.endsWith("s")) {
            d = WEEKDAYS.get(lower.substring(0, lower.length() - 1));
        }
        return d;
    }

    static Month month(String lower) {
        return MONTHS.get(lower);
    }

    /** Small non-negative integer written in digits (at most 6) or as an English word; -1 otherwise. */
    static int cardinal(String lower) {
        int d = digits(lower);
        if (d >= 0) {
            return d;
        }
        Integer w = CARDINALS.get(lower);
        return w == null ? -1 : w;
    }

    /** Parses a run of 1 to 6 ASCII digits; -1 otherwise. */
    static int digits(String s) {
        int n = s.length();
        if (n == 0 || n > 6) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** "3rd", "21st", "third", "twenty-first"; -1 otherwise. */
    static int ordinal(String lower) {
        Integer w = ORDINALS.get(lower);
        if (w != null) {
            return w;
        }
        int n = lower.length();
        if (n < 3 || n > 4) {
            return -1;
        }
        String suffix = lower.substring(n - 2);
        int v = digits(lower.substring(0, n - 2));
        if (v < 0) {
            return -1;
        }
        String expected = (v % 100 >= 11 && v % 100 <= 13) ? "th" : switch (v % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return suffix.equals(expected) ? v : -1;
    }

    /** Day of month written as "15", "15th" or "fifteenth"; -1 when not in 1..31. */
    static int dayNumber(String lower) {
        int v = digits(lower);
        if (v < 0 || lower.length() > 2) {
            v = ordinal(lower);
        }
        return v >= 1 && v <= 31 ? v : -1;
    }
}
