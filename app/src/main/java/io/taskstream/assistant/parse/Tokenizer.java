package io.taskstream.assistant.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text on whitespace, then peels leading/trailing punctuation and inner commas into their own tokens. */
final class Tokenizer {

    private static final String LEADING = "([{\"'\u201C\u2018\u00AB";
    private static final String TRAILING = ",;:!?)]}\"'\u201D\u2019\u00BB.";

    private Tokenizer() {
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            chunk(s, start, i, out);
        }
        return out;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static void chunk(String s, int start, int end, List<Token> out) {
        int a = start;
        while (a < end && LEADING.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        if (a == end) {
            add(s, start, end, out);
            return;
        }
        if (a > start) {
            add(s, start, a, out);
        }
        int b = end;
        while (b > a && TRAILING.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        int p = a;
        for (int k = a; k < b; k++) {
            char c = s.charAt(k);
            if (c == ',' || c == ';') {
                if (k > p) {
                    add(s, p, k, out);
                }
                add(s, k, k + 1, out);
                p = k + 1;
            }
        }
        if (b > p) {
            add(s, p, b, out);
        }
        if (end > b) {
            add(s, b, end, out);
        }
    }

    private static void add(String s, int start, int end, List<Token> out) {
        String text = s.substring(start, end);
        boolean punct = true;
        for (int k = 0; k < text.length() && punct; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                punct = false;
            }
        }
        out.add(new Token(text, text.toLowerCase(Locale.ROOT), start, end, punct));
    }
}
