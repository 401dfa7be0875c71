package io.taskstream.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskstream.backup.BackupFile.Manifest;
import io.taskstream.backup.BackupFile.SequenceValue;
import io.taskstream.backup.BackupFile.TableData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFileTest {

    private static final String USERS = "1\tann@example.com\n2\tbob@example.com\n";
    private static final String TASKS = "10\t1\tPay rent\\nand the bills\t\\N\n11\t2\tStand-up\t10\n12\t2\tRetro\t\\N\n";

    @TempDir
    Path dir;

    private Path write(Path file) throws Exception {
        try (BackupFile.Writer writer = new BackupFile.Writer(file)) {
            writer.table("app_user", List.of("id", "email"), out -> {
                out.write(USERS.getBytes(StandardCharsets.UTF_8));
                return 2;
            });
            writer.table("task", List.of("id", "user_id", "title", "spawned_from"), out -> {
                out.write(TASKS.getBytes(StandardCharsets.UTF_8));
                return 3;
            });
            writer.finish("1.2.3", "46", "2026-12-08T00:00:00Z",
                    List.of(new SequenceValue("task_id_seq", 12, true), new SequenceValue("event_outbox_position_seq", 1, false)));
        }
        return file;
    }

    private static String data(BackupFile.Reader reader, TableData table) throws IOException {
        try (InputStream in = reader.data(table)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void whatIsWrittenReadsBackWithItsManifest() throws Exception {
        Path file = write(dir.resolve("backup.zip"));

        try (BackupFile.Reader reader = BackupFile.Reader.open(file)) {
            Manifest manifest = reader.manifest();
            reader.verify();

            assertThat(manifest.format()).isEqualTo(BackupFile.FORMAT);
            assertThat(manifest.schemaVersion()).isEqualTo("46");
            assertThat(manifest.appVersion()).isEqualTo("1.2.3");
            assertThat(manifest.tables()).extracting(TableData::name).containsExactly("app_user", "task");
            assertThat(manifest.tables().get(1).columns()).containsExactly("id", "user_id", "title", "spawned_from");
            assertThat(manifest.rows("task")).isEqualTo(3);
            assertThat(manifest.tables().get(1).sha256()).hasSize(64);
            assertThat(manifest.sequences()).containsExactly(new SequenceValue("task_id_seq", 12, true),
                    new SequenceValue("event_outbox_position_seq", 1, false));
            assertThat(data(reader, manifest.tables().get(0))).isEqualTo(USERS);
            assertThat(data(reader, manifest.tables().get(1))).isEqualTo(TASKS);
        }
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void anUnfinishedBackupLeavesNoFileBehind() throws Exception {
        Path file = dir.resolve("backup.zip");

        assertThatThrownBy(() -> {
            try (BackupFile.Writer writer = new BackupFile.Writer(file)) {
                writer.table("app_user", List.of("id"), out -> {
                    out.write("1\n".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("connection lost");
                });
            }
        }).hasMessage("connection lost");

        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void aFlippedByteInTheDataIsDetected() throws Exception {
        Path file = write(dir.resolve("backup.zip"));
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, "tables/task.copy".getBytes(StandardCharsets.UTF_8)) + 40;
        bytes[at] ^= 0x5a;
        Files.write(file, bytes);

        assertThatThrownBy(() -> {
            try (BackupFile.Reader reader = BackupFile.Reader.open(file)) {
                reader.verify();
            }
        }).isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.exitCode()).isEqualTo(BackupCommand.DAMAGED))
                .hasMessageContaining("task");
    }

    @Test
    void dataThatDiffersFromTheManifestIsDetectedThoughTheArchiveIsWhole() throws Exception {
        Path original = write(dir.resolve("backup.zip"));
        Path edited = dir.resolve("edited.zip");
        try (ZipFile in = new ZipFile(original.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry entry : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("tables/task.copy")) {
                    content = TASKS.replace("Pay rent", "Pay more").getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        }

        assertThatThrownBy(() -> {
            try (BackupFile.Reader reader = BackupFile.Reader.open(edited)) {
                reader.verify();
            }
        }).isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.exitCode()).isEqualTo(BackupCommand.DAMAGED))
                .hasMessageContaining("does not match its checksum");
    }

    @Test
    void aFileThatIsNoBackupIsDamaged() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a backup");

        assertThatThrownBy(() -> BackupFile.Reader.open(file))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.exitCode()).isEqualTo(BackupCommand.DAMAGED));
    }

    @Test
    void aBackupOfANewerOrUnknownSchemaIsRefused() {
        List<String> known = List.of("1", "2", "3", "45", "46");

        assertThatThrownBy(() -> SchemaVersions.requireBuildable("47", known))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.exitCode()).isEqualTo(BackupCommand.REFUSED))
                .hasMessageContaining("schema version 47, newer than this application's (46)");
        assertThatThrownBy(() -> SchemaVersions.requireBuildable("44", known))
                .hasMessageContaining("none of this application's migrations");
        SchemaVersions.requireBuildable("45", known);
        assertThat(SchemaVersions.highest(List.of("9", "10", "2"))).isEqualTo("10");
    }

    @Test
    void aCommandLineWithoutItsFileGetsTheUsageAndExitCodeTwo() {
        for (String[] args : List.of(new String[] {"backup"}, new String[] {"restore", "--to", "x.zip"},
                new String[] {"backup", "--to", "a.zip", "extra"}, new String[] {"backup", "--to"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = BackupCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

            assertThat(exit).as(String.join(" ", args)).isEqualTo(BackupCommand.USAGE);
            assertThat(err.toString()).contains("usage: java -jar taskstream.jar backup --to FILE");
        }
        assertThat(BackupCommand.Invocation.parse(new String[] {"restore", "--from=b.zip", "--taskstream.data-dir=d"}))
                .isEqualTo(new BackupCommand.Invocation(true, Path.of("b.zip"), List.of("--taskstream.data-dir=d")));
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
