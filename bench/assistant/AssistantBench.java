import io.taskstream.TaskstreamApplication;
import io.taskstream.assistant.parse.QuickAddParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assistant benchmark (a script, not a test; see run.sh). Two measurements, each with a baseline in the
 * same run:
 *   1. offline parse: every phrase of parser-cases.json parsed 1,000 times (after warm-up), per-call
 *      latency and throughput, against a trivial String.split tokenisation of the same phrases;
 *   2. chat round trip with the offline engine over HTTP on the app's real (embedded) PostgreSQL,
 *      against an authenticated GET /tasks round trip.
 * Usage: java -cp <app classpath> AssistantBench.java <parser-cases.json> <work dir> <results dir>
 */
public class AssistantBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int PARSE_REPEATS = 1_000;
    static final int CHAT_WARMUP = 1_000;
    static final int CHAT_REQUESTS = 2_000;
    static final int CONTEXT_MESSAGES = 400;

    record Stats(String name, int samples, double throughputPerSecond, double p50Micros, double p99Micros,
            double maxMicros) {

        static Stats of(String name, long[] nanos, long totalNanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(name, sorted.length, sorted.length / (totalNanos / 1e9), percentile(sorted, 50) / 1e3,
                    percentile(sorted, 99) / 1e3, sorted[sorted.length - 1] / 1e3);
        }

        static long percentile(long[] sorted, double p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    public static void main(String[] args) throws Exception {
        Path cases = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path results = Path.of(args[2]);
        List<Stats> parse = parseBench(cases);
        List<Stats> chat = chatBench(work);
        report(parse, chat, cases, results);
    }

    // ---- 1. parse -------------------------------------------------------------------------------

    static List<Stats> parseBench(Path casesFile) throws Exception {
        JsonNode root = JSON.readTree(casesFile.toFile());
        ZoneId zone = ZoneId.of(root.path("timeZone").asString("UTC"));
        ZonedDateTime reference = ZonedDateTime.parse(root.path("referenceTime").asString()).withZoneSameInstant(zone);
        List<String> texts = new ArrayList<>();
        root.path("cases").forEach(c -> texts.add(c.get("text").asString()));
        QuickAddParser parser = new QuickAddParser();
        long sink = 0;
        for (int i = 0; i < 200; i++) {
            for (String text : texts) {
                sink += parser.parse(text, reference).title().length() + text.split("\\s+").length;
            }
        }
        Stats parsed = time("offline parse (QuickAddParser)", texts, t -> parser.parse(t, reference).title().length());
        Stats split = time("baseline: String.split tokenisation", texts, t -> t.toLowerCase(Locale.ROOT).split("\\s+").length);
        if (sink == 42) {
            System.out.println();
        }
        return List.of(parsed, split);
    }

    interface Work {
        int run(String text);
    }

    static Stats time(String name, List<String> texts, Work work) {
        long[] samples = new long[texts.size() * PARSE_REPEATS];
        int n = 0;
        long sink = 0;
        long start = System.nanoTime();
        for (int r = 0; r < PARSE_REPEATS; r++) {
            for (String text : texts) {
                long t0 = System.nanoTime();
                sink += work.run(text);
                samples[n++] = System.nanoTime() - t0;
            }
        }
        long total = System.nanoTime() - start;
        if (sink == 42) {
            System.out.println();
        }
        return Stats.of(name, samples, total);
    }

    // ---- 2. chat round trip -----------------------------------------------------------------------

    static List<Stats> chatBench(Path work) throws Exception {
        Path dataDir = work.resolve("data-" + UUID.randomUUID());
        Files.createDirectories(dataDir);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TaskstreamApplication.class)
                .run("--taskstream.data-dir=" + dataDir, "--server.port=0", "--logging.level.root=warn")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            JsonNode signup = JSON.readTree(send(http, base + "/api/auth/signup", null,
                    "{\"email\":\"bench-" + UUID.randomUUID() + "@example.com\",\"password\":\"correct-horse-battery\","
                            + "\"timeZone\":\"Europe/Berlin\"}"));
            String user = signup.get("userId").asString();
            String token = signup.get("token").asString();
            for (int i = 0; i < 30; i++) {
                send(http, base + "/api/" + user + "/tasks", token, "{\"title\":\"Existing task " + i + "\"}");
            }
            String[] messages = {"show my tasks", "add Buy milk tomorrow at 5pm #errands", "what's due this week?",
                    "add Pay rent every month on the 1st", "show my completed tasks"};
            Supplier<String> chat = new Supplier<>() {
                int i;

                @Override
                public String get() {
                    String message = messages[i++ % messages.length];
                    return send(http, base + "/api/" + user + "/chat", token, "{\"message\":\"" + message + "\"}");
                }
            };
            Supplier<String> list = () -> send(http, base + "/api/" + user + "/tasks?size=20", token, null);
            roundTrips(chat, CHAT_WARMUP);
            roundTrips(list, CHAT_WARMUP);
            Stats chatStats = roundTrips("chat round trip (offline engine, HTTP + PostgreSQL)", chat, CHAT_REQUESTS);
            Stats listStats = roundTrips("baseline: authenticated GET /tasks round trip", list, CHAT_REQUESTS);

            // What a conversation-context cache (e.g. a Dapr state store) could save at most: the context load.
            long conversation = JSON.readTree(chat.get()).get("conversationId").asLong();
            Supplier<String> continued = () -> send(http, base + "/api/" + user + "/chat", token,
                    "{\"conversationId\":" + conversation + ",\"message\":\"show my tasks\"}");
            roundTrips(continued, CONTEXT_MESSAGES / 2);
            Stats continuedStats = roundTrips("chat round trip continuing a conversation of " + CONTEXT_MESSAGES + "+ messages",
                    continued, CHAT_REQUESTS);
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            UUID userId = UUID.fromString(user);
            Supplier<String> context = () -> {
                jdbc.sql("select * from (select * from conversation_message where conversation_id = :c and user_id = :u "
                                + "order by id desc limit 40) m order by id")
                        .param("c", conversation).param("u", userId).query().listOfRows();
                return "";
            };
            roundTrips(context, CHAT_WARMUP);
            Stats contextStats = roundTrips("context load: its last 40 messages from PostgreSQL (JDBC)", context, CHAT_REQUESTS);
            return List.of(chatStats, listStats, continuedStats, contextStats);
        }
    }

    static void roundTrips(Supplier<String> call, int n) {
        for (int i = 0; i < n; i++) {
            call.get();
        }
    }

    static Stats roundTrips(String name, Supplier<String> call, int n) {
        long[] samples = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.get();
            samples[i] = System.nanoTime() - t0;
        }
        return Stats.of(name, samples, System.nanoTime() - start);
    }

    static String send(HttpClient http, String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- report -----------------------------------------------------------------------------------

    static void report(List<Stats> parse, List<Stats> chat, Path cases, Path results) throws Exception {
        Files.createDirectories(results);
        String date = LocalDate.now().toString();
        StringBuilder md = new StringBuilder("# Assistant benchmark " + date + "\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(". Parse: ").append(PARSE_REPEATS)
                .append(" repetitions of ").append(parse.getFirst().samples() / PARSE_REPEATS).append(" phrases from ")
                .append(cases.getFileName()).append(". Chat: ").append(CHAT_REQUESTS)
                .append(" sequential requests after ").append(CHAT_WARMUP).append(" warm-up, embedded PostgreSQL 18.")
                .append(System.getenv().getOrDefault("BENCH_NOTE", "")).append("\n\n");
        md.append("| measurement | samples | throughput/s | p50 (µs) | p99 (µs) | max (µs) | target |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        row(md, parse.get(0), "p99 < 2000 µs: " + (parse.get(0).p99Micros() < 2000 ? "met" : "MISSED"));
        row(md, parse.get(1), "baseline");
        row(md, chat.get(0), "p99 < 30000 µs: " + (chat.get(0).p99Micros() < 30_000 ? "met" : "MISSED"));
        row(md, chat.get(1), "baseline");
        row(md, chat.get(2), "");
        row(md, chat.get(3), "what a context cache could save at most");
        md.append("\nParse p99 is ").append(String.format(Locale.ROOT, "%.1f", parse.get(0).p99Micros() / parse.get(1).p99Micros()))
                .append("× the split baseline; chat p99 is ")
                .append(String.format(Locale.ROOT, "%.1f", chat.get(0).p99Micros() / chat.get(1).p99Micros()))
                .append("× the GET /tasks baseline. Loading a turn's context is ")
                .append(String.format(Locale.ROOT, "%.1f", 100 * chat.get(3).p50Micros() / chat.get(2).p50Micros()))
                .append("% of a continuing chat turn at p50 (see docs/adr/025).\n");
        System.out.println(md);
        Files.writeString(results.resolve("assistant-" + date + ".md"), md.toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", date);
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("java", System.getProperty("java.version"));
        json.put("parse", parse);
        json.put("chat", chat);
        Files.writeString(results.resolve("assistant-" + date + ".json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        // One line per run in the benchmark's history; the report above is replaced by the next run of the same day.
        Path history = results.resolve("assistant-history.tsv");
        if (!Files.exists(history)) {
            Files.writeString(history, "date\tcommit\tparse_p99_us\tsplit_baseline_p99_us\tchat_p99_us\t"
                    + "get_tasks_baseline_p99_us\tcontext_load_p99_us\treport\n");
        }
        Files.writeString(history, String.format(Locale.ROOT, "%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%s%n",
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                System.getenv().getOrDefault("BENCH_COMMIT", "?"), parse.get(0).p99Micros(), parse.get(1).p99Micros(),
                chat.get(0).p99Micros(), chat.get(1).p99Micros(), chat.get(3).p99Micros(), "assistant-" + date + ".md"),
                java.nio.file.StandardOpenOption.APPEND);
    }

    static void row(StringBuilder md, Stats s, String target) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %s |%n", s.name(), s.samples(),
                s.throughputPerSecond(), s.p50Micros(), s.p99Micros(), s.maxMicros(), target));
    }
}
