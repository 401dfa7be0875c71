package io.taskstream.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements one release's code sent to PostgreSQL, as the driver parsed them ({@code $1} parameters and the type
 * ids the driver gave them), with the newest migration of that release: what the next release's migrations must
 * still accept, since the two releases run side by side during a rollout. Committed as
 * {@code app/src/test/resources/schema-compat/previous-release.sql}; written by {@link StatementCapture}.
 */
record StatementSnapshot(int lastMigration, List<Statement> statements) {

    static final Path FILE = Path.of("src/test/resources/schema-compat/previous-release.sql");
    static final String UPDATE_PROPERTY = "schema-compat.update";

    private static final String HEADER = "-- last migration: V";
    private static final String STATEMENT = "-- statement; parameter type ids:";
    private static final Pattern LAST_MIGRATION = Pattern.compile("^-- last migration: V(\\d+)$", Pattern.MULTILINE);

    /** One statement: its text as the driver sent it, and the type id of each parameter (0: left to the server). */
    record Statement(String sql, List<Integer> parameterTypes) implements Comparable<Statement> {

        @Override
        public int compareTo(Statement other) {
            int bySql = sql.compareTo(other.sql);
            return bySql != 0 ? bySql : parameterTypes.toString().compareTo(other.parameterTypes.toString());
        }
    }

    static StatementSnapshot read(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher last = LAST_MIGRATION.matcher(text);
        if (!last.find()) {
            throw new IllegalStateException(file + " names no last migration (" + HEADER + "N)");
        }
        List<Statement> statements = new ArrayList<>();
        String[] parts = text.split("(?m)^" + Pattern.quote(STATEMENT));
        for (int i = 1; i < parts.length; i++) {
            int endOfLine = parts[i].indexOf('\n');
            String types = parts[i].substring(0, endOfLine).strip();
            String sql = parts[i].substring(endOfLine + 1).strip();
            sql = sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
            List<Integer> ids = types.isEmpty() ? List.of()
                    : List.of(types.split(",")).stream().map(String::strip).map(Integer::valueOf).toList();
            statements.add(new Statement(sql, ids));
        }
        return new StatementSnapshot(Integer.parseInt(last.group(1)), statements);
    }

    static void write(Path file, int lastMigration, Collection<Statement> statements) throws IOException {
        StringBuilder out = new StringBuilder()
                .append("-- The statements the previous release's code ran, captured from its test suite by\n")
                .append("-- ./mvnw verify -D").append(UPDATE_PROPERTY).append("=true (see docs/adr/054-expand-contract-migrations.md).\n")
                .append("-- PreviousReleaseStatementsIT prepares each against the current migrations.\n")
                .append(HEADER).append(lastMigration).append('\n');
        for (Statement statement : statements.stream().sorted().toList()) {
            out.append('\n').append(STATEMENT);
            if (!statement.parameterTypes().isEmpty()) {
                out.append(' ').append(String.join(",", statement.parameterTypes().stream().map(String::valueOf).toList()));
            }
            out.append('\n').append(statement.sql().strip()).append(";\n");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }
}
