package io.taskstream.assistant.parse;

import io.taskstream.assistant.parse.Quantity.Unit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches amounts of time: "3 days", "an hour", "half an hour", "a couple of weeks", "90 min", "2h", "1.5 hours". */
final class Quantities {

    record Hit(Quantity quantity, int length) {
    }

    private static final long MAX_AMOUNT = 100_000;
    private static final Pattern COMPACT = Pattern.compile("(\\d{1,5})(m|min|mins|h|hr|hrs|d|w|wk|wks|y)");
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,4})[.,](\\d{1,2})");

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("minute", Unit.MINUTE), Map.entry("minutes", Unit.MINUTE), Map.entry("min", Unit.MINUTE),
            Map.entry("mins", Unit.MINUTE), Map.entry("hour", Unit.HOUR), Map.entry("hours", Unit.HOUR),
            Map.entry("hr", Unit.HOUR), Map.entry("hrs", Unit.HOUR), Map.entry("day", Unit.DAY),
            Map.entry("days", Unit.DAY), Map.entry("week", Unit.WEEK), Map.entry("weeks", Unit.WEEK),
            Map.entry("wk", Unit.WEEK), Map.entry("wks", Unit.WEEK), Map.entry("month", Unit.MONTH),
            Map.entry("months", Unit.MONTH), Map.entry("year", Unit.YEAR), Map.entry("years", Unit.YEAR),
            Map.entry("yr", Unit.YEAR), Map.entry("yrs", Unit.YEAR));

    private Quantities() {
    }

    static Unit unit(String lower) {
        return UNITS.get(lower);
    }

    static Hit match(Scan s, int i) {
        String l = s.lw(i);
        if (l.isEmpty()) {
            return null;
        }
        if (l.equals("half")) {
            int j = i + 1;
            if (s.isAny(j, "a", "an")) {
                j++;
            }
            Unit u = unit(s.lw(j));
            Quantity q = u == null ? null : half(u);
            return q == null ? null : new Hit(q, j + 1 - i);
        }
        Matcher m = COMPACT.matcher(l);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Unit u = switch (m.group(2)) {
                case "m", "min", "mins" -> Unit.MINUTE;
                case "h", "hr", "hrs" -> Unit.HOUR;
                case "d" -> Unit.DAY;
                case "w", "wk", "wks" -> Unit.WEEK;
                default -> Unit.YEAR;
            };
            return n > MAX_AMOUNT ? null : new Hit(new Quantity(n, u), 1);
        }
        m = DECIMAL.matcher(l);
        if (m.matches()) {
            Unit u = unit(s.lw(i + 1));
            if (u == null) {
                return null;
            }
            double value = Double.parseDouble(m.group(1) + "." + m.group(2));
            Quantity q = fractional(value, u);
            return q == null ? null : new Hit(q, 2);
        }
        int j = i;
        long amount;
        if (l.equals("a") || l.equals("an")) {
            j++;
            if (s.is(j, "couple")) {
                j++;
                if (s.is(j, "of")) {
                    j++;
                }
                amount = 2;
            } else if (s.is(j, "few")) {
                j++;
                amount = 3;
            } else {
                amount = 1;
            }
        } else if (l.equals("couple")) {
            j++;
            if (s.is(j, "of")) {
                j++;
            }
            amount = 2;
        } else if (l.equals("few")) {
            j++;
            amount = 3;
        } else {
            int n = Words.cardinal(l);
            if (n < 0 || n > MAX_AMOUNT) {
                return null;
            }
            amount = n;
            j++;
        }
        String unitWord = s.lw(j);
        Unit u = unit(unitWord);
        if (u == null) {
            if (unitWord.equals("fortnight") || unitWord.equals("fortnights")) {
                return new Hit(new Quantity(amount * 2, Unit.WEEK), j + 1 - i);
            }
            return null;
        }
        j++;
        Quantity q = new Quantity(amount, u);
        if (s.is(j, "and") && s.is(j + 1, "a") && s.is(j + 2, "half")) {
            Quantity h = half(u);
            if (h != null) {
                Quantity whole = fractional(amount + 0.5, u);
                if (whole != null) {
                    q = whole;
                    j += 3;
                }
            }
        }
        return new Hit(q, j - i);
    }

    private static Quantity half(Unit u) {
        return fractional(0.5, u);
    }

    private static Quantity fractional(double value, Unit u) {
        if (value == Math.rint(value)) {
            return new Quantity((long) value, u);
        }
        return switch (u) {
            case MINUTE -> null;
            case HOUR -> new Quantity(Math.round(value * 60), Unit.MINUTE);
            case DAY -> new Quantity(Math.round(value * 24 * 60), Unit.MINUTE);
            case WEEK -> new Quantity(Math.round(value * 7 * 24 * 60), Unit.MINUTE);
            case MONTH, YEAR -> null;
        };
    }
}
