package io.taskstream.monitoring;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: every selector's name (or its {@code __name__="..."} matcher), and
 * none of the functions, aggregation operators, keywords, label names (in matchers and in {@code by}, {@code without},
 * {@code on}, {@code ignoring}, {@code group_left}, {@code group_right} lists), strings, numbers or durations.
 * The deploy module's PromQlSelectors is its counterpart there (the modules share no test code); Prometheus 2.42, the
 * server these tests run, has no API that lists the metrics a query reads.
 */
final class PromqlMetricNames {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "and", "or", "unless", "atan2", "inf", "nan", "start", "end",
            // aggregation operators, which may stand before their by/without clause instead of their parenthesis
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"");
    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*|[0-9.][0-9a-zA-Z_.]*|\\S");

    private PromqlMetricNames() {
    }

    static Set<String> of(String promql) {
        Set<String> names = new LinkedHashSet<>();
        // Label matchers and ranges say nothing of metric names, but for a name given as __name__="...".
        String expr = replaceAll(Pattern.compile("\\{[^}]*}"), promql, matchers -> {
            Matcher name = NAME_MATCHER.matcher(matchers);
            while (name.find()) {
                names.add(name.group(1));
            }
            return " ";
        });
        expr = STRING.matcher(expr).replaceAll(" \"\" ");
        expr = expr.replaceAll("\\[[^]]*]", " ");
        expr = expr.replaceAll("#[^\\n]*", " ");
        Matcher token = TOKEN.matcher(expr);
        boolean skipLabelList = false;
        while (token.find()) {
            String word = token.group();
            if (skipLabelList && word.equals("(")) {
                skipTo(token, ")");
                skipLabelList = false;
                continue;
            }
            skipLabelList = false;
            if (!Character.isLetter(word.charAt(0)) && word.charAt(0) != '_' && word.charAt(0) != ':') {
                continue;
            }
            String lower = word.toLowerCase();
            if (LABEL_LISTS.contains(lower)) {
                skipLabelList = true;
                continue;
            }
            if (KEYWORDS.contains(lower) || followedByParenthesis(expr, token.end())) {
                continue;
            }
            names.add(word);
        }
        return names;
    }

    private static void skipTo(Matcher token, String end) {
        while (token.find() && !token.group().equals(end)) {
            // label names
        }
    }

    private static boolean followedByParenthesis(String expr, int from) {
        int i = from;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i < expr.length() && expr.charAt(i) == '(';
    }

    private static String replaceAll(Pattern pattern, String text, java.util.function.Function<String, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
