package io.taskstream.backup;

import io.taskstream.backup.BackupFile.Manifest;
import io.taskstream.backup.BackupFile.SequenceValue;
import io.taskstream.backup.BackupFile.TableData;
import io.taskstream.backup.BackupRepository.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/** A backup of the whole database into one file, and its restore into an empty database. */
final class DatabaseDump {

    private DatabaseDump() {
    }

    /** Writes every table, in one snapshot, with the sequences and the schema version, to {@code file}. */
    static Manifest backup(DatabaseLocation.Settings database, Path file) throws SQLException, IOException {
        if (Files.exists(file)) {
            throw BackupException.refused(file + " exists already: name a new file");
        }
        try (BackupRepository repository = BackupRepository.connect(database);
                BackupFile.Writer writer = new BackupFile.Writer(file)) {
            repository.beginSnapshot();
            String version = repository.schemaVersion();
            if (version == null) {
                throw BackupException.refused(database + " holds no Taskstream schema: nothing to back up");
            }
            for (Table table : repository.tablesInLoadOrder()) {
                writer.table(table.name(), table.columns(), out -> repository.copyOut(table, out));
            }
            List<SequenceValue> sequences = repository.sequences();
            repository.endSnapshot();
            return writer.finish(appVersion(), version, Instant.now().toString(), sequences);
        }
    }

    /**
     * Checks the file, refuses a non-empty database or a schema this version cannot build, builds the schema up to
     * the backup's version, and loads every table and sequence in one transaction: all of it, or nothing.
     */
    static Manifest restore(DatabaseLocation.Settings database, Path file) throws SQLException, IOException {
        try (BackupFile.Reader reader = BackupFile.Reader.open(file)) {
            Manifest manifest = reader.manifest();
            reader.verify();
            Flyway flyway = Flyway.configure()
                    .dataSource(database.url(), database.username(), database.password())
                    .target(MigrationVersion.fromVersion(manifest.schemaVersion()))
                    .load();
            try (BackupRepository repository = BackupRepository.connect(database)) {
                int relations = repository.relationCount();
                if (relations > 0) {
                    throw BackupException.refused(database + " is not empty (" + relations
                            + " tables, views or sequences in schema " + repository.currentSchema()
                            + "): restore only into an empty database");
                }
                SchemaVersions.requireBuildable(manifest.schemaVersion(), Arrays.stream(flyway.info().all())
                        .map(MigrationInfo::getVersion).filter(v -> v != null).map(MigrationVersion::getVersion)
                        .toList());
                flyway.migrate();
                try {
                    load(repository, reader, manifest);
                } catch (SQLException | IOException | RuntimeException e) {
                    throw BackupException.incomplete(database + " now holds the schema of version "
                            + manifest.schemaVersion() + " but none of the backup's data; drop it, or take a new empty"
                            + " database, before restoring again", e);
                }
            }
            return manifest;
        }
    }

    private static void load(BackupRepository repository, BackupFile.Reader reader, Manifest manifest)
            throws SQLException, IOException {
        repository.beginLoad();
        for (TableData data : manifest.tables()) {
            long rows;
            try (InputStream in = reader.data(data)) {
                rows = repository.copyIn(new Table(data.name(), data.columns()), in);
            }
            if (rows != data.rows()) {
                throw BackupException.damaged("Table " + data.name() + " loaded " + rows + " rows, the backup "
                        + "says " + data.rows());
            }
        }
        for (SequenceValue sequence : manifest.sequences()) {
            repository.setSequence(sequence);
        }
        repository.releasePickedExecutions();
        repository.commit();
        repository.analyze();
    }

    private static String appVersion() {
        String version = DatabaseDump.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
