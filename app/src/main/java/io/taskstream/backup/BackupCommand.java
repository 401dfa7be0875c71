package io.taskstream.backup;

import io.taskstream.backup.BackupFile.Manifest;
import io.taskstream.backup.BackupFile.TableData;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code java -jar taskstream.jar backup --to FILE} and {@code restore --from FILE}: the database of the deployment
 * this configuration describes (the same environment variables as the application), saved to or loaded from one
 * file. Starts no web server and no role: the configuration is read the way the application reads it, then the
 * command talks to PostgreSQL alone. Exit codes: 0 done, 1 failed, 2 usage, 3 refused (target not empty or in use,
 * backup of a newer schema, file exists), 4 the backup file is damaged.
 */
public final class BackupCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int DAMAGED = 4;

    static final String USAGE_TEXT = """
            usage: java -jar taskstream.jar backup --to FILE
                   java -jar taskstream.jar restore --from FILE

              backup   writes every table of the database, in one consistent snapshot, to FILE (a new file);
                       the application may keep running and taking writes meanwhile
              restore  loads FILE into an EMPTY database (stop the application first; for the embedded
                       database, a TASKSTREAM_DATA_DIR without one), then start the application on it

            The database is the application's: SPRING_DATASOURCE_URL or DATABASE_URL (with
            SPRING_DATASOURCE_USERNAME/PASSWORD), else the embedded one in TASKSTREAM_DATA_DIR (./data).
            Spring properties may also be given as --name=value.
            Exit codes: 0 done, 1 failed, 2 usage, 3 refused, 4 damaged backup file.""";

    private BackupCommand() {
    }

    /** Whether these command-line arguments ask for a backup or a restore rather than the application. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command and answers its exit code; messages go to {@code out} and {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation = Invocation.parse(args);
        if (invocation == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            ConfigurableEnvironment env = environment(invocation.springArguments());
            if (invocation.restore()) {
                try (DatabaseLocation database = DatabaseLocation.of(env, DatabaseLocation.Use.RESTORE)) {
                    Manifest manifest = DatabaseDump.restore(database.settings(), invocation.file());
                    out.println("Restored " + invocation.file() + " (schema version " + manifest.schemaVersion()
                            + ", taken " + manifest.createdAt() + ") into " + database.settings());
                    print(manifest, out);
                }
            } else {
                try (DatabaseLocation database = DatabaseLocation.of(env, DatabaseLocation.Use.BACKUP)) {
                    Manifest manifest = DatabaseDump.backup(database.settings(), invocation.file());
                    out.println("Backed up " + database.settings() + " (schema version " + manifest.schemaVersion()
                            + ") to " + invocation.file());
                    print(manifest, out);
                }
            }
            return OK;
        } catch (BackupException e) {
            err.println((invocation.restore() ? "Restore" : "Backup") + " refused: " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            err.println((invocation.restore() ? "Restore" : "Backup") + " failed: " + describe(e));
            return FAILED;
        }
    }

    private static void print(Manifest manifest, PrintStream out) {
        long rows = manifest.tables().stream().mapToLong(TableData::rows).sum();
        out.println(manifest.tables().size() + " tables, " + rows + " rows, " + manifest.sequences().size()
                + " sequences:");
        for (TableData table : manifest.tables()) {
            out.printf("  %-28s %10d%n", table.name(), table.rows());
        }
    }

    /** The causes' messages (a driver's error names host and database, never the password). */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /**
     * The application's configuration without the application: its property sources and its environment post
     * processors (DATABASE_URL, Dapr secrets), in a context that holds no bean of the application.
     */
    private static ConfigurableEnvironment environment(List<String> springArguments) {
        SpringApplication application = new SpringApplication(ConfigurationOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        application.setDefaultProperties(Map.of("logging.level.root", "warn"));
        try (ConfigurableApplicationContext context = application.run(springArguments.toArray(String[]::new))) {
            return context.getEnvironment();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ConfigurationOnly {
    }

    /** A parsed command line: the command, its file, and any Spring properties given as {@code --name=value}. */
    record Invocation(boolean restore, Path file, List<String> springArguments) {

        static Invocation parse(String[] args) {
            if (!handles(args)) {
                return null;
            }
            boolean restore = args[0].equals("restore");
            String option = restore ? "--from" : "--to";
            Path file = null;
            List<String> spring = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals(option) && i + 1 < args.length && file == null) {
                    file = Path.of(args[++i]);
                } else if (arg.startsWith(option + "=") && file == null && arg.length() > option.length() + 1) {
                    file = Path.of(arg.substring(option.length() + 1));
                } else if (arg.startsWith("--") && arg.indexOf('=') > 2 && !arg.startsWith("--to=")
                        && !arg.startsWith("--from=")) {
                    spring.add(arg);
                } else {
                    return null;
                }
            }
            return file == null ? null : new Invocation(restore, file, List.copyOf(spring));
        }
    }
}
