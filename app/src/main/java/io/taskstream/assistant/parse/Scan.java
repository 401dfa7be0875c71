package io.taskstream.assistant.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Token cursor shared by the expression matchers during one parse, with the reference clock. */
final class Scan {

    final List<Token> tokens;
    final boolean[] consumed;
    final ZonedDateTime reference;
    final LocalDate today;
    final LocalTime now;

    Scan(List<Token> tokens, ZonedDateTime reference) {
        this.tokens = tokens;
        this.consumed = new boolean[tokens.size()];
        this.reference = reference;
        this.today = reference.toLocalDate();
        this.now = reference.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    }

    LocalDateTime nowDateTime() {
        return LocalDateTime.of(today, now);
    }

    int size() {
        return tokens.size();
    }

    Token tok(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    String lw(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).lower() : "";
    }

    boolean is(int i, String word) {
        return lw(i).equals(word);
    }

    boolean isAny(int i, String... words) {
        String l = lw(i);
        for (String w : words) {
            if (l.equals(w)) {
                return true;
            }
        }
        return false;
    }

    /** End of input, punctuation, a tag, a number-like token or a grammar keyword: not a plain title word. */
    boolean boundary(int i) {
        Token t = tok(i);
        if (t == null || t.punct() || t.tagLike() || t.startsWithDigit()) {
            return true;
        }
        String l = t.lower();
        return Words.GRAMMAR.contains(l) || Words.weekday(l) != null || Words.month(l) != null;
    }

    boolean prevConsumed(int i) {
        return i > 0 && consumed[i - 1];
    }
}
