package io.taskstream.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file a backup is: a zip archive holding {@code manifest.json} and one entry per table,
 * {@code tables/<name>.copy}, in PostgreSQL's COPY text format (one line per row). The manifest names the format,
 * the application and schema versions, every table in the order a restore loads them (parents before the tables
 * whose foreign keys point at them) with its columns, row count and SHA-256 of its data, and every sequence's value.
 * The archive is written beside its final name and moved there once complete, so a file with the final name is
 * always a whole backup.
 */
final class BackupFile {

    static final int FORMAT = 1;
    static final String MANIFEST = "manifest.json";
    private static final String TABLES = "tables/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupFile() {
    }

    /** What a backup holds, written last into the archive. */
    record Manifest(int format, String appVersion, String schemaVersion, String createdAt, List<TableData> tables,
            List<SequenceValue> sequences) {

        long rows(String table) {
            return tables.stream().filter(t -> t.name().equals(table)).mapToLong(TableData::rows).sum();
        }
    }

    /** One table's data in the archive. */
    record TableData(String name, List<String> columns, long rows, String sha256) {
    }

    /** A sequence's state, as {@code setval(name, lastValue, called)} restores it. */
    record SequenceValue(String name, long lastValue, boolean called) {
    }

    /** Writes one table's rows in COPY text format to the stream and answers how many it wrote. */
    @FunctionalInterface
    interface TableContent {
        long writeTo(OutputStream out) throws IOException, SQLException;
    }

    /** Writes a backup to {@code target}; nothing appears there unless {@link #finish} completes. */
    static final class Writer implements AutoCloseable {

        private final Path target;
        private final Path partial;
        private final ZipOutputStream zip;
        private final List<TableData> tables = new ArrayList<>();
        private boolean finished;

        Writer(Path target) throws IOException {
            this.target = target;
            this.partial = target.resolveSibling(target.getFileName() + ".partial");
            this.zip = new ZipOutputStream(Files.newOutputStream(partial));
        }

        void table(String name, List<String> columns, TableContent content) throws IOException, SQLException {
            zip.putNextEntry(new ZipEntry(TABLES + name + ".copy"));
            MessageDigest sha = sha256();
            long rows = content.writeTo(new DigestOutputStream(new KeepOpen(zip), sha));
            zip.closeEntry();
            tables.add(new TableData(name, List.copyOf(columns), rows, HexFormat.of().formatHex(sha.digest())));
        }

        Manifest finish(String appVersion, String schemaVersion, String createdAt, List<SequenceValue> sequences)
                throws IOException {
            Manifest manifest = new Manifest(FORMAT, appVersion, schemaVersion, createdAt, List.copyOf(tables),
                    List.copyOf(sequences));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.close();
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
            return manifest;
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                zip.close();
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Reads a backup; {@link #verify} checks every table's data against the manifest before anything is loaded. */
    static final class Reader implements AutoCloseable {

        private final ZipFile zip;
        private final Manifest manifest;

        private Reader(ZipFile zip, Manifest manifest) {
            this.zip = zip;
            this.manifest = manifest;
        }

        static Reader open(Path file) {
            if (!Files.isRegularFile(file)) {
                throw BackupException.refused("No backup file at " + file);
            }
            ZipFile zip;
            try {
                zip = new ZipFile(file.toFile());
            } catch (ZipException e) {
                throw BackupException.damaged(file + " is not a Taskstream backup (not a zip archive): " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                ZipEntry entry = zip.getEntry(MANIFEST);
                if (entry == null) {
                    throw BackupException.damaged(file + " is not a whole Taskstream backup: it has no " + MANIFEST);
                }
                Manifest manifest;
                try (InputStream in = zip.getInputStream(entry)) {
                    manifest = JSON.readValue(in.readAllBytes(), Manifest.class);
                } catch (JacksonException e) {
                    throw BackupException.damaged(file + " has an unreadable " + MANIFEST + ": " + e.getOriginalMessage());
                }
                if (manifest.format() != FORMAT || manifest.schemaVersion() == null || manifest.tables() == null
                        || manifest.sequences() == null) {
                    throw BackupException.refused(file + " is a backup of format " + manifest.format()
                            + ", which this version does not read (it reads format " + FORMAT + ")");
                }
                return new Reader(zip, manifest);
            } catch (IOException e) {
                closeQuietly(zip);
                throw BackupException.damaged(file + " cannot be read: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                closeQuietly(zip);
                throw e;
            }
        }

        Manifest manifest() {
            return manifest;
        }

        /** Every table's data is there, with the manifest's row count and checksum. */
        void verify() {
            for (TableData table : manifest.tables()) {
                MessageDigest sha = sha256();
                long rows = 0;
                try (InputStream in = data(table)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                rows++;
                            }
                        }
                    }
                } catch (IOException e) {
                    throw BackupException.damaged("The data of table " + table.name() + " cannot be read: "
                            + e.getMessage(), e);
                }
                if (!HexFormat.of().formatHex(sha.digest()).equals(table.sha256()) || rows != table.rows()) {
                    throw BackupException.damaged("The data of table " + table.name()
                            + " does not match its checksum or row count in the manifest: the file is damaged");
                }
            }
        }

        InputStream data(TableData table) throws IOException {
            ZipEntry entry = zip.getEntry(TABLES + table.name() + ".copy");
            if (entry == null) {
                throw BackupException.damaged("The backup has no data for table " + table.name());
            }
            return zip.getInputStream(entry);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        private static void closeQuietly(ZipFile zip) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // already failing with a clearer reason
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip entry stays open for the next one when a table's writer closes its stream. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
