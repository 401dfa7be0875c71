package io.taskstream.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A normalised rule in English words, the way the chat and the task dialog show it: "Daily", "Every 2 hours",
 * "Every weekday", "Weekly on Mon, Thu", "Monthly on the 3rd Sunday", "Monthly on the last day", "Yearly on June 12",
 * then how the series ends (", 5 times", ", until April 30, 2026"). A rule with parts the words do not cover is
 * shown as it is written ("Custom: FREQ=…").
 */
final class RecurrenceDescription {

    private static final Set<String> DESCRIBED = Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT",
            "UNTIL");

    private RecurrenceDescription() {
    }

    static String of(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        String pattern = parts.keySet().stream().allMatch(DESCRIBED::contains) ? pattern(parts) : null;
        if (pattern == null) {
            return "Custom: " + text;
        }
        return pattern + end(parts);
    }

    private static String pattern(Map<String, String> parts) {
        int interval = parts.containsKey("INTERVAL") ? Integer.parseInt(parts.get("INTERVAL")) : 1;
        String byDay = parts.get("BYDAY");
        String byMonthDay = parts.get("BYMONTHDAY");
        String byMonth = parts.get("BYMONTH");
        return switch (parts.get("FREQ")) {
            case "HOURLY" -> byDay == null && byMonthDay == null && byMonth == null ? every(interval, "hour", "Hourly")
                    : null;
            case "DAILY" -> byDay == null && byMonthDay == null && byMonth == null ? every(interval, "day", "Daily")
                    : null;
            case "WEEKLY" -> {
                if (byMonthDay != null || byMonth != null) {
                    yield null;
                }
                if (byDay == null) {
                    yield every(interval, "week", "Weekly");
                }
                List<DayOfWeek> days = new ArrayList<>();
                for (String d : byDay.split(",")) {
                    DayOfWeek day = d.length() == 2 ? weekday(d) : null;
                    if (day == null) {
                        yield null;
                    }
                    days.add(day);
                }
                days.sort(null);
                if (interval == 1 && days.equals(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))) {
                    yield "Every weekday";
                }
                if (interval == 1 && days.equals(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))) {
                    yield "Every weekend";
                }
                yield every(interval, "week", "Weekly") + " on "
                        + String.join(", ", days.stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .toList());
            }
            case "MONTHLY" -> byMonth != null ? null : every(interval, "month", "Monthly") + on(byDay, byMonthDay);
            case "YEARLY" -> {
                if (byMonth == null && byDay == null && byMonthDay == null) {
                    yield every(interval, "year", "Yearly");
                }
                if (byMonth == null || byMonth.contains(",") || byDay != null || byMonthDay == null
                        || byMonthDay.contains(",") || byMonthDay.startsWith("-")) {
                    yield null;
                }
                Month month = Month.of(Integer.parseInt(byMonth));
                yield every(interval, "year", "Yearly") + " on "
                        + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + Integer.parseInt(byMonthDay);
            }
            default -> null;
        };
    }

    /** " on the 3rd Sunday", " on the 1st and 15th", " on the last day", or null when the parts do not fit. */
    private static String on(String byDay, String byMonthDay) {
        if (byDay == null && byMonthDay == null) {
            return "";
        }
        if (byDay != null && byMonthDay != null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        if (byMonthDay != null) {
            for (String d : byMonthDay.split(",")) {
                int n = Integer.parseInt(d);
                words.add(n == -1 ? "last day" : n < 0 ? ordinal(-n) + " to last day" : ordinal(n));
            }
        } else {
            for (String d : byDay.split(",")) {
                DayOfWeek day = weekday(d);
                String pos = d.substring(0, d.length() - 2).replace("+", "");
                if (day == null || pos.isEmpty()) {
                    return null;
                }
                int n = Integer.parseInt(pos);
                words.add((n == -1 ? "last" : n < 0 ? ordinal(-n) + " to last" : ordinal(n)) + " "
                        + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            }
        }
        return " on the " + join(words);
    }

    private static String end(Map<String, String> parts) {
        if (parts.containsKey("COUNT")) {
            int count = Integer.parseInt(parts.get("COUNT"));
            return count == 1 ? ", once" : ", " + count + " times";
        }
        String until = parts.get("UNTIL");
        if (until != null && until.length() >= 8) {
            LocalDate day = LocalDate.of(Integer.parseInt(until.substring(0, 4)), Integer.parseInt(until.substring(4, 6)),
                    Integer.parseInt(until.substring(6, 8)));
            return ", until " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + day.getDayOfMonth() + ", " + day.getYear();
        }
        return "";
    }

    private static String every(int interval, String unit, String once) {
        return interval > 1 ? "Every " + interval + " " + unit + "s" : once;
    }

    private static String join(List<String> words) {
        if (words.size() == 1) {
            return words.getFirst();
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static DayOfWeek weekday(String code) {
        if (code.length() < 2) {
            return null;
        }
        return switch (code.substring(code.length() - 2)) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> null;
        };
    }
}
