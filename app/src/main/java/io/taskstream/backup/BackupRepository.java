package io.taskstream.backup;

import io.taskstream.backup.BackupFile.SequenceValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The SQL of backup and restore, on one connection of its own: reading every table of the schema in one
 * repeatable-read snapshot with {@code COPY ... TO STDOUT}, and loading them in one transaction with
 * {@code COPY ... FROM STDIN}. Table and column names come from the catalog, never from input, and are quoted.
 * Flyway's own history table is not data: a restore rebuilds it by migrating.
 */
final class BackupRepository implements AutoCloseable {

    static final String SCHEMA_HISTORY = "flyway_schema_history";
    /** db-scheduler's executions (ADR 038): those running when the snapshot was taken run again after a restore. */
    private static final String SCHEDULED_EXECUTIONS = "scheduled_tasks";

    private final Connection connection;

    private BackupRepository(Connection connection) {
        this.connection = connection;
    }

    static BackupRepository connect(DatabaseLocation.Settings settings) throws SQLException {
        Properties properties = new Properties();
        if (settings.username() != null) {
            properties.setProperty("user", settings.username());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "taskstream-backup");
        return new BackupRepository(DriverManager.getConnection(settings.url(), properties));
    }

    /** A table as it is copied: its name and the columns that hold data (generated columns are computed again). */
    record Table(String name, List<String> columns) {
    }

    // --- backup ---------------------------------------------------------------------------------------------------

    /** Starts the read-only transaction whose snapshot every later read of this backup sees. */
    void beginSnapshot() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
            // Takes the snapshot now: every COPY below sees the database as of this statement.
            statement.execute("select 1");
        }
    }

    /** The highest schema version Flyway applied successfully, or null when the schema has no Flyway history. */
    String schemaVersion() throws SQLException {
        if (!tableExists(SCHEMA_HISTORY)) {
            return null;
        }
        List<String> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select version from " + quote(SCHEMA_HISTORY) + " where success and version is not null")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return SchemaVersions.highest(versions);
    }

    /** Every table of the schema but Flyway's, each after the tables its foreign keys point at. */
    List<Table> tablesInLoadOrder() throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                        order by c.relname""")) {
            while (rows.next()) {
                if (!rows.getString(1).equals(SCHEMA_HISTORY)) {
                    parents.put(rows.getString(1), new LinkedHashSet<>());
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select child.relname, parent.relname from pg_constraint k
                        join pg_class child on child.oid = k.conrelid
                        join pg_class parent on parent.oid = k.confrelid
                        join pg_namespace n on n.oid = child.relnamespace
                        where k.contype = 'f' and n.nspname = current_schema()""")) {
            while (rows.next()) {
                Set<String> of = parents.get(rows.getString(1));
                if (of != null && !rows.getString(1).equals(rows.getString(2))) {
                    of.add(rows.getString(2));
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < parents.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
                    placed.add(table.getKey());
                    ordered.add(new Table(table.getKey(), columns(table.getKey())));
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Foreign keys form a cycle among " + parents.keySet().stream()
                        .filter(t -> !placed.contains(t)).toList() + ": no order loads them");
            }
        }
        return ordered;
    }

    long copyOut(Table table, OutputStream out) throws SQLException, IOException {
        return copy().copyOut("copy " + quote(table.name()) + " (" + columnList(table) + ") to stdout", out);
    }

    /**
     * Every sequence's value. Sequences are not transactional: read after the tables, a value is at least the one
     * every row of the snapshot was numbered from, so no restored id is handed out again.
     */
    List<SequenceValue> sequences() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind = 'S' order by c.relname""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        List<SequenceValue> values = new ArrayList<>();
        for (String name : names) {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select last_value, is_called from " + quote(name))) {
                row.next();
                values.add(new SequenceValue(name, row.getLong(1), row.getBoolean(2)));
            }
        }
        return values;
    }

    void endSnapshot() throws SQLException {
        connection.commit();
    }

    // --- restore --------------------------------------------------------------------------------------------------

    /** The schema's tables, views and sequences: a database that is to receive a backup has none. */
    int relationCount() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')""")) {
            row.next();
            return row.getInt(1);
        }
    }

    String currentSchema() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_schema()")) {
            row.next();
            return row.getString(1);
        }
    }

    void beginLoad() throws SQLException {
        connection.setAutoCommit(false);
    }

    /**
     * Loads one table's rows as they were. Its own triggers are off meanwhile: they derive rows (search terms, open
     * counts) that the backup holds already; the foreign keys stay checked.
     */
    long copyIn(Table table, InputStream in) throws SQLException, IOException {
        if (!columns(table.name()).equals(table.columns())) {
            throw BackupException.refused("Table " + table.name() + " has other columns here than in the backup: "
                    + "the schema built from the backup's version differs from the one it was taken from");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table " + quote(table.name()) + " disable trigger user");
        }
        long rows = copy().copyIn("copy " + quote(table.name()) + " (" + columnList(table) + ") from stdin", in);
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table " + quote(table.name()) + " enable trigger user");
        }
        return rows;
    }

    void setSequence(SequenceValue sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
            statement.setString(1, quote(sequence.name()));
            statement.setLong(2, sequence.lastValue());
            statement.setBoolean(3, sequence.called());
            statement.execute();
        }
    }

    /**
     * Executions a scheduler had picked when the snapshot was taken belong to processes of the old deployment; their
     * effects, if any, came after the snapshot and are not in it. Released, they run again at once instead of waiting
     * for db-scheduler's dead-execution check.
     */
    int releasePickedExecutions() throws SQLException {
        if (!tableExists(SCHEDULED_EXECUTIONS)) {
            return 0;
        }
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("update " + quote(SCHEDULED_EXECUTIONS)
                    + " set picked = false, picked_by = null, last_heartbeat = null where picked");
        }
    }

    void commit() throws SQLException {
        connection.commit();
    }

    /** Fresh planner statistics for the loaded tables, as after any bulk load. */
    void analyze() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    @Override
    public void close() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        connection.close();
    }

    // --- catalog --------------------------------------------------------------------------------------------------

    private List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.attname from pg_attribute a
                join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relname = ? and a.attnum > 0 and not a.attisdropped
                  and a.attgenerated = ''
                order by a.attnum""")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private boolean tableExists(String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relname = ? and c.relkind in ('r', 'p')""")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        }
    }

    private CopyManager copy() throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private static String columnList(Table table) {
        return String.join(", ", table.columns().stream().map(BackupRepository::quote).toList());
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
