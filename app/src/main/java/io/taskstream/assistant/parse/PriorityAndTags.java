package io.taskstream.assistant.parse;

import io.taskstream.task.Priority;
import java.util.Locale;

/** Priority markers (p1..p4, !1..!4, !high/!medium/!low, "high priority", "urgent", "asap", "!!") and #tag / @tag labels. */
final class PriorityAndTags {

    record PriorityHit(Priority priority, int length) {
    }

    private PriorityAndTags() {
    }

    static PriorityHit priority(Scan s, int i) {
        Token t = s.tok(i);
        String l = t.lower();
        Priority code = code(l);
        if (code != null) {
            return new PriorityHit(code, 1);
        }
        if (t.punct() && l.length() >= 2 && l.chars().allMatch(c -> c == '!')) {
            return new PriorityHit(Priority.HIGH, 1);
        }
        int j = s.isAny(i, "with", "as", "at") ? i + 1 : i;
        String w = s.lw(j);
        int dash = w.indexOf('-');
        if (dash > 0 && isPriorityNoun(w.substring(dash + 1))) {
            Priority p = level(w.substring(0, dash));
            return p == null ? null : new PriorityHit(p, j + 1 - i);
        }
        Priority p = level(w);
        if (p != null && isPriorityNoun(s.lw(j + 1))) {
            return new PriorityHit(p, j + 2 - i);
        }
        if (j == i && isPriorityNoun(w)) {
            int k = i + 1;
            if (s.isAny(k, ":", "=", "is")) {
                k++;
            }
            Priority q = level(s.lw(k));
            if (q == null) {
                q = code(s.lw(k));
            }
            if (q == null) {
                int n = Words.digits(s.lw(k));
                q = n >= 1 && n <= 4 ? code("p" + n) : null;
            }
            return q == null ? null : new PriorityHit(q, k + 1 - i);
        }
        switch (l) {
            case "urgent", "urgently", "asap", "a.s.a.p" -> {
                return new PriorityHit(Priority.HIGH, 1);
            }
            case "important" -> {
                return s.boundary(i + 1) ? new PriorityHit(Priority.HIGH, 1) : null;
            }
            default -> {
            }
        }
        return null;
    }

    private static boolean isPriorityNoun(String l) {
        return l.equals("priority") || l.equals("prio") || l.equals("pri");
    }

    private static Priority code(String l) {
        return switch (l) {
            case "p1", "!!1", "!1" -> Priority.HIGH;
            case "p2", "!!2", "!2" -> Priority.MEDIUM;
            case "p3", "!!3", "!3" -> Priority.LOW;
            case "p4", "!!4", "!4" -> Priority.NONE;
            default -> bangLevel(l);
        };
    }

    /** "!high", "!medium", "!low" (also "!!high", "!med"...): the level word after one or two exclamation marks. */
    private static Priority bangLevel(String l) {
        int k = 0;
        while (k < l.length() && k < 2 && l.charAt(k) == '!') {
            k++;
        }
        return k == 0 || k == l.length() ? null : level(l.substring(k));
    }

    private static Priority level(String l) {
        return switch (l) {
            case "high", "highest", "top", "urgent", "critical" -> Priority.HIGH;
            case "medium", "med", "mid", "moderate" -> Priority.MEDIUM;
            case "low", "lowest" -> Priority.LOW;
            case "no", "none", "normal" -> Priority.NONE;
            default -> null;
        };
    }

    /** The lowercased label of a #tag or @tag token, or null if the token is not a tag. */
    static String tag(Token t) {
        if (!t.tagLike()) {
            return null;
        }
        String body = t.text().substring(1);
        boolean letter = false;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!Character.isDigit(c) && c != '-' && c != '_') {
                return null;
            }
        }
        String lower = body.toLowerCase(Locale.ROOT);
        return letter && !TimeExpressions.looksLikeClock(lower) ? lower : null;
    }
}
