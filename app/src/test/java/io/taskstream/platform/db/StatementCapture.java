package io.taskstream.platform.db;

import io.taskstream.platform.db.StatementSnapshot.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * With {@code -Dschema-compat.update=true}, records every statement the app's code has PostgreSQL parse in this test
 * JVM (read from the driver's protocol log: what was really sent, however the repository built it) and, when the
 * tests end, writes them as {@link StatementSnapshot#FILE}. Run it with the whole suite at a release, so that the
 * snapshot holds every statement the suite makes the app run. Without the property it does nothing.
 * <p>
 * Spring Boot's Logback setup copies Logback's levels onto the JDK loggers whenever a context starts, which turns the
 * driver's protocol log off again: {@link EveryTest} turns it back on around every test.
 */
public final class StatementCapture implements LauncherSessionListener {

    private static final String DRIVER_LOGGER = "org.postgresql.core.v3.QueryExecutorImpl";
    private static final Pattern PARSE = Pattern.compile(
            "^ FE=> Parse\\(stmt=[^,]*,query=\"(.*)\",oids=\\{([0-9,]*)}\\)$", Pattern.DOTALL);
    private static final Pattern DATA_STATEMENT = Pattern.compile("^\\s*(select|insert|update|delete|with|merge)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Flyway's, the driver's and the pool's own queries: about the catalogue, not the app's tables. */
    private static final Pattern CATALOGUE = Pattern.compile(
            "\\b(flyway_schema_history|information_schema|pg_catalog|pg_namespace|pg_class|pg_type|pg_attribute"
                    + "|pg_proc|pg_settings|pg_roles|pg_tables|pg_extension|pg_database|pg_locks|pg_stat_\\w+)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Set<Statement> captured = ConcurrentHashMap.newKeySet();
    private static volatile Logger driverLogger;
    private static volatile Handler handler;

    /** Turns the driver's protocol log back on before and after each test. */
    public static final class EveryTest implements TestExecutionListener {

        @Override
        public void executionStarted(TestIdentifier test) {
            listen();
        }

        @Override
        public void executionFinished(TestIdentifier test, org.junit.platform.engine.TestExecutionResult result) {
            listen();
        }
    }

    private static void listen() {
        Logger logger = driverLogger;
        if (logger != null && logger.getLevel() != Level.FINEST) {
            logger.setLevel(Level.FINEST);
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean(StatementSnapshot.UPDATE_PROPERTY)) {
            return;
        }
        driverLogger = Logger.getLogger(DRIVER_LOGGER);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                capture(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        driverLogger.addHandler(handler);
        StatementCapture.handler = handler;
        listen();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (handler == null) {
            return;
        }
        driverLogger.removeHandler(handler);
        driverLogger.setLevel(null);
        driverLogger = null;
        if (captured.isEmpty()) {
            // A test JVM that made the app run nothing (the unit tests' one): the integration tests' JVM writes it.
            return;
        }
        try {
            List<String> migrations = migrationTexts();
            List<Statement> statements = captured.stream()
                    .filter(s -> migrations.stream().noneMatch(m -> m.contains(normalized(s.sql())))).toList();
            StatementSnapshot.write(StatementSnapshot.FILE, lastMigration(), statements);
            System.out.printf("schema-compat: wrote %d statements to %s%n", statements.size(),
                    StatementSnapshot.FILE.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void capture(String message) {
        if (message == null || !message.startsWith(" FE=> Parse(")) {
            return;
        }
        Matcher parse = PARSE.matcher(message);
        if (!parse.matches()) {
            return;
        }
        String sql = parse.group(1);
        if (!DATA_STATEMENT.matcher(sql).find() || CATALOGUE.matcher(sql).find() || !sentByTheApp()) {
            return;
        }
        String oids = parse.group(2);
        List<Integer> types = oids.isEmpty() ? List.of() : Stream.of(oids.split(",")).map(Integer::valueOf).toList();
        captured.add(new Statement(sql.strip(), types));
    }

    /** Whether the nearest frame of ours on the stack is the app's code (not a test's own setup query). */
    private static boolean sentByTheApp() {
        Optional<Class<?>> ours = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> c.getName().startsWith("io.taskstream.")
                                && !c.getName().startsWith(StatementCapture.class.getName()))
                        .findFirst());
        return ours.map(StatementCapture::isMainCode).orElse(false);
    }

    private static boolean isMainCode(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || !source.getLocation().toString().contains("test-classes");
    }

    static String normalized(String sql) {
        return sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<String> migrationTexts() throws IOException {
        try (Stream<Path> files = Files.list(migrationsDir())) {
            return files.map(file -> {
                try {
                    return normalized(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    static int lastMigration() throws IOException {
        try (Stream<Path> files = Files.list(migrationsDir())) {
            return files.map(MigrationRules::version).max(Integer::compare).orElseThrow();
        }
    }

    static Path migrationsDir() {
        URL url = StatementCapture.class.getClassLoader().getResource("db/migration");
        if (url == null) {
            throw new IllegalStateException("no db/migration on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
