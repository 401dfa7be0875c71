package io.taskstream.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds an encoded query string; a parameter may repeat. Renders as {@code ?a=1&b=2}, or nothing when empty. */
public final class QueryString {

    private final List<String> pairs;

    private QueryString(List<String> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    public static QueryString query() {
        return new QueryString(List.of());
    }

    public static QueryString query(String name, Object value) {
        return query().and(name, value);
    }

    public QueryString and(String name, Object value) {
        List<String> more = new ArrayList<>(pairs);
        more.add(encode(name) + "=" + encode(String.valueOf(value)));
        return new QueryString(more);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }
}
