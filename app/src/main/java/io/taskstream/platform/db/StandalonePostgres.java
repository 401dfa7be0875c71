package io.taskstream.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL as a process of its own, for running the roles as separate processes on one
 * machine ({@code deploy/local/topology.sh}): the same server the app starts for itself by default, shared
 * by every role over loopback. Data survives restarts; SIGTERM stops the server cleanly.
 *
 * <pre>java -cp taskstream.jar -Dloader.main=io.taskstream.platform.db.StandalonePostgres \
 *     org.springframework.boot.loader.launch.PropertiesLauncher &lt;data-dir&gt; &lt;port&gt;</pre>
 *
 * Connect with {@code jdbc:postgresql://localhost:<port>/postgres}, user {@code postgres}, no password
 * (loopback only, as the embedded default).
 */
public final class StandalonePostgres {

    private static final Logger log = LoggerFactory.getLogger(StandalonePostgres.class);

    private StandalonePostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StandalonePostgres <data-dir> <port>");
            System.exit(2);
        }
        quietLogging();
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        int port = Integer.parseInt(args[1]);
        EmbeddedPostgres postgres = start(dir, port, 200);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
                log.info("PostgreSQL stopped");
            } catch (IOException e) {
                log.error("PostgreSQL did not stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "postgres-stop"));
        log.info("PostgreSQL ready on port {} with data in {}", postgres.getPort(), dir);
        stopped.await();
    }

    /**
     * Starts (or restarts, keeping its files) the server whose data lives in {@code dir}; port 0 picks one. Also
     * used by the backup and restore commands when no application runs on those files.
     * The caller stops it with {@link EmbeddedPostgres#close()}: zonky's own JVM shutdown hook is off because
     * hooks run concurrently, so it would stop the server while the application is still using it (the
     * application context's hook closes schedulers, relay and pool first, then the server as a bean).
     */
    public static EmbeddedPostgres start(Path dir, int port, int maxConnections) throws IOException {
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", Integer.toString(maxConnections))
                // The library starts the server for throwaway test databases: without fsync (-F) and with
                // asynchronous commits. The data of a running product must survive a crash of the process or
                // of the machine: a commit returns once its WAL is on disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Without Spring Boot's logging setup, Logback would print everything at DEBUG. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
