package io.taskstream.assistant.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rebuilds the title from the tokens no expression consumed, dropping connectors left dangling at either end. */
final class Titles {

    private static final Set<String> CONNECTORS = Set.of("on", "at", "by", "due", "and", "or", "with", "in", "for",
            "from", "starting", "until", "till", "the", "every", "each", "&", "to", "@", "before", "around");
    private static final Set<String> EDGE_PUNCT = Set.of(",", ";", ":", "-", "\u2013", "\u2014", "&", "|", "/", "+",
            "(", "[", "{", "--");
    private static final String NO_SPACE_BEFORE = ",;:.!?)]}";

    private Titles() {
    }

    static String build(Scan s) {
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < s.size(); k++) {
            if (!s.consumed[k]) {
                kept.add(k);
            }
        }
        dropEmptyBrackets(s, kept);
        boolean changed = true;
        while (changed && !kept.isEmpty()) {
            changed = false;
            int first = kept.get(0);
            String fl = s.lw(first);
            if (EDGE_PUNCT.contains(fl) || (CONNECTORS.contains(fl) && s.prevConsumed(first))) {
                kept.remove(0);
                changed = true;
                continue;
            }
            int last = kept.get(kept.size() - 1);
            String ll = s.lw(last);
            Token lt = s.tok(last);
            boolean attachedToRemoved = lt.punct() && s.prevConsumed(last) && s.tok(last - 1).end() == lt.start();
            if (EDGE_PUNCT.contains(ll) || attachedToRemoved
                    || (CONNECTORS.contains(ll) && last + 1 < s.size() && s.consumed[last + 1])) {
                kept.remove(kept.size() - 1);
                changed = true;
            }
        }
        StringBuilder b = new StringBuilder();
        int prev = -1;
        for (int k : kept) {
            Token t = s.tok(k);
            if (prev >= 0) {
                Token p = s.tok(prev);
                if (k == prev + 1) {
                    if (t.start() > p.end()) {
                        b.append(' ');
                    }
                } else if (!(t.text().length() == 1 && NO_SPACE_BEFORE.indexOf(t.text().charAt(0)) >= 0)) {
                    b.append(' ');
                }
            }
            b.append(t.text());
            prev = k;
        }
        return b.toString().strip();
    }

    private static void dropEmptyBrackets(Scan s, List<Integer> kept) {
        for (int k = 0; k + 1 < kept.size(); k++) {
            String a = s.lw(kept.get(k));
            String z = s.lw(kept.get(k + 1));
            if ((a.equals("(") && z.equals(")")) || (a.equals("[") && z.equals("]"))) {
                kept.remove(k + 1);
                kept.remove(k);
                k = Math.max(-1, k - 2);
            }
        }
    }
}
