import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver of bench/reminders/run.sh (not a test): creates the reminders through both instances' API,
 * waits for them to fire, reads lateness from reminder_firing, then runs the db-scheduler baseline.
 * Arguments: baseUrlA baseUrlB jdbcUrl count mode(spread|burst) resultsDir
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String loadAtStart = "unknown";

    public static void main(String[] args) throws Exception {
        loadAtStart = loadAverage();
        String a = args[0], b = args[1], jdbc = args[2];
        int count = Integer.parseInt(args[3]);
        String mode = args[4];
        Path results = Path.of(args[5]);
        try (HikariDataSource db = pool(jdbc, 4)) {
            Map<String, Object> app = appScenario(a, b, db, count, mode);
            Map<String, Object> baseline = baseline(db, count, mode);
            write(results, count, mode, app, baseline);
        }
    }

    // ---- the app: reminders created through the API of both instances, fired by both schedulers ----

    static Map<String, Object> appScenario(String a, String b, HikariDataSource db, int count, String mode) throws Exception {
        List<String[]> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(signup(a));
        }
        // creating must end before the minute, or early reminders are not scheduled: LEAD_SECONDS when the machine is busy
        long lead = System.getenv("LEAD_SECONDS") != null ? Long.parseLong(System.getenv("LEAD_SECONDS")) : Math.max(60, count / 60);
        Instant minute = nextMinute(Duration.ofSeconds(lead));
        System.out.printf("app: creating %d reminders due in the minute from %s (%s)%n", count, minute, mode);
        long firstTask = Long.MAX_VALUE;
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(16);
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                inFlight.acquire();
                executor.submit(() -> {
                    try {
                        String[] user = users.get(n % users.size());
                        String base = n % 2 == 0 ? a : b;
                        Instant at = remindAt(minute, n, count, mode);
                        String body = "{\"title\":\"Bench " + n + "\",\"dueAt\":\"" + minute.plus(Duration.ofHours(1))
                                + "\",\"reminders\":[{\"at\":\"" + at + "\"}]}";
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/" + user[0] + "/tasks"))
                                .header("Authorization", "Bearer " + user[1]).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            failures.incrementAndGet();
                        } else {
                            ids.add(Long.parseLong(field(r.body(), "id")));
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        System.out.printf("app: created %d tasks in %.1f s (%d failed)%n", ids.size(),
                (System.nanoTime() - started) / 1e9, failures.get());
        if (Instant.now().isAfter(minute)) {
            System.out.println("WARNING: creation overran the minute's start; early reminders were not scheduled");
        }
        firstTask = ids.stream().mapToLong(Long::longValue).min().orElse(0);
        long lastTask = ids.stream().mapToLong(Long::longValue).max().orElse(0);
        String range = " task_id between " + firstTask + " and " + lastTask;
        Instant deadline = minute.plusSeconds(60 + 180);
        long fired = 0;
        while (Instant.now().isBefore(deadline)) {
            fired = scalar(db, "select count(*) from reminder_firing where" + range);
            if (fired >= ids.size() && Instant.now().isAfter(minute.plusSeconds(61))) {
                break;
            }
            Thread.sleep(1000);
        }
        Thread.sleep(3000); // let stragglers (duplicates, if any) show
        double[] lateness = doubles(db, "select extract(epoch from fired_at - remind_at) * 1000 from reminder_firing where"
                + range + " order by 1");
        long duplicateFirings = scalar(db, "select count(*) - count(distinct (reminder_id, remind_at)) from reminder_firing where" + range);
        long events = scalar(db, "select count(*) from event_outbox where topic = 'reminders' and (payload->>'subject')::bigint between "
                + firstTask + " and " + lastTask);
        long distinctEvents = scalar(db, "select count(distinct payload->'data'->>'reminderId') from event_outbox where topic = 'reminders' "
                + "and (payload->>'subject')::bigint between " + firstTask + " and " + lastTask);
        long notifications = scalar(db, "select count(*) from notification where task_id between " + firstTask + " and " + lastTask);
        long late = scalar(db, "select count(*) from reminder_firing where late and" + range);
        Map<String, Object> r = stats(lateness);
        r.put("scheduled", ids.size());
        r.put("createFailures", failures.get());
        r.put("fired", lateness.length);
        r.put("misses", ids.size() - lateness.length);
        r.put("duplicateFirings", duplicateFirings);
        r.put("reminderEvents", events);
        r.put("duplicateReminderEvents", events - distinctEvents);
        r.put("inAppNotifications", notifications);
        r.put("markedLate", late);
        r.put("minute", minute.toString());
        System.out.println("app: " + r);
        return r;
    }

    // ---- the baseline: db-scheduler alone, same settings, no-op task, two schedulers, same database ----

    static Map<String, Object> baseline(HikariDataSource db, int count, String mode) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_scheduled_tasks");
            s.execute("create table bench_scheduled_tasks (like scheduled_tasks including all)");
        }
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Double> lateness = new ConcurrentLinkedQueue<>();
        OneTimeTask<Void> noop = Tasks.oneTime("bench-noop").execute((instance, context) -> {
            lateness.add(Duration.between(context.getExecution().executionTime, Instant.now()).toNanos() / 1e6);
            runs.merge(instance.getId(), 1, Integer::sum);
        });
        try (HikariDataSource one = pool(db.getJdbcUrl(), 12); HikariDataSource two = pool(db.getJdbcUrl(), 12)) {
            Scheduler first = scheduler(one, noop);
            Scheduler second = scheduler(two, noop);
            Instant minute = nextMinute(Duration.ofSeconds(20));
            System.out.printf("baseline: scheduling %d no-op executions due in the minute from %s%n", count, minute);
            List<com.github.kagkarlsson.scheduler.task.SchedulableInstance<?>> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(com.github.kagkarlsson.scheduler.task.SchedulableInstance.of(noop.instance("noop-" + i),
                        remindAt(minute, i, count, mode)));
            }
            first.scheduleBatch(batch);
            first.start();
            second.start();
            Instant deadline = minute.plusSeconds(60 + 120);
            while (runs.size() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            Thread.sleep(3000);
            first.stop();
            second.stop();
        }
        double[] values = lateness.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Object> r = stats(values);
        r.put("scheduled", count);
        r.put("executed", runs.size());
        r.put("misses", count - runs.size());
        r.put("duplicates", runs.values().stream().filter(n -> n > 1).count());
        System.out.println("baseline: " + r);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_scheduled_tasks");
        }
        return r;
    }

    static Scheduler scheduler(HikariDataSource ds, OneTimeTask<Void> task) {
        return Scheduler.create(ds, task)
                .tableName("bench_scheduled_tasks")
                .threads(8)
                .pollingInterval(Duration.ofMillis(100))
                .pollUsingLockAndFetch(1.0, 4.0)
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
                .enablePriority()
                .registerShutdownHook()
                .build();
    }

    // ---- helpers ----

    static Instant remindAt(Instant minute, int n, int count, String mode) {
        return mode.equals("burst") ? minute : minute.plusMillis(60_000L * n / count);
    }

    static Instant nextMinute(Duration lead) {
        return Instant.now().plus(lead).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    }

    static Map<String, Object> stats(double[] sorted) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("p50Ms", percentile(sorted, 0.50));
        r.put("p99Ms", percentile(sorted, 0.99));
        r.put("maxMs", sorted.length == 0 ? null : round(sorted[sorted.length - 1]));
        r.put("minMs", sorted.length == 0 ? null : round(sorted[0]));
        return r;
    }

    static Double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    static String[] signup(String base) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"bench-password-123\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("signup failed: " + r.statusCode() + " " + r.body());
        }
        return new String[] {field(r.body(), "userId"), field(r.body(), "token")};
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    static long scalar(HikariDataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double[] doubles(HikariDataSource db, String sql) throws Exception {
        List<Double> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getDouble(1));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static void write(Path dir, int count, String mode, Map<String, Object> app, Map<String, Object> baseline) throws Exception {
        String date = LocalDate.now().toString();
        String batch = System.getenv().getOrDefault("FIRE_BATCH_SIZE", "500");
        String suffix = (mode.equals("spread") ? "" : "-" + mode) + (batch.equals("500") ? "" : "-batch-" + batch);
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{\n  \"date\": \"" + Instant.now() + "\",\n  \"fireBatchSize\": " + batch
                + ",\n  \"loadAverageAtStart\": \"" + loadAtStart + "\",\n  \"count\": " + count
                + ",\n  \"mode\": \"" + mode + "\",\n  \"machine\": \"" + Runtime.getRuntime().availableProcessors()
                + " cores\",\n  \"app\": " + toJson(app) + ",\n  \"baseline\": " + toJson(baseline) + "\n}\n");
        Files.writeString(dir.resolve("reminders-" + date + suffix + ".json"), json);
        String md = String.format(Locale.ROOT, """
                # Reminder firing benchmark, %s

                %d reminders due in one minute (%s), two app instances on one PostgreSQL (A: all roles with its
                embedded PostgreSQL 18; B: api + reminders on A's database), %d cores. Lateness = firedAt - remindAt as
                the app records it (reminder_firing). Created through both instances' REST API (scheduling happens in
                the transaction of each task change). Driver: `bench/reminders/run.sh %d %s`.

                | | scheduled | fired | misses | duplicates | p50 | p99 | max |
                |---|---|---|---|---|---|---|---|
                | app (2 instances, full firing path, fire-batch-size %s) | %s | %s | %s | %s | %s ms | %s ms | %s ms |
                | baseline: db-scheduler alone, no-op task, 2 schedulers, same settings | %s | %s | %s | %s | %s ms | %s ms | %s ms |

                App details: %s reminders events in the outbox (%s duplicates), %s in-app notifications, %s marked late,
                %s create failures.

                The baseline is db-scheduler 16 without our code: the same polling (100 ms, lock-and-fetch, 8 threads
                per scheduler) on the same database and the same due times, executing a no-op, one execution per
                reminder; what it adds is the floor of per-execution scheduler lateness on this machine. The app fires
                in bulk (`taskstream.reminders.fire-batch-size`, default 500: each executed reminder claims the other
                due, unpicked executions and fires them in one transaction), so in a burst it can beat that floor.
                Load average when the run started: %s (the machine is shared with other builds).
                """, date, count, mode.equals("spread") ? "spread evenly over the minute" : "all at the minute's first instant",
                Runtime.getRuntime().availableProcessors(), count, mode, batch,
                app.get("scheduled"), app.get("fired"), app.get("misses"), app.get("duplicateFirings"), app.get("p50Ms"),
                app.get("p99Ms"), app.get("maxMs"),
                baseline.get("scheduled"), baseline.get("executed"), baseline.get("misses"), baseline.get("duplicates"),
                baseline.get("p50Ms"), baseline.get("p99Ms"), baseline.get("maxMs"),
                app.get("reminderEvents"), app.get("duplicateReminderEvents"), app.get("inAppNotifications"),
                app.get("markedLate"), app.get("createFailures"), loadAtStart);
        Files.writeString(dir.resolve("reminders-" + date + suffix + ".md"), md);
        // One line per run in the benchmark's history; the report above is replaced by the next run of the same day.
        Path history = dir.resolve("reminders-history.tsv");
        if (!Files.exists(history)) {
            Files.writeString(history, "date\tcommit\tload_at_start\tmode\tcount\tfire_batch_size\tapp_p50_ms\tapp_p99_ms\t"
                    + "db_scheduler_alone_p99_ms\tmisses\tduplicates\treport\n");
        }
        Files.writeString(history, String.join("\t", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                System.getenv().getOrDefault("BENCH_COMMIT", "?"), loadAtStart.split(" ")[0], mode, String.valueOf(count), batch,
                String.valueOf(app.get("p50Ms")), String.valueOf(app.get("p99Ms")), String.valueOf(baseline.get("p99Ms")),
                String.valueOf(app.get("misses")), String.valueOf(app.get("duplicateFirings")),
                "reminders-" + date + suffix + ".md") + "\n", java.nio.file.StandardOpenOption.APPEND);
        System.out.println(md);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static String toJson(Map<String, Object> map) {
        StringBuilder sb = new StringBuilder("{");
        map.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                .append(v instanceof String ? "\"" + v + "\"" : String.valueOf(v)));
        return sb.append('}').toString();
    }
}
