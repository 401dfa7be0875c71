package io.taskstream.backup;

import io.taskstream.platform.TaskstreamProperties;
import io.taskstream.platform.db.StandalonePostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The database a command works on, found from the application's own configuration: the external PostgreSQL of
 * {@code SPRING_DATASOURCE_URL}/{@code DATABASE_URL}, or the embedded one under {@code TASKSTREAM_DATA_DIR}. The
 * embedded server is a PostgreSQL process listening on loopback, its port in {@code postmaster.pid}: a backup
 * connects to it while the application runs, and starts it for itself when nothing does. A restore never shares it
 * with a running application.
 */
final class DatabaseLocation implements AutoCloseable {

    /** How to connect, and how to name the database in messages (never with its password). */
    record Settings(String url, String username, String password, String description) {

        @Override
        public String toString() {
            return description;
        }
    }

    enum Use { BACKUP, RESTORE }

    private final Settings settings;
    private final EmbeddedPostgres startedHere;

    private DatabaseLocation(Settings settings, EmbeddedPostgres startedHere) {
        this.settings = settings;
        this.startedHere = startedHere;
    }

    Settings settings() {
        return settings;
    }

    static DatabaseLocation of(Environment env, Use use) {
        if (!env.getProperty("taskstream.database.embedded", Boolean.class, true)) {
            String url = env.getRequiredProperty("spring.datasource.url");
            int query = url.indexOf('?');
            return new DatabaseLocation(new Settings(url, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"),
                    "PostgreSQL at " + (query < 0 ? url : url.substring(0, query))), null);
        }
        Path dir = Binder.get(env).bindOrCreate("taskstream", TaskstreamProperties.class).embeddedDatabaseDir();
        Optional<Integer> running = runningPort(dir);
        if (running.isPresent()) {
            if (use == Use.RESTORE) {
                throw BackupException.refused("The embedded database in " + dir + " is in use (PostgreSQL on port "
                        + running.get() + "): stop Taskstream before restoring");
            }
            return new DatabaseLocation(embedded(running.get(), dir), null);
        }
        if (use == Use.BACKUP && !Files.exists(dir.resolve("PG_VERSION"))) {
            throw BackupException.refused("No embedded database in " + dir
                    + ": set TASKSTREAM_DATA_DIR (or SPRING_DATASOURCE_URL) as the application has it");
        }
        try {
            EmbeddedPostgres postgres = StandalonePostgres.start(dir, 0, 10);
            return new DatabaseLocation(embedded(postgres.getPort(), dir), postgres);
        } catch (IllegalStateException e) {
            // zonky locks the data directory (epg-lock) while a server of its own runs on it
            if (!(e instanceof OverlappingFileLockException) && !String.valueOf(e.getMessage()).contains("lock")) {
                throw e;
            }
            throw BackupException.refused("The embedded database in " + dir + " is in use by another process: "
                    + "stop Taskstream first");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static Settings embedded(int port, Path dir) {
        return new Settings("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null,
                "the embedded database in " + dir);
    }

    /** The port of the server running on these files: line 4 of {@code postmaster.pid}, if its process lives. */
    static Optional<Integer> runningPort(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(Integer.parseInt(lines.get(3).trim()));
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the embedded server if this command started it. */
    @Override
    public void close() throws IOException {
        if (startedHere != null) {
            startedHere.close();
        }
    }
}
