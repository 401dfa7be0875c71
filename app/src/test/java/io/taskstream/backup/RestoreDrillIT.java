package io.taskstream.backup;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.TaskstreamApplication;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restore drill: data made through the API (recurring tasks, reminders before and after the restore, history,
 * conversations), a backup taken with the packaged jar while the app runs and a writer keeps creating tasks, the app
 * stopped, a new empty embedded database restored with the jar, the app started on it. Every account reads back
 * exactly what it had; the writer's tasks are those of the snapshot, each with one history line; a reminder due after
 * the restore fires once, the one fired before it not again; no event the snapshot had published is published again.
 */
class RestoreDrillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Both deployments sign tokens with the same secret, as replicas do: sessions are restored with the data. */
    /** Ann's five tasks (one deleted, one completed with its next occurrence) and Bob's one, from the chat. */
    private static final int OTHER_TASKS = 6;
    private static final String JWT_SECRET = "restore-drill-signing-secret-0123456789abcdef";

    private final Path base = Path.of("target/it-data/restore-drill-" + UUID.randomUUID()).toAbsolutePath();
    private final Path original = base.resolve("original");
    private final Path restored = base.resolve("restored");
    private final Path backup = base.resolve("taskstream.backup");

    @Test
    void aBackupTakenUnderWritesRestoresEveryTaskReminderAndEventExactlyOnce() throws Exception {
        Session ann;
        Session bob;
        Session writer;
        long plumber;
        long remindedTask;
        Instant plumberAt;
        Map<String, String> before;
        List<Long> written = Collections.synchronizedList(new ArrayList<>());
        long scheduledBefore;
        int writtenBeforeBackup;
        try (ConfigurableApplicationContext app = start(original)) {
            HttpApi api = api(app);
            JdbcClient db = app.getBean(JdbcClient.class);
            ann = api.signup("Europe/Berlin");
            bob = api.signup("America/New_York");
            writer = api.signup();

            long plants = create(api, ann, task("Water the plants").due(tomorrowAt9()).recurrence("FREQ=DAILY", "due")
                    .tags("home"));
            assertThat(api.as(ann).patch(ann.complete(plants), "{\"completed\":true}").status()).isEqualTo(200);
            long rent = create(api, ann, task("Pay rent").priority("high").tags("finance").due(tomorrowAt9()));
            assertThat(api.as(ann).patch(ann.task(rent), "{\"title\":\"Pay the rent\"}").status()).isEqualTo(200);
            long gone = create(api, ann, task("Forget this"));
            assertThat(api.as(ann).delete(ann.task(gone)).status()).isEqualTo(204);
            remindedTask = create(api, ann, task("Stretch").remindAt(Instant.now().plusSeconds(1).toString()));
            Response chat = api.as(bob).post("/api/" + bob.userId() + "/chat",
                    "{\"message\":\"add buy milk tomorrow at 5pm #shop\"}");
            assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
            Eventually.await(Duration.ofSeconds(15), () -> notificationsOf(api, ann, remindedTask), n -> n == 1);
            Eventually.await(Duration.ofSeconds(15), () -> api.as(ann).get(ann.tasks() + "?status=all").ids().size(),
                    n -> n == 4);
            // Due once the backup is taken, the app stopped, the database restored and the app started again.
            plumberAt = Instant.now().plusSeconds(35).truncatedTo(ChronoUnit.SECONDS);
            plumber = create(api, ann, task("Call the plumber").due(plumberAt.plus(Duration.ofHours(2)).toString())
                    .remindAt(plumberAt.toString()));
            awaitSettled(db);
            before = readAll(api, List.of(ann, bob));

            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writes = Thread.ofVirtual().start(() -> {
                for (int n = 1; writing.get(); n++) {
                    written.add(create(api, writer, task("Written under backup " + n)));
                    pause(Duration.ofMillis(20));
                }
            });
            Eventually.await(Duration.ofSeconds(10), written::size, n -> n >= 5);
            writtenBeforeBackup = written.size();

            Cli backupRun = cli("backup", "--to", backup.toString()).env(original).run();
            assertThat(backupRun.exit()).as(backupRun.toString()).isZero();

            Eventually.await(Duration.ofSeconds(10), written::size, n -> n >= writtenBeforeBackup + 5);
            writing.set(false);
            writes.join();
            scheduledBefore = db.sql("select count(*) from scheduled_tasks where task_name = 'reminder'")
                    .query(Long.class).single();
        }

        Map<String, Long> snapshot = manifestRows(backup);
        List<String[]> outboxInBackup = tableRows(backup, "event_outbox");
        int publishedAtColumn = columns(backup, "event_outbox").indexOf("published_at");
        long publishedInBackup = outboxInBackup.stream().filter(r -> !r[publishedAtColumn].equals("\\N")).count();

        Cli restore = cli("restore", "--from", backup.toString()).env(restored).run();
        assertThat(restore.exit()).as(restore.toString()).isZero();

        try (ConfigurableApplicationContext app = start(restored)) {
            Instant startedAt = Instant.now();
            HttpApi api = api(app);
            JdbcClient db = app.getBean(JdbcClient.class);
            assertThat(startedAt).as("the restored app started before the reminder was due").isBefore(plumberAt);
            long outboxAtStart = db.sql("select count(*) from event_outbox").query(Long.class).single();

            Map<String, String> after = readAll(api, List.of(ann, bob));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((path, body) -> assertThat(after.get(path)).as(path).isEqualTo(body));

            List<Long> writerTasks = new ArrayList<>();
            for (int page = 0; writerTasks.size() == page * 200; page++) {
                writerTasks.addAll(api.as(writer).get(writer.tasks() + "?status=all&size=200&page=" + page).ids());
            }
            List<Long> expectedWriterTasks = new ArrayList<>(written.subList(0, writerTasks.size()));
            Collections.sort(writerTasks);
            assertThat(writerTasks).as("the snapshot holds the writer's first tasks, in order, and no later one")
                    .isEqualTo(expectedWriterTasks).hasSizeGreaterThanOrEqualTo(5);
            assertThat((long) writerTasks.size() + OTHER_TASKS).isEqualTo(snapshot.get("task"));
            Eventually.await(Duration.ofSeconds(15), () -> historyLines(api, writer, writerTasks),
                    lines -> lines.values().stream().allMatch(n -> n == 1));

            // Meanwhile: a restore into a database that has data, or under a running app, is refused.
            Cli intoNonEmpty = cli("restore", "--from", backup.toString()).env(original).run();
            assertThat(intoNonEmpty.exit()).as(intoNonEmpty.toString()).isEqualTo(BackupCommand.REFUSED);
            assertThat(intoNonEmpty.err()).contains("is not empty").doesNotContain("Exception");
            Cli whileRunning = cli("restore", "--from", backup.toString()).env(restored).run();
            assertThat(whileRunning.exit()).as(whileRunning.toString()).isEqualTo(BackupCommand.REFUSED);
            assertThat(whileRunning.err()).contains("is in use");

            // An external PostgreSQL (SPRING_DATASOURCE_URL/DATABASE_URL) takes the same file, and gives the same back.
            try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
                JdbcClient.create(external.getPostgresDatabase()).sql("create database elsewhere").update();
                String url = "postgresql://postgres:not-to-be-printed@localhost:" + external.getPort() + "/elsewhere";
                Cli intoExternal = cli("restore", "--from", backup.toString()).env(Map.of("DATABASE_URL", url)).run();
                assertThat(intoExternal.exit()).as(intoExternal.toString()).isZero();
                assertThat(intoExternal.out()).contains("PostgreSQL at jdbc:postgresql://localhost:" + external.getPort()
                        + "/elsewhere").contains("event_outbox");
                Path again = base.resolve("from-external.backup");
                Cli fromExternal = cli("backup", "--to", again.toString()).env(Map.of("DATABASE_URL", url)).run();
                assertThat(fromExternal.exit()).as(fromExternal.toString()).isZero();
                assertThat(intoExternal + fromExternal.toString()).doesNotContain("not-to-be-printed");
                assertThat(manifestRows(again)).isEqualTo(snapshot);
                assertThat(tableRows(again, "task")).containsExactlyInAnyOrderElementsOf(tableRows(backup, "task"));
            }

            Eventually.await(Duration.between(Instant.now(), plumberAt).plusSeconds(15),
                    () -> notificationsOf(api, ann, plumber), n -> n >= 1);

            awaitSettled(db);
            Thread.sleep(1500);
            assertThat(notificationsOf(api, ann, plumber)).as("the reminder due after the restore fired once").isEqualTo(1);
            assertThat(notificationsOf(api, ann, remindedTask)).as("the reminder fired before the backup, not again")
                    .isEqualTo(1);
            Instant firedAt = firedAt(api, ann, plumber);
            assertThat(firedAt).as("fired at its minute").isBetween(plumberAt, plumberAt.plusSeconds(5));

            long publishedBeforeRestore = db.sql("select count(*) from event_outbox where published_at < :started")
                    .param("started", java.sql.Timestamp.from(startedAt.minusSeconds(1))).query(Long.class).single();
            assertThat(publishedBeforeRestore).as("events the snapshot had published keep their publication")
                    .isEqualTo(publishedInBackup);
            long outboxAfter = db.sql("select count(*) from event_outbox").query(Long.class).single();
            long scheduledAfter = db.sql("select count(*) from scheduled_tasks where task_name = 'reminder'")
                    .query(Long.class).single();
            long tasksAfter = db.sql("select count(*) from task").query(Long.class).single();
            assertThat(outboxAtStart).isEqualTo(snapshot.get("event_outbox"));

            System.out.printf("""
                    Restore drill: tasks %d in the backup (%d written before it started, %d by its end), %d after restore
                    Restore drill: pending reminder executions %d in the backup, %d after the restored one fired; \
                    notifications of the reminder due after the restore: %d, of the one fired before: %d
                    Restore drill: events %d in the backup (%d published, %d pending), %d at restart, %d after settling; \
                    published again: %d; consumed event ids %d in the backup, %d after settling
                    """, snapshot.get("task"), writtenBeforeBackup + OTHER_TASKS, written.size() + OTHER_TASKS, tasksAfter,
                    snapshot.get("scheduled_tasks"), scheduledAfter, notificationsOf(api, ann, plumber),
                    notificationsOf(api, ann, remindedTask), snapshot.get("event_outbox"), publishedInBackup,
                    snapshot.get("event_outbox") - publishedInBackup, outboxAtStart, outboxAfter,
                    publishedInBackup - publishedBeforeRestore, snapshot.get("consumed_event"),
                    db.sql("select count(*) from consumed_event").query(Long.class).single());
            assertThat(scheduledBefore).isGreaterThanOrEqualTo(1);
        }
    }

    // --- the deployments ------------------------------------------------------------------------------------------

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TaskstreamApplication.class).run("--server.port=0",
                "--taskstream.data-dir=" + dataDir, "--taskstream.auth.jwt-secret=" + JWT_SECRET);
    }

    private static HttpApi api(ConfigurableApplicationContext app) {
        return new HttpApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static long create(HttpApi api, Session user, io.taskstream.support.TaskJson task) {
        Response response = api.as(user).post(user.tasks(), task.json());
        if (response.status() != 201) {
            throw new IllegalStateException("create failed: " + response);
        }
        return response.json().get("id").asLong();
    }

    private static String tomorrowAt9() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9)).toString();
    }

    /** Every event published and every consumer's effect applied (the embedded bus hands events over in-process). */
    private static void awaitSettled(JdbcClient db) {
        Eventually.await(Duration.ofSeconds(15), () -> db.sql(
                "select count(*) from event_outbox where published_at is null").query(Long.class).single(), n -> n == 0);
        pause(Duration.ofMillis(500));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- what the users see ---------------------------------------------------------------------------------------

    /** Everything these users can read: tasks, each task's history, activity, notifications, conversations. */
    private static Map<String, String> readAll(HttpApi api, List<Session> users) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Session user : users) {
            HttpApi as = api.as(user);
            String root = "/api/" + user.userId();
            Response tasks = read(as, seen, user.tasks() + "?status=all&size=100");
            for (long id : tasks.ids()) {
                read(as, seen, user.task(id));
                read(as, seen, user.task(id) + "/history");
            }
            read(as, seen, root + "/activity?since=2000-01-01T00:00:00Z&limit=500");
            read(as, seen, root + "/notifications?limit=200");
            read(as, seen, root + "/notification-settings");
            read(as, seen, root + "/upcoming?days=7");
            for (JsonNode conversation : read(as, seen, root + "/conversations").json()) {
                read(as, seen, root + "/conversations/" + conversation.get("id").asLong() + "/messages");
            }
        }
        return seen;
    }

    private static Response read(HttpApi api, Map<String, String> seen, String path) {
        Response response = api.get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
        seen.put(path, response.body());
        return response;
    }

    private static long notificationsOf(HttpApi api, Session user, long taskId) {
        long count = 0;
        for (JsonNode n : api.as(user).get("/api/" + user.userId() + "/notifications?limit=200").json()) {
            if (n.get("taskId").asLong() == taskId) {
                count++;
            }
        }
        return count;
    }

    private static Instant firedAt(HttpApi api, Session user, long taskId) {
        for (JsonNode n : api.as(user).get("/api/" + user.userId() + "/notifications?limit=200").json()) {
            if (n.get("taskId").asLong() == taskId) {
                return java.time.OffsetDateTime.parse(n.get("firedAt").asString()).toInstant();
            }
        }
        throw new AssertionError("no notification of task " + taskId);
    }

    /** How many history lines each task has. */
    private static Map<Long, Integer> historyLines(HttpApi api, Session user, List<Long> taskIds) {
        Map<Long, Integer> lines = new LinkedHashMap<>();
        for (long id : taskIds) {
            lines.put(id, api.as(user).get(user.task(id) + "/history").json().size());
        }
        return lines;
    }

    // --- the backup file, read as an operator would check it ------------------------------------------------------

    private static Map<String, Long> manifestRows(Path file) throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (JsonNode table : manifest(file).get("tables")) {
            rows.put(table.get("name").asString(), table.get("rows").asLong());
        }
        return rows;
    }

    private static List<String> columns(Path file, String table) throws IOException {
        for (JsonNode t : manifest(file).get("tables")) {
            if (t.get("name").asString().equals(table)) {
                List<String> columns = new ArrayList<>();
                t.get("columns").forEach(c -> columns.add(c.asString()));
                return columns;
            }
        }
        throw new AssertionError("no table " + table);
    }

    private static JsonNode manifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
            return JSON.readTree(in.readAllBytes());
        }
    }

    private static List<String[]> tableRows(Path file, String table) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("tables/" + table + ".copy"))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : text.lines().map(line -> line.split("\t", -1)).toList();
        }
    }

    // --- the command, as the packaged jar -------------------------------------------------------------------------

    private Cli cli(String... args) {
        return new Cli(List.of(args), Map.of());
    }

    private record Cli(List<String> args, Map<String, String> environment, int exit, String out, String err) {

        Cli(List<String> args, Map<String, String> environment) {
            this(args, environment, -1, "", "");
        }

        /** The embedded database in this data directory. */
        Cli env(Path dataDir) {
            return env(Map.of("TASKSTREAM_DATA_DIR", dataDir.toString()));
        }

        Cli env(Map<String, String> environment) {
            return new Cli(args, environment);
        }

        Cli run() throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", Path.of("target/taskstream.jar").toAbsolutePath().toString()));
            command.addAll(args);
            Path out = Files.createTempFile("taskstream-cli", ".out");
            Path err = Files.createTempFile("taskstream-cli", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", args) + " did not end within 90 s");
            }
            Cli done = new Cli(args, environment, process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            System.out.println("$ java -jar taskstream.jar " + String.join(" ", args) + "   (exit " + done.exit + ")\n"
                    + done.out + done.err);
            return done;
        }

        @Override
        public String toString() {
            return String.join(" ", args) + " → exit " + exit + "\n" + out + err;
        }
    }
}
