package io.taskstream.backup;

import java.util.Collection;
import java.util.Comparator;
import org.flywaydb.core.api.MigrationVersion;

/** Which schema versions a restore can build: only ones this application's migrations know. */
final class SchemaVersions {

    private SchemaVersions() {
    }

    static String highest(Collection<String> versions) {
        return versions.stream().map(MigrationVersion::fromVersion).max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion).orElse(null);
    }

    /**
     * Refuses a backup whose schema this application cannot build: one taken by a newer version (restore it with
     * that version or a later one), or one whose version none of these migrations has.
     */
    static void requireBuildable(String backupVersion, Collection<String> knownVersions) {
        String latest = highest(knownVersions);
        MigrationVersion wanted = MigrationVersion.fromVersion(backupVersion);
        if (latest == null || wanted.compareTo(MigrationVersion.fromVersion(latest)) > 0) {
            throw BackupException.refused("The backup is of schema version " + backupVersion
                    + ", newer than this application's (" + latest + "): restore it with the version that wrote it"
                    + " or a later one");
        }
        if (knownVersions.stream().map(MigrationVersion::fromVersion).noneMatch(wanted::equals)) {
            throw BackupException.refused("The backup is of schema version " + backupVersion
                    + ", which none of this application's migrations has");
        }
    }
}
