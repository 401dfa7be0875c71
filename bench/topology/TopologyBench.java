import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.JarProcess;
import io.taskstream.support.LatencyStats;
import io.taskstream.support.LocalTopology;
import io.taskstream.support.TaskJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
 * The multi-process topology (deploy/local/topology.sh, Kafka transport, two reminders processes) against
 * all roles in one JVM (embedded transport), same jar, same machine, same run:
 * <ul>
 *   <li>recurrence: completing a recurring task via api → the next occurrence readable via api (polling its
 *       series every 2 ms), one completion at a time; split by the database's timestamps into commit → relay
 *       published → next occurrence committed → seen;</li>
 *   <li>reminders: lateness of firing (fired_at − remind_at) and of in-app delivery (notification created_at −
 *       remind_at), none missed, none doubled, and which reminders process fired how many;</li>
 *   <li>Kafka's own producer → consumer round trip on the same broker (the transport's floor).</li>
 * </ul>
 * Usage: java -cp <test classpath> TopologyBench.java <repo> <jar> <results dir> <work dir> [completions] [reminders]
 */
public class TopologyBench {

    static final int WARMUP = 100;

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        Path results = Path.of(args[2]).toAbsolutePath();
        Path work = Path.of(args[3]).toAbsolutePath();
        int completions = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int reminders = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        String javaOpts = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "-Xshare:auto -XX:+UseSerialGC -Xms128m -Xmx384m");
        String loadBefore = loadAverage();
        Map<String, Object> report = new LinkedHashMap<>();

        System.out.println("== multi-process topology (Kafka, 2 reminders processes)");
        Map<String, String> env = new HashMap<>();
        env.put("TOPOLOGY_JAVA_OPTS", javaOpts);
        Instant started = Instant.now();
        try (LocalTopology topology = LocalTopology.up(repo, jar, work.resolve("topology"), 2, env)) {
            System.out.printf("topology up in %d s%n", Duration.between(started, Instant.now()).toSeconds());
            report.put("kafkaRoundTrip", kafkaRoundTrip(topology.kafkaBootstrapServers(), completions).json());
            try (Connection db = topology.database()) {
                report.put("topologyRecurrence", recurrence(topology.api(), db, completions));
                Map<String, Object> fired = reminders(topology.api(), db, reminders);
                Map<String, Double> byProcess = new LinkedHashMap<>();
                for (String process : List.of("reminders", "reminders-2")) {
                    byProcess.put(process, topology.metrics(process).value("taskstream_reminders_lateness_seconds_count"));
                }
                fired.put("firedByProcess", byProcess);
                System.out.println("fired by process: " + byProcess);
                report.put("topologyReminders", fired);
            }
        }

        System.out.println("== baseline: all roles in one JVM (embedded transport)");
        Path single = work.resolve("single");
        Files.createDirectories(single);
        try (JarProcess app = JarProcess.start(jar, single, List.of(), List.of(javaOpts.split(" ")), Map.of())) {
            app.awaitReady(Duration.ofSeconds(240));
            HttpApi api = new HttpApi(app.port());
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.embeddedPostgresPort()
                    + "/postgres", "postgres", "")) {
                report.put("singleRecurrence", recurrence(api, db, completions));
                report.put("singleReminders", reminders(api, db, reminders));
            }
        }
        report.put("loadAverageBefore", loadBefore);
        report.put("loadAverageAfter", loadAverage());
        report.put("settings", overrides());
        write(results, report, completions, reminders, javaOpts);
    }

    /** One completion at a time: PATCH complete, then poll the series until the next occurrence shows. */
    static Map<String, Object> recurrence(HttpApi api, Connection db, int count) throws Exception {
        Session user = api.signup("UTC");
        HttpApi as = api.as(user);
        String due = LocalDate.now().plusDays(2) + "T09:00:00Z";
        List<Double> latencies = new ArrayList<>();
        Map<Long, Instant> seenAt = new HashMap<>();
        for (int i = 0; i < WARMUP + count; i++) {
            long id = as.post(user.tasks(), TaskJson.task("series " + i).due(due).recurrence("FREQ=DAILY").json())
                    .json().get("id").asLong();
            long start = System.nanoTime();
            HttpApi.Response done = as.send(user.complete(id), "PATCH", "application/json", "{\"completed\":true}");
            if (done.status() != 200) {
                throw new IllegalStateException("complete: " + done);
            }
            long deadline = start + Duration.ofSeconds(30).toNanos();
            while (as.get(user.task(id) + "/series").json().size() < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no next occurrence of task " + id + " after 30 s");
                }
                Thread.sleep(2);
            }
            if (i >= WARMUP) {
                latencies.add((System.nanoTime() - start) / 1e6);
                seenAt.put(id, Instant.now());
            }
        }
        LatencyStats total = LatencyStats.of(latencies);
        // Where the time went, from the database's own timestamps (one machine, one clock).
        List<Double> relay = new ArrayList<>();
        List<Double> consume = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select t.id, o.created_at, o.published_at, n.created_at "
                + "from task t join task n on n.spawned_from = t.id join event_outbox o on o.topic = 'task-events' "
                + "and o.event_type = 'taskstream.task.completed' and (o.payload -> 'data' ->> 'taskId')::bigint = t.id "
                + "where t.user_id = ?")) {
            s.setObject(1, UUID.fromString(user.userId()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant seen = seenAt.get(rs.getLong(1));
                    if (seen == null) {
                        continue;
                    }
                    Instant committed = rs.getTimestamp(2).toInstant();
                    Instant published = rs.getTimestamp(3).toInstant();
                    Instant next = rs.getTimestamp(4).toInstant();
                    relay.add(millis(committed, published));
                    consume.add(millis(published, next));
                    read.add(millis(next, seen));
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("completeToReadable", total.json());
        result.put("commitToPublished", LatencyStats.of(relay).json());
        result.put("publishedToNextCommitted", LatencyStats.of(consume).json());
        result.put("nextCommittedToSeen", LatencyStats.of(read).json());
        // A relay woken by the api's commit that finds another process's relay holding the lock skips its round
        // and waits a whole poll interval (250 ms): those show up here.
        long slowRelays = relay.stream().filter(ms -> ms >= 200).count();
        result.put("relayRoundsOver200ms", slowRelays);
        System.out.printf(Locale.ROOT, "complete → readable: %s | commit → published %s | → next committed %s | → seen %s"
                + " | relay ≥ 200 ms: %d%n", total, LatencyStats.of(relay), LatencyStats.of(consume), LatencyStats.of(read), slowRelays);
        return result;
    }

    /** Reminders at 10 per second over count/10 seconds, starting 15 s from now; every one must arrive once. */
    static Map<String, Object> reminders(HttpApi api, Connection db, int count) throws Exception {
        Session user = api.signup("UTC");
        HttpApi as = api.as(user);
        Instant first = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            Instant at = first.plusMillis(100L * i);
            int status = as.post(user.tasks(), TaskJson.task("remind " + i).due(first.plus(1, ChronoUnit.DAYS).toString())
                    .remindAt(at.toString()).json()).status();
            if (status != 201) {
                throw new IllegalStateException("create: " + status);
            }
        }
        if (Instant.now().isAfter(first)) {
            System.out.println("warning: creating the reminders took longer than 15 s; the first ones were late already");
        }
        Instant last = first.plusMillis(100L * (count - 1));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), last).toMillis()) + 5_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (countOf(db, "select count(*) from notification where user_id = ?", user) < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000); // a doubled one would have arrived by now
        List<Double> firing = new ArrayList<>();
        List<Double> delivery = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select remind_at, fired_at, created_at from notification where user_id = ?")) {
            s.setObject(1, UUID.fromString(user.userId()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant planned = rs.getTimestamp(1).toInstant();
                    firing.add(millis(planned, rs.getTimestamp(2).toInstant()));
                    delivery.add(millis(planned, rs.getTimestamp(3).toInstant()));
                }
            }
        }
        long firings = countOf(db, "select count(*) from reminder_firing where user_id = ?", user);
        long distinct = countOf(db, "select count(distinct task_id) from notification where user_id = ?", user);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("planned", count);
        result.put("notifications", firing.size());
        result.put("firings", firings);
        result.put("distinctTasksNotified", distinct);
        result.put("missed", count - distinct);
        result.put("doubled", firing.size() - distinct);
        result.put("firingLateness", LatencyStats.of(firing).json());
        result.put("deliveryLateness", LatencyStats.of(delivery).json());
        System.out.printf(Locale.ROOT, "reminders: %d planned, %d notified (%d distinct, %d firings); firing lateness %s; "
                + "delivery lateness %s%n", count, firing.size(), distinct, firings, LatencyStats.of(firing), LatencyStats.of(delivery));
        return result;
    }

    /** Kafka's own floor: one record at a time, idempotent producer with acks=all → consumer, same broker. */
    static LatencyStats kafkaRoundTrip(String bootstrap, int count) throws Exception {
        String topic = "bench-round-trip-" + UUID.randomUUID();
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
        List<Double> latencies = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p); KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            producer.send(new ProducerRecord<>(topic, "k", "create")).get();
            consumer.subscribe(List.of(topic));
            while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                // wait for the assignment and the first record
            }
            for (int i = 0; i < WARMUP + count; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", Integer.toString(i))).get();
                boolean got = false;
                while (!got) {
                    got = !consumer.poll(Duration.ofMillis(100)).isEmpty();
                }
                if (i >= WARMUP) {
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        LatencyStats stats = LatencyStats.of(latencies);
        System.out.println("Kafka producer → consumer: " + stats);
        return stats;
    }

    static long countOf(Connection db, String sql, Session user) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(user.userId()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @SuppressWarnings("unchecked")
    static void write(Path dir, Map<String, Object> report, int completions, int reminders, String javaOpts) throws IOException {
        Files.createDirectories(dir);
        String date = LocalDate.now().toString();
        String label = System.getenv().getOrDefault("BENCH_LABEL", "");
        String name = "topology-" + date + (label.isBlank() ? "" : "-" + label);
        Files.writeString(dir.resolve(name + ".json"), toJson(report) + "\n");
        Map<String, Object> tr = (Map<String, Object>) report.get("topologyRecurrence");
        Map<String, Object> sr = (Map<String, Object>) report.get("singleRecurrence");
        Map<String, Object> tm = (Map<String, Object>) report.get("topologyReminders");
        Map<String, Object> sm = (Map<String, Object>) report.get("singleReminders");
        StringBuilder md = new StringBuilder();
        md.append("# Topology benchmark, ").append(date).append("\n\n")
                .append("Same jar, same machine, same run. **Topology**: `deploy/local/topology.sh` — PostgreSQL, one Kafka broker ")
                .append("and api, recurrence, notifier, audit and two reminders processes, each its own JVM (`")
                .append(javaOpts).append("`), Kafka transport. **Single**: every role in one JVM with the embedded ")
                .append("transport and its own embedded PostgreSQL. 2-core machine; load average before `")
                .append(report.get("loadAverageBefore")).append("`, after `").append(report.get("loadAverageAfter"))
                .append("` (other processes were using the machine when these are well above 2).")
                .append(overrides().isEmpty() ? "" : " Settings given to every app process: `" + overrides() + "`.")
                .append("\n\n")
                .append("## Completing a recurring task → next occurrence readable via api\n\n")
                .append(completions).append(" completions, one at a time, after ").append(WARMUP)
                .append(" warm-up ones; \"seen\" = the api returned the next occurrence (series polled every 2 ms).\n\n")
                .append("| measure (ms) | topology p50 | topology p99 | single p50 | single p99 |\n|---|---|---|---|---|\n");
        for (String key : List.of("completeToReadable", "commitToPublished", "publishedToNextCommitted", "nextCommittedToSeen")) {
            LatencyStats t = LatencyStats.parse((String) tr.get(key));
            LatencyStats s = LatencyStats.parse((String) sr.get(key));
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", key, t.p50(), t.p99(), s.p50(), s.p99()));
        }
        LatencyStats total = LatencyStats.parse((String) tr.get("completeToReadable"));
        md.append(String.format(Locale.ROOT, "%nCompletions whose commit → published took ≥ 200 ms: topology %s, single %s. "
                + "(With the embedded transport the relay marks a batch published after the in-process consumers ran, "
                + "so \"published → next committed\" is negative there.)%n", tr.get("relayRoundsOver200ms"),
                sr.get("relayRoundsOver200ms")));
        md.append(String.format(Locale.ROOT, "%nTopology p99 %.1f ms: target < 100 ms %s. Kafka's own round trip on the same broker: %s.%n%n",
                total.p99(), total.p99() < 100 ? "**met**" : "**NOT met**", LatencyStats.parse((String) report.get("kafkaRoundTrip"))));
        md.append("## Reminder lateness\n\n").append(reminders)
                .append(" reminders, 10 per second. Firing = `fired_at − remind_at` (reminders process); delivery = ")
                .append("in-app notification written by the notifier − `remind_at`.\n\n")
                .append("| | planned | notified | missed | doubled | firing p50 / p99 ms | delivery p50 / p99 ms |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, Object>> row : List.of(Map.entry("topology (2 reminders processes)", tm),
                Map.entry("single", sm))) {
            Map<String, Object> r = row.getValue();
            LatencyStats f = LatencyStats.parse((String) r.get("firingLateness"));
            LatencyStats d = LatencyStats.parse((String) r.get("deliveryLateness"));
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f / %.1f | %.1f / %.1f |%n", row.getKey(),
                    r.get("planned"), r.get("notifications"), r.get("missed"), r.get("doubled"), f.p50(), f.p99(), d.p50(), d.p99()));
        }
        md.append("\nFired per reminders process (their own metrics): ").append(tm.get("firedByProcess")).append(".\n");
        Files.writeString(dir.resolve(name + ".md"), md.toString());
        // One line per run in the benchmark's history; the report above is replaced by the next run of the same day.
        Path history = dir.resolve("topology-history.tsv");
        if (!Files.exists(history)) {
            Files.writeString(history, "date\tcommit\tload_before\ttopology_complete_to_readable_p99_ms\t"
                    + "single_jvm_complete_to_readable_p99_ms\tkafka_p99_ms\treminder_firing_p99_ms\treminder_delivery_p99_ms\t"
                    + "missed\tdoubled\treport\n");
        }
        Files.writeString(history, String.format(Locale.ROOT, "%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), System.getenv().getOrDefault("BENCH_COMMIT", "?"),
                String.valueOf(report.get("loadAverageBefore")).split(" ")[0], total.p99(),
                LatencyStats.parse((String) sr.get("completeToReadable")).p99(),
                LatencyStats.parse((String) report.get("kafkaRoundTrip")).p99(),
                LatencyStats.parse((String) tm.get("firingLateness")).p99(), LatencyStats.parse((String) tm.get("deliveryLateness")).p99(),
                tm.get("missed"), tm.get("doubled"), name + ".md"), java.nio.file.StandardOpenOption.APPEND);
        System.out.println();
        System.out.println(md);
    }

    /** The application settings this run overrode through the environment (TASKSTREAM_*, SPRING_*). */
    static String overrides() {
        return System.getenv().entrySet().stream()
                .filter(e -> e.getKey().startsWith("TASKSTREAM_") || e.getKey().startsWith("SPRING_"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(java.util.stream.Collectors.joining(" "));
    }

    static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            map.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(toJson(v)));
            return b.append('}').toString();
        }
        if (value instanceof String s) {
            return s.startsWith("{") ? s : "\"" + s.replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(value);
    }
}
