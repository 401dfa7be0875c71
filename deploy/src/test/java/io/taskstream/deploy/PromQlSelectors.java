package io.taskstream.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric selectors and range windows of a PromQL expression, read by a small lexer: enough to check which
 * metrics a dashboard, a rule or a rollout analysis queries and how it filters them, without a PromQL parser on the
 * test classpath. The app module's PromqlMetricNames is its counterpart there (the modules share no test code).
 */
final class PromQlSelectors {

    /** A label matcher, e.g. {@code namespace="$namespace"} is ("=", "$namespace"). */
    record Matcher(String op, String value) {
    }

    /** A metric selector: its name and label matchers. */
    record Selector(String metric, Map<String, Matcher> matchers) {
    }

    /** A range window, e.g. {@code [$__rate_interval]}, and the function it is passed to ("" when none). */
    record Range(String window, String function) {
    }

    record Parsed(List<Selector> selectors, List<Range> ranges) {
    }

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf",
            "nan");

    private PromQlSelectors() {
    }

    /** The names of the metrics an expression reads, recording rules (with colons) included. */
    static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        for (Selector selector : parse(expr).selectors()) {
            if (!selector.metric().isEmpty()) {
                names.add(selector.metric());
            }
        }
        return names;
    }

    static Parsed parse(String expr) {
        List<Selector> selectors = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        Deque<String> calls = new ArrayDeque<>();
        String nextCall = null;
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(expr, i);
            } else if (c == '#') {
                while (i < n && expr.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_'
                        || expr.charAt(i) == ':')) {
                    i++;
                }
                String ident = expr.substring(start, i);
                int next = skipSpace(expr, i);
                char peek = next < n ? expr.charAt(next) : 0;
                if (LABEL_LISTS.contains(ident)) {
                    i = peek == '(' ? closing(expr, next, '(', ')') + 1 : i;
                } else if (KEYWORDS.contains(ident)) {
                    // an operator or modifier, not a metric
                } else if (AGGREGATIONS.contains(ident) || peek == '(') {
                    nextCall = ident;
                } else if (peek == '{') {
                    int end = closing(expr, next, '{', '}');
                    selectors.add(new Selector(ident, matchers(expr.substring(next + 1, end))));
                    i = end + 1;
                } else {
                    selectors.add(new Selector(ident, Map.of()));
                }
            } else if (c == '{') {
                int end = closing(expr, i, '{', '}');
                Map<String, Matcher> matchers = matchers(expr.substring(i + 1, end));
                Matcher name = matchers.get("__name__");
                selectors.add(new Selector(name == null ? "" : name.value(), matchers));
                i = end + 1;
            } else if (c == '(') {
                calls.push(nextCall == null ? "" : nextCall);
                nextCall = null;
                i++;
            } else if (c == ')') {
                if (!calls.isEmpty()) {
                    calls.pop();
                }
                i++;
            } else if (c == '[') {
                int end = closing(expr, i, '[', ']');
                ranges.add(new Range(expr.substring(i + 1, end).trim(), calls.isEmpty() ? "" : calls.peek()));
                i = end + 1;
            } else {
                i++;
            }
        }
        return new Parsed(selectors, ranges);
    }

    private static Map<String, Matcher> matchers(String body) {
        Map<String, Matcher> matchers = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?")
                .matcher(body);
        int at = 0;
        while (at < body.length() && m.find(at) && m.start() == at) {
            matchers.put(m.group(1), new Matcher(m.group(2), m.group(3)));
            at = m.end();
        }
        if (!body.substring(at).isBlank()) {
            throw new IllegalArgumentException("unreadable label matchers: {" + body + "}");
        }
        return matchers;
    }

    private static int skipSpace(String expr, int i) {
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int endOfString(String expr, int i) {
        char quote = expr.charAt(i);
        int j = i + 1;
        while (j < expr.length() && expr.charAt(j) != quote) {
            j += expr.charAt(j) == '\\' && quote != '`' ? 2 : 1;
        }
        if (j >= expr.length()) {
            throw new IllegalArgumentException("unterminated string in " + expr);
        }
        return j + 1;
    }

    /** The index of the bracket closing the one at {@code open}, strings skipped. */
    private static int closing(String expr, int open, char opening, char close) {
        int depth = 0;
        int i = open;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(expr, i);
                continue;
            }
            if (c == opening) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced " + opening + " in " + expr);
    }
}
