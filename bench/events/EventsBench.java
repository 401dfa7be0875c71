import io.taskstream.support.JarProcess;
import io.taskstream.support.KafkaBroker;
import io.taskstream.support.LatencyStats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Event backbone benchmark (issue: commit → Kafka → consumer effect latency, relay throughput).
 *
 * <ul>
 *   <li>Baseline: Kafka's own producer → consumer round trip (idempotent producer, acks=all, same broker),
 *       at the same rate and count as the app's changes.</li>
 *   <li>App: N task changes through the REST API at a fixed rate; latency of each = audit row written by the
 *       audit consumer (recorded_at) minus the change's outbox row time (created_at, set in the committing
 *       transaction). Both instants come from the app's clock.</li>
 *   <li>Relay throughput: a backlog of M events inserted into the outbox at once; events/s until all are
 *       published to Kafka.</li>
 * </ul>
 * Usage: java -cp <test classpath> EventsBench.java <app jar> <results dir> [changes] [rate/s] [backlog]
 */
public class EventsBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Rows of the stage table: where the app's latency goes. */
    static final List<String> STAGES = new ArrayList<>();
    /** Rows of the time table: p99 per window of the measured run, to tell steady tails from one-off stalls. */
    static final List<String> SERIES = new ArrayList<>();
    static LatencyStats warmupStats;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path results = Path.of(args[1]);
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int backlog = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;

        KafkaBroker kafka = KafkaBroker.shared();
        System.out.println("Kafka broker at " + kafka.bootstrapServers());

        LatencyStats baseline = kafkaRoundTrip(kafka.bootstrapServers(), changes, rate);
        System.out.println("baseline: " + baseline);

        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx1g"));
        // e.g. BENCH_APP_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/app.jfr" to profile the app
        jvmOptions.addAll(List.of(System.getenv().getOrDefault("BENCH_APP_JVM_OPTS", "").split("\\s+")).stream().filter(o -> !o.isBlank()).toList());
        JarProcess app = JarProcess.start(jar, Files.createTempDirectory("events-bench-"), List.of(), jvmOptions,
                Map.of("TASKSTREAM_EVENTS_TRANSPORT", "kafka", "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
        Runtime.getRuntime().addShutdownHook(new Thread(app.process()::destroy));
        try {
            // Generous: on a 2-core machine shared with other builds the app has taken over 2 minutes to start.
            app.awaitReady(Duration.ofSeconds(300));
            String base = app.baseUrl();
            int pgPort = app.embeddedPostgresPort();
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
                // Warm-up: the same load on another account, reported apart. A freshly started JVM compiles its hot
                // paths during its first seconds under load, while the baseline's client has been running for a while.
                int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", Integer.toString(changes)));
                if (warmup > 0) {
                    warmupStats = appLatency(base, db, warmup, rate, false);
                    System.out.println("app warm-up: " + warmupStats);
                }
                // BENCH_PAUSE seconds of quiet between warm-up and measurement (default 0), to tell effects of the
                // warm-up's aftermath from those of the measured load.
                Thread.sleep(Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_PAUSE", "0"))));
                DatabaseWatch database = DatabaseWatch.start("jdbc:postgresql://localhost:" + pgPort + "/postgres");
                LatencyStats appStats = appLatency(base, db, changes, rate, true);
                System.out.println("app: " + appStats);
                SERIES.add("");
                SERIES.add(database.stop());
                String metrics = scrapeStages(base);
                System.out.println(metrics);
                STAGES.add("");
                STAGES.add(metrics);
                double relayRate = relayThroughput(db, backlog);
                System.out.printf(Locale.ROOT, "relay: %.0f events/s%n", relayRate);
                report(results, changes, rate, backlog, baseline, appStats, relayRate);
            }
        } finally {
            app.close();
            kafka.stop();
        }
    }

    /**
     * What the database did while the measured run went on, in seconds from its start (to read beside the
     * windows): which tables (auto)vacuum worked on, sampled every 250 ms from pg_stat_progress_vacuum, and the
     * plan of the relay's read, explained every second with the relay's planner settings.
     */
    static final class DatabaseWatch {
        private static final Pattern NODE = Pattern.compile("^([A-Z][A-Za-z ]+?)(?: using (\\S+))?(?: on \\S+)? \\(actual");
        private static final Pattern BUFFERS = Pattern.compile("^Buffers: shared hit=(\\d+)(?: read=(\\d+))?");

        /** One explained read: its plan's nodes, outermost first, and the pages it touched (-1: not told). */
        private record Read(double at, String plan, long pages) {
        }

        private final Map<String, double[]> vacuums = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        private final List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final long start = System.nanoTime();
        private final Connection db;
        private int ticks;

        private DatabaseWatch(Connection db) {
            this.db = db;
        }

        static DatabaseWatch start(String url) throws Exception {
            Connection db = DriverManager.getConnection(url, "postgres", "");
            // Each sample is one transaction: the relay's planner settings are local to it.
            db.setAutoCommit(false);
            DatabaseWatch watch = new DatabaseWatch(db);
            watch.timer.scheduleAtFixedRate(watch::sample, 0, 250, TimeUnit.MILLISECONDS);
            return watch;
        }

        private void sample() {
            double t = (System.nanoTime() - start) / 1e9;
            try {
                if (ticks++ % 4 == 0) {
                    reads.add(explainRead(t));
                }
                try (Statement s = db.createStatement();
                     ResultSet rs = s.executeQuery("select p.relid::regclass::text, p.pid from pg_stat_progress_vacuum p")) {
                    while (rs.next()) {
                        vacuums.computeIfAbsent(rs.getString(1) + " (pid " + rs.getInt(2) + ")", k -> new double[] {t, t})[1] = t;
                    }
                }
                db.commit();
            } catch (Exception e) {
                reads.add(new Read(t, e.toString(), -1));
                try {
                    db.rollback();
                } catch (Exception closed) {
                    // the next sample fails and says so
                }
            }
        }

        /** The relay's read (OutboxRelay.READ) with its planner settings (OutboxRelay.LOCK_AND_PLAN). */
        private Read explainRead(double t) throws Exception {
            try (Statement s = db.createStatement()) {
                s.execute("select set_config('plan_cache_mode', 'force_custom_plan', true), "
                        + "set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)");
                List<String> nodes = new ArrayList<>();
                long pages = -1;
                try (ResultSet rs = s.executeQuery("explain (analyze, buffers, costs off, timing off) select id, topic, "
                        + "message_key, payload::text as payload, created_at from event_outbox where published_at is null order by id limit 500")) {
                    while (rs.next()) {
                        String line = rs.getString(1).trim().replaceFirst("^-> *", "");
                        Matcher node = NODE.matcher(line);
                        if (node.find()) {
                            nodes.add(node.group(1) + (node.group(2) == null ? "" : " " + node.group(2)));
                        }
                        Matcher buffers = BUFFERS.matcher(line);
                        if (pages < 0 && buffers.find()) {
                            pages = Long.parseLong(buffers.group(1)) + (buffers.group(2) == null ? 0 : Long.parseLong(buffers.group(2)));
                        }
                    }
                }
                return new Read(t, String.join(" > ", nodes), pages);
            }
        }

        String stop() throws Exception {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            db.close();
            StringBuilder out = new StringBuilder("Vacuums seen during the measured run (seconds from its start, sampled every 0.25 s): ");
            if (vacuums.isEmpty()) {
                out.append("none");
            }
            vacuums.forEach((table, span) -> out.append(String.format(Locale.ROOT, "%s %.1f–%.1f; ", table, span[0], span[1])));
            out.append("\n\nThe relay's read, explained every second with the relay's planner settings:\n");
            for (int i = 0; i < reads.size(); ) {
                int j = i;
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                while (j < reads.size() && reads.get(j).plan().equals(reads.get(i).plan())) {
                    min = Math.min(min, reads.get(j).pages());
                    max = Math.max(max, reads.get(j).pages());
                    j++;
                }
                out.append(String.format(Locale.ROOT, "%n- %.0f–%.0f s: %s, %d–%d pages", reads.get(i).at(), reads.get(j - 1).at(),
                        reads.get(i).plan(), min, max));
                i = j;
            }
            return out.append('\n').toString();
        }
    }

    static LatencyStats kafkaRoundTrip(String bootstrap, int count, int rate) throws Exception {
        String topic = "bench-baseline-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(count);
        CountDownLatch assigned = new CountDownLatch(1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, "warmup", "0")).get();
            Thread reader = Thread.ofPlatform().start(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
                    consumer.subscribe(List.of(topic));
                    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                    while (done.getCount() > 0 && System.nanoTime() < deadline) {
                        consumer.poll(Duration.ofMillis(20)).forEach(r -> {
                            if (!"warmup".equals(r.key())) {
                                latencies.add((System.nanoTime() - Long.parseLong(r.value())) / 1e6);
                                done.countDown();
                            }
                        });
                        if (!consumer.assignment().isEmpty()) {
                            assigned.countDown();
                        }
                    }
                }
            });
            assigned.await(60, TimeUnit.SECONDS);
            Thread.sleep(500);
            paced(count, rate, i -> producer.send(new ProducerRecord<>(topic, "user-" + (i % 50), Long.toString(System.nanoTime()))));
            done.await(120, TimeUnit.SECONDS);
            reader.join(5000);
        }
        return LatencyStats.of(latencies);
    }

    static LatencyStats appLatency(String base, Connection db, int count, int rate, boolean measured) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String signup = post(base + "/api/auth/signup", null,
                "{\"email\":\"" + email + "\",\"password\":\"bench-password\",\"name\":\"Bench\",\"timeZone\":\"UTC\"}");
        String user = field(signup, "userId");
        String token = field(signup, "token");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(field(post(base + "/api/" + user + "/tasks", token, "{\"title\":\"Bench task " + i + "\"}"), "id"));
        }
        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
        paced(count, rate, i -> {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/" + user + "/tasks/" + ids.get(i % ids.size())))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"change " + i + "\"}"))
                    .build();
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        if (e != null || r.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    });
        });
        int expected = count + ids.size();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && countAudit(db, user) < expected) {
            Thread.sleep(200);
        }
        if (failures.get() > 0) {
            System.out.println("WARNING: " + failures.get() + " requests failed");
        }
        List<Double> latencies = new ArrayList<>();
        List<Double> offsets = new ArrayList<>();
        List<Double> relayLag = new ArrayList<>();
        List<Double> delivery = new ArrayList<>();
        List<Double> apply = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select extract(epoch from (a.recorded_at - o.created_at)) * 1000, "
                     + "extract(epoch from (o.published_at - o.created_at)) * 1000, "
                     + "extract(epoch from (c.consumed_at - o.published_at)) * 1000, "
                     + "extract(epoch from (a.recorded_at - c.consumed_at)) * 1000, "
                     + "extract(epoch from (o.created_at - min(o.created_at) over ())) "
                     + "from audit_entry a join event_outbox o on o.event_id = a.event_id "
                     + "join consumed_event c on c.event_id = a.event_id and c.consumer = 'audit' "
                     + "where a.user_id = '" + user + "' and a.event_type = 'updated'")) {
            while (rs.next()) {
                latencies.add(rs.getDouble(1));
                relayLag.add(rs.getDouble(2));
                delivery.add(rs.getDouble(3));
                apply.add(rs.getDouble(4));
                offsets.add(rs.getDouble(5));
            }
        }
        if (!measured) {
            return LatencyStats.of(latencies);
        }
        int window = 5;
        int windows = (int) (offsets.stream().mapToDouble(Double::doubleValue).max().orElse(0) / window) + 1;
        for (int w = 0; w < windows; w++) {
            List<Double> in = new ArrayList<>();
            List<Double> inRelay = new ArrayList<>();
            List<Double> inDelivery = new ArrayList<>();
            for (int k = 0; k < offsets.size(); k++) {
                if ((int) (offsets.get(k) / window) == w) {
                    in.add(latencies.get(k));
                    inRelay.add(relayLag.get(k));
                    inDelivery.add(delivery.get(k));
                }
            }
            LatencyStats ws = LatencyStats.of(in);
            LatencyStats wr = LatencyStats.of(inRelay);
            LatencyStats wd = LatencyStats.of(inDelivery);
            SERIES.add(String.format(Locale.ROOT, "| %d–%d | %d | %.1f | %.1f | %.1f | %.1f / %.1f | %.1f / %.1f |", w * window,
                    (w + 1) * window, ws.n(), ws.p50(), ws.p99(), ws.max(), wr.p50(), wr.p99(), wd.p50(), wd.p99()));
        }
        STAGES.add(row("outbox insert → marked published (relay; the mark overlaps the wait for Kafka's acknowledgement)", LatencyStats.of(relayLag)));
        STAGES.add(row("marked → audit consumer's transaction begins (broker, fetch, poll loop, queueing)", LatencyStats.of(delivery)));
        STAGES.add(row("consumer transaction begins → audit row (apply)", LatencyStats.of(apply)));
        STAGES.forEach(System.out::println);
        return LatencyStats.of(latencies);
    }

    static String row(String stage, LatencyStats stats) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |", stage, stats.p50(), stats.p99(), stats.max());
    }

    /** The relay's round stages, connection-pool waits and GC pauses from the app's Prometheus endpoint. */
    static String scrapeStages(String base) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder out = new StringBuilder("App metrics after the latency run (seconds):\n\n```\n");
        text.lines().filter(l -> !l.startsWith("#"))
                .filter(l -> l.startsWith("taskstream_outbox_round_seconds") || l.startsWith("taskstream_outbox_lag_seconds")
                        || l.startsWith("hikaricp_connections_acquire_seconds_max") || l.startsWith("hikaricp_connections_pending")
                        || l.startsWith("jvm_gc_pause_seconds"))
                .map(l -> l.replaceAll(",?application=\"taskstream\"", "").replace("{,", "{"))
                .forEach(l -> out.append(l).append('\n'));
        return out.append("```\n").toString();
    }

    static long countAudit(Connection db, String user) throws Exception {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from audit_entry where user_id = '" + user + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double relayThroughput(Connection db, int backlog) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("select 1");
            long start = System.nanoTime();
            s.executeUpdate("insert into event_outbox (event_id, topic, message_key, event_type, payload, created_at) "
                    + "select gen_random_uuid(), 'task-updates', o.message_key, o.event_type, "
                    + "jsonb_set(o.payload::jsonb, '{id}', to_jsonb(gen_random_uuid()::text))::json, now() "
                    + "from generate_series(1, " + backlog + ") g, "
                    + "(select * from event_outbox where topic = 'task-updates' limit 1) o");
            long inserted = System.nanoTime();
            while (true) {
                try (ResultSet rs = s.executeQuery("select count(*) from event_outbox where published_at is null")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - inserted) / 1e9;
            System.out.printf(Locale.ROOT, "backlog of %d inserted in %.2f s, published in %.2f s%n", backlog,
                    (inserted - start) / 1e9, seconds);
            return backlog / seconds;
        }
    }

    interface Step {
        void run(int i) throws Exception;
    }

    static void paced(int count, int rate, Step step) throws Exception {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            step.run(i);
        }
    }

    static String post(String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void report(Path dir, int changes, int rate, int backlog, LatencyStats baseline, LatencyStats app, double relay) throws IOException {
        double added = app.p99() - baseline.p99();
        String table = String.format(Locale.ROOT, """
                | measure | p50 ms | p99 ms | max ms | n |
                |---|---|---|---|---|
                | Kafka producer → consumer (baseline) | %.1f | %.1f | %.1f | %d |
                | commit → Kafka → audit row (app) | %.1f | %.1f | %.1f | %d |
                | (app warm-up on a fresh JVM, same load, another account: not counted) | %s |

                p99 added over the baseline: **%.1f ms** (target < 50 ms): %s
                relay throughput: **%.0f events/s** over a backlog of %d (target ≥ 2,000): %s
                load average (1/5/15 min) at the end: %s

                Where the app's latency goes (per event, from the rows' timestamps):

                | stage | p50 ms | p99 ms | max ms |
                |---|---|---|---|
                %s

                Over time (changes by commit time, in 5-second windows of the measured run):

                | seconds | n | p50 ms | p99 ms | max ms | relay p50 / p99 | delivery p50 / p99 |
                |---|---|---|---|---|---|---|
                %s
                """, baseline.p50(), baseline.p99(), baseline.max(), baseline.n(), app.p50(), app.p99(), app.max(), app.n(),
                warmupStats == null ? "– | – | – | 0" : String.format(Locale.ROOT, "%.1f | %.1f | %.1f | %d",
                        warmupStats.p50(), warmupStats.p99(), warmupStats.max(), warmupStats.n()),
                added, added < 50 ? "met" : "NOT met", relay, backlog, relay >= 2000 ? "met" : "NOT met", loadAverage(),
                String.join("\n", STAGES), String.join("\n", SERIES));
        System.out.println();
        System.out.println(table);
        Files.createDirectories(dir);
        String header = "# Event backbone benchmark, " + LocalDate.now() + "\n\n" + changes + " changes at " + rate
                + "/s through the REST API (Kafka transport, embedded PostgreSQL, one broker, all roles in one JVM), "
                + "2-core machine.\n\n";
        String label = System.getenv().getOrDefault("BENCH_LABEL", "");
        String reportName = "events-" + LocalDate.now() + (label.isBlank() ? "" : "-" + label) + ".md";
        Files.writeString(dir.resolve(reportName), header + table);
        // One line per run in the benchmark's history; the report above is replaced by the next run of the same day.
        appendHistory(dir.resolve("events-history.tsv"),
                "date\tcommit\tload_at_end\tchanges\trate_per_s\tkafka_p99_ms\tapp_p99_ms\tp99_added_ms\trelay_events_per_s\treport",
                String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.0f\t%s",
                        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        System.getenv().getOrDefault("BENCH_COMMIT", "?"), loadAverage().split(" ")[0], changes, rate,
                        baseline.p99(), app.p99(), added, relay, reportName));
        Files.writeString(dir.resolve("events-latest.json"), String.format(Locale.ROOT,
                "{\"date\":\"%s\",\"changes\":%d,\"ratePerSecond\":%d,\"baseline\":%s,\"app\":%s,\"p99AddedMs\":%.1f,"
                        + "\"relayEventsPerSecond\":%.0f,\"backlog\":%d}%n",
                LocalDate.now(), changes, rate, baseline.json(), app.json(), added, relay, backlog));
    }

    /** Appends one tab-separated line to a history file, writing the header first when the file is new. */
    static void appendHistory(Path history, String header, String line) throws IOException {
        if (!Files.exists(history)) {
            Files.writeString(history, header + "\n");
        }
        Files.writeString(history, line + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
