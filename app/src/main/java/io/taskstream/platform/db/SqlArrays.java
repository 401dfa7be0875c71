package io.taskstream.platform.db;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for binding a collection as one parameter ({@code :p::text[]},
 * {@code ::bigint[]}, {@code ::uuid[]}): named-parameter binding would otherwise expand a collection into
 * a list of placeholders. Every element is quoted, with quotes and backslashes escaped.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String literal(Collection<?> values) {
        return values.stream()
                .map(v -> '"' + String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
