package io.taskstream.platform.db;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration may do while the previous release still runs against the same schema (expand/contract, ADR 054):
 * add, never take away or change. A migration that drops, renames or retypes a table, column, view, function or type,
 * or makes the previous release's inserts fail (a new NOT NULL column without a default, SET NOT NULL), is a
 * contract migration: allowed only for what the previous release no longer uses, and it says so on a line
 * {@code -- contract: <what, and since which release it is unused>}.
 */
final class MigrationRules {

    static final Pattern CONTRACT_MARKER = Pattern.compile("^[ \\t]*--[ \\t]*contract:[ \\t]*\\S.*$", Pattern.MULTILINE);

    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.*\\.sql$");
    private static final List<Rule> RULES = List.of(
            new Rule("drops a table, view, function or type the previous release may use",
                    "\\bdrop\\s+(table|view|materialized\\s+view|function|type)\\b"),
            new Rule("drops a column the previous release may read or write", "\\bdrop\\s+column\\b"),
            new Rule("renames what the previous release names", "\\brename\\s+to\\b|\\brename\\s+(?!constraint\\b)(column\\s+)?\\w+\\s+to\\b"),
            new Rule("changes a column's type under the previous release", "\\balter\\s+column\\s+\\w+\\s+(set\\s+data\\s+)?type\\b"),
            new Rule("makes a column NOT NULL that the previous release may leave empty",
                    "\\balter\\s+column\\s+\\w+\\s+set\\s+not\\s+null\\b"),
            new Rule("adds a NOT NULL column without a default: the previous release's inserts would fail",
                    "\\badd\\s+column\\s+(if\\s+not\\s+exists\\s+)?\\w+(?:(?!\\bdefault\\b)[^,;])*\\bnot\\s+null\\b(?:(?!\\bdefault\\b)[^,;])*(?=[,;]|$)"));

    private MigrationRules() {
    }

    record Rule(String why, Pattern pattern) {
        Rule(String why, String regex) {
            this(why, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }

    /** The version of a migration file ({@code V38__x.sql} → 38). */
    static int version(Path file) {
        Matcher m = VERSION.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a versioned migration: " + file.getFileName());
        }
        return Integer.parseInt(m.group(1));
    }

    /** Whether the migration declares itself a contract migration. */
    static boolean isContract(String sql) {
        return CONTRACT_MARKER.matcher(sql).find();
    }

    /** What in this migration would break the previous release, one line per finding; empty if it only expands. */
    static List<String> breakingChanges(String sql) {
        String code = withoutComments(sql).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<String> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(code);
            while (m.find()) {
                String finding = rule.why() + ": " + m.group().strip();
                if (!found.contains(finding)) {
                    found.add(finding);
                }
            }
        }
        return found;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
