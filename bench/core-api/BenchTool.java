import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helper of bench/core-api/run.sh, run with the JDK's source launcher and the PostgreSQL driver on the class path.
 *
 * <pre>
 *   seed   &lt;jdbcUrl&gt; &lt;seed.sql&gt; &lt;count&gt; &lt;zone&gt; &lt;userId&gt; [&lt;cloneToUserId&gt;...]
 *   vacuum &lt;jdbcUrl&gt;
 *   plans  &lt;jdbcUrl&gt; &lt;userId&gt; &lt;outFile&gt; &lt;search words...&gt;
 *   report &lt;results.jsonl&gt; &lt;cpu.jsonl&gt; &lt;meta.properties&gt; &lt;out.md&gt; &lt;out.json&gt; [&lt;chart.dat&gt;]
 * </pre>
 */
public class BenchTool {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args);
            case "plans" -> plans(args);
            case "vacuum" -> vacuum(args);
            case "rate" -> rate(args);
            case "report" -> report(args);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // ---------------------------------------------------------------- seed

    static void seed(String[] args) throws Exception {
        String url = args[1];
        String sql = Files.readString(Path.of(args[2]));
        int count = Integer.parseInt(args[3]);
        String zone = args[4];
        String user = args[5];
        if (!zone.matches("[A-Za-z_/+-]+") || !user.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("bad zone or user id");
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            String filled = sql.replace(":user::uuid", "'" + user + "'::uuid")
                    .replace(":zone", "'" + zone + "'")
                    .replace(":n)", count + ")");
            for (String statement : filled.split(";\\s*\\n")) {
                if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                    st.execute(statement);
                }
            }
            System.out.printf(Locale.ROOT, "seeded %d tasks for %s in %.1f s%n", count, user, (System.nanoTime() - t0) / 1e9);
            for (int i = 6; i < args.length; i++) {
                long t1 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("insert into task (user_id, title, description, completed, "
                        + "priority, tags, due_at, all_day, created_at, updated_at, completed_at) select ?, title, description, "
                        + "completed, priority, tags, due_at, all_day, created_at, updated_at, completed_at from task "
                        + "where user_id = ? order by id")) {
                    ps.setObject(1, java.util.UUID.fromString(args[i]));
                    ps.setObject(2, java.util.UUID.fromString(user));
                    int n = ps.executeUpdate();
                    System.out.printf(Locale.ROOT, "copied %d tasks to %s in %.1f s%n", n, args[i], (System.nanoTime() - t1) / 1e9);
                }
            }
            vacuumUntilAllVisible(st);
            for (String table : List.of("task", "task_term")) {
                try (ResultSet rs = st.executeQuery("select count(*), pg_size_pretty(pg_table_size('" + table + "')), "
                        + "pg_size_pretty(pg_indexes_size('" + table + "')) from " + table)) {
                    rs.next();
                    System.out.printf("%s table: %d rows, %s heap+toast, %s indexes%n", table, rs.getLong(1), rs.getString(2),
                            rs.getString(3));
                }
            }
        }
    }

    /**
     * Index-only scans (the list's count(*), a search's task_term entries) only skip the heap on all-visible pages.
     * One VACUUM right after the bulk insert has been seen to leave the first ~2,700 pages not all-visible
     * (PostgreSQL 18), which made the first user's count 20x slower than the second's: vacuum until each table is
     * all-visible.
     */
    static void vacuumUntilAllVisible(Statement st) throws SQLException {
        for (String table : List.of("task", "task_term")) {
            long t2 = System.nanoTime();
            int vacuums = 0;
            long[] visible;
            do {
                st.execute("vacuum (freeze, analyze) " + table);
                vacuums++;
                try (ResultSet rs = st.executeQuery("select relallvisible, relpages from pg_class where relname = '" + table + "'")) {
                    rs.next();
                    visible = new long[] {rs.getLong(1), rs.getLong(2)};
                }
            } while (visible[0] < visible[1] && vacuums < 5);
            System.out.printf(Locale.ROOT, "%s: %d x vacuum (freeze, analyze) in %.1f s: %d of %d pages all-visible%n",
                    table, vacuums, (System.nanoTime() - t2) / 1e9, visible[0], visible[1]);
            if (visible[0] < visible[1]) {
                throw new IllegalStateException("the " + table + " table did not become all-visible; figures would be unfair");
            }
        }
        st.execute("checkpoint");
    }

    static void vacuum(String[] args) throws SQLException {
        try (Connection c = DriverManager.getConnection(args[1], "postgres", null); Statement st = c.createStatement()) {
            vacuumUntilAllVisible(st);
        }
    }

    // ---------------------------------------------------------------- plans

    /** EXPLAIN (ANALYZE, BUFFERS) of the app's list and search SQL (as in TaskRepository), for the report. */
    static void plans(String[] args) throws Exception {
        String url = args[1];
        String user = args[2];
        Path out = Path.of(args[3]);
        String cols = "t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, "
                + "t.created_at, t.updated_at, t.completed_at";
        StringBuilder text = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select version()")) {
                rs.next();
                text.append("-- ").append(rs.getString(1)).append("\n\n");
            }
            explain(c, text, "list: count, exact up to 10,000 (TaskRepository.list)",
                    "select count(*) from (select 1 from task t where t.user_id = ? limit 10001) c", user, null);
            explain(c, text, "list: page 0 sorted by due, one row more to tell whether a next page exists",
                    "select " + cols + " from task t where t.user_id = ? order by t.due_at asc nulls last, t.id asc limit 51 offset 0",
                    user, null);
            // TaskRepository.SEARCH_THROUGH_INDEX, for the rest of this session rather than a transaction
            try (Statement st = c.createStatement()) {
                st.execute("set enable_seqscan = off");
            }
            for (int i = 4; i < args.length; i++) {
                String words = words(args[i]);
                explain(c, text, "search '" + args[i] + "': page by relevance with its total (TaskRepository.rankedPage)",
                        "with words as (select w.word, 1 << (w.n - 1)::int as bit"
                                + " from unnest(?::text[]) with ordinality as w(word, n)),"
                                + " stems as (select s.stem, words.bit from words,"
                                + " unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem))"
                                + " select " + cols + ", p.total from (select m.id, m.rank, count(*) over () as total from ("
                                + "select tt.task_id as id, sum(tt.weight) as rank from stems"
                                + " join task_term tt on tt.user_id = ? and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111)"
                                + " group by tt.task_id"
                                + (words.indexOf(',') > 0 ? " having bit_or(stems.bit) = (select bit_or(bit) from stems)" : "") + ") m"
                                + " order by m.rank desc, m.id desc limit 50 offset 0"
                                + ") p join task t on t.id = p.id order by p.rank desc, p.id desc", user, words);
            }
        }
        Files.writeString(out, text);
    }

    static void explain(Connection c, StringBuilder text, String title, String sql, String user, String q) throws SQLException {
        text.append("-- ").append(title).append('\n');
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            int i = 1;
            if (q != null) {
                ps.setString(i++, q);
            }
            ps.setObject(i, java.util.UUID.fromString(user));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
        }
        text.append('\n');
    }

    /** TaskRepository.words as an array literal (words are letters and digits only). */
    static String words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text);
        while (m.find() && words.size() < 16) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return "{" + String.join(",", words) + "}";
    }

    // ---------------------------------------------------------------- rate

    /**
     * The open-loop rate for an operation: {@link #TARGET_RATIO} of the baseline's throughput at saturation in this run,
     * the load the app must carry by the throughput target, at which its p99 is then judged.
     */
    static void rate(String[] args) throws IOException {
        Merged baseline = new Merged();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank() && str(line, "label").equals("baseline " + args[2] + " saturation")) {
                baseline.add(line);
            }
        }
        if (baseline.rounds == 0) {
            throw new IllegalStateException("no baseline " + args[2] + " saturation run in " + args[1]);
        }
        System.out.println(Math.max(1, Math.round(TARGET_RATIO * baseline.requests / baseline.seconds)));
    }

    // ---------------------------------------------------------------- report

    record Run(String contestant, String op, String phase, double rps, double p50, double p90, double p99, double max,
            long requests, long errors, long late, int rounds) {
    }

    static final double TARGET_RATIO = 0.50;
    static final double TARGET_P99_MS = 50.0;

    static void report(String[] args) throws IOException {
        // Lines with the same label are rounds of one measurement (interleaved app/baseline slices): merge them.
        Map<String, Merged> merged = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) {
                merged.computeIfAbsent(str(line, "label"), k -> new Merged()).add(line);
            }
        }
        List<Run> runs = new ArrayList<>();
        merged.forEach((label, m) -> runs.add(m.run(label.split(" "))));
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>(); // label -> {jvm ms, pg ms}
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (!line.isBlank()) {
                double[] sum = cpu.computeIfAbsent(str(line, "label"), k -> new double[2]);
                sum[0] += num(line, "jvm_cpu_ms");
                sum[1] += num(line, "pg_cpu_ms");
            }
        }
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                meta.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        String conns = meta.getOrDefault("connections", "?");
        String lightConns = meta.getOrDefault("light_connections", "?");

        StringBuilder md = new StringBuilder();
        md.append("# Core API benchmark — ").append(meta.getOrDefault("date", "")).append("\n\n");
        md.append("App (Spring Boot jar, JWT auth) vs baseline (same SQL via plain JDBC + HikariCP behind the JDK's ")
                .append("`com.sun.net.httpserver`, **no authentication**, no framework: the lower bound of overhead), ")
                .append("both on one PostgreSQL (the app's embedded one), ")
                .append(meta.getOrDefault("tasks", "?")).append(" seeded tasks per user (separate, identical users).\n\n");
        String saturation = "Saturation: wrk -t" + meta.getOrDefault("threads", "?") + " -c" + conns + " -d"
                + meta.getOrDefault("duration", "?") + "s per contestant and operation (two halves, ABBA order) after a "
                + meta.getOrDefault("warmup", "?") + " s warm-up each";
        md.append("## Throughput and latency at saturation (").append(conns).append(" connections)\n\n")
                .append(saturation).append(". Judged here: throughput against the baseline's. The latencies are shown, ")
                .append("not judged: in a closed loop the mean latency is the connections divided by the throughput ")
                .append("(Little's law), so at saturation they tell the throughput again. The p99 target is judged at light ")
                .append("load and in the open loop at the rate the throughput target asks the app to carry (below).\n\n");
        String header = "| operation | app req/s | baseline req/s | app/baseline | app p50 | app p99 | baseline p50 | baseline p99 | target met? |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
        md.append(header);
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"meta\": {");
        boolean firstMeta = true;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            json.append(firstMeta ? "" : ",").append("\n    ").append(jstr(e.getKey())).append(": ").append(jstr(e.getValue()));
            firstMeta = false;
        }
        json.append("\n  },\n  \"targets\": {\"min_throughput_ratio\": ").append(TARGET_RATIO)
                .append(", \"max_p99_ms_list_search\": ").append(TARGET_P99_MS).append("},\n  \"results\": [");
        StringBuilder console = new StringBuilder();
        String fmt = "%-8s | %9s | %9s | %7s | %8s | %8s | %8s | %8s | %s%n";
        console.append(String.format(Locale.ROOT, fmt, "op", "app r/s", "base r/s", "ratio", "app p50", "app p99", "base p50",
                "base p99", "target met?"));
        StringBuilder chart = new StringBuilder("# op app_rps baseline_rps\n");
        boolean firstResult = true;
        boolean allMet = true;
        for (String phase : List.of("saturation", "light")) {
            if (phase.equals("light")) {
                if (runs.stream().noneMatch(r -> r.phase().equals("light"))) {
                    break;
                }
                md.append("\n## Latency at light load (").append(lightConns).append(" connection")
                        .append("1".equals(lightConns) ? "" : "s").append(", closed loop)\n\n")
                        .append("What one user at a time sees: wrk -t1 -c").append(lightConns).append(" -d")
                        .append(meta.getOrDefault("light_duration", "?")).append("s per contestant (two halves, ABBA), after the saturation runs.\n\n")
                        .append(header);
                console.append(String.format(Locale.ROOT, "-- light load (%s connection(s)) --%n", lightConns));
            }
            for (String op : List.of("create", "list", "search")) {
                Run app = find(runs, "app", op, phase);
                Run base = find(runs, "baseline", op, phase);
                if (app == null || base == null) {
                    continue;
                }
                double ratio = app.rps() / base.rps();
                boolean ratioOk = ratio >= TARGET_RATIO;
                // The p99 target is judged at light load here and in the open loop below; at saturation the latency
                // of a closed loop is its connections divided by its throughput.
                boolean latencyApplies = !op.equals("create") && phase.equals("light");
                boolean p99Ok = app.p99() < TARGET_P99_MS;
                boolean errorsOk = app.errors() == 0 && base.errors() == 0;
                StringBuilder verdict = new StringBuilder();
                if (phase.equals("saturation")) {
                    verdict.append(ratioOk ? "yes" : "NO").append(String.format(Locale.ROOT, " (≥50%%: %.0f%%)", ratio * 100));
                    allMet &= ratioOk;
                }
                if (phase.equals("saturation") && !op.equals("create")) {
                    verdict.append(String.format(Locale.ROOT, "; p99 %.1f not judged (%s ÷ req/s = %.1f ms mean)", app.p99(),
                            conns, 1000 * Double.parseDouble(conns) / app.rps()));
                }
                if (latencyApplies) {
                    if (!verdict.isEmpty()) {
                        verdict.append("; ");
                    }
                    verdict.append(p99Ok ? "yes" : "NO").append(String.format(Locale.ROOT, " (p99<50ms: %.1f)", app.p99()));
                    allMet &= p99Ok;
                }
                if (!errorsOk) {
                    verdict.append("; ERRORS app=").append(app.errors()).append(" baseline=").append(base.errors());
                    allMet = false;
                }
                String opName = switch (op) {
                    case "create" -> "create (POST)";
                    case "list" -> "list (50, by due)";
                    default -> "search (q=word)";
                };
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f%% | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |%n",
                        opName, app.rps(), base.rps(), ratio * 100, app.p50(), app.p99(), base.p50(), base.p99(), verdict));
                console.append(String.format(Locale.ROOT, fmt, op, f0(app.rps()), f0(base.rps()), String.format(Locale.ROOT, "%.0f%%", ratio * 100),
                        f1(app.p50()), f1(app.p99()), f1(base.p50()), f1(base.p99()), verdict));
                if (phase.equals("saturation")) {
                    chart.append(op).append(' ').append(f1(app.rps())).append(' ').append(f1(base.rps())).append('\n');
                }
                json.append(firstResult ? "" : ",").append(String.format(Locale.ROOT,
                        "%n    {\"operation\": \"%s\", \"phase\": \"%s\", \"connections\": %s, \"app\": %s, \"baseline\": %s, "
                                + "\"ratio\": %.4f, \"throughput_target_met\": %s, \"p99_target_met\": %s}",
                        op, phase, phase.equals("light") ? lightConns : conns, runJson(app), runJson(base), ratio,
                        phase.equals("saturation") ? Boolean.toString(ratioOk) : "null",
                        latencyApplies ? Boolean.toString(p99Ok) : "null"));
                firstResult = false;
            }
        }
        json.append("\n  ],\n  \"open_loop\": [");
        if (runs.stream().anyMatch(r -> r.phase().equals("rate"))) {
            md.append("\n## Latency at half the baseline's peak rate (open loop)\n\n")
                    .append("The load the throughput target asks the app to carry: requests arrive at ")
                    .append((int) (TARGET_RATIO * 100)).append(" % of the baseline's throughput at saturation in this run, ")
                    .append("as Poisson arrivals that do not wait for earlier answers (wrk with ops.lua's BENCH_RATE, ")
                    .append(meta.getOrDefault("rate_connections", "?")).append(" connections, ")
                    .append(meta.getOrDefault("rate_duration", "?")).append(" s per contestant, two halves ABBA). ")
                    .append("Unlike a closed loop, a slow answer does not hold back the requests behind it, so queueing ")
                    .append("shows in the latencies (a request sent late because every connection was busy is counted).\n\n")
                    .append("| operation | offered req/s | app req/s | app p50 | app p99 | baseline req/s | baseline p50 | baseline p99 | late sends app/baseline | app p99 < 50 ms? |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            console.append("-- open loop at half the baseline's peak rate --\n");
        }
        boolean firstRate = true;
        for (String op : List.of("list", "search")) {
            Run app = find(runs, "app", op, "rate");
            Run base = find(runs, "baseline", op, "rate");
            if (app == null || base == null) {
                continue;
            }
            String offered = meta.getOrDefault("rate_" + op, "?");
            boolean p99Ok = app.p99() < TARGET_P99_MS && app.errors() == 0;
            allMet &= p99Ok;
            String verdict = (p99Ok ? "yes" : "NO") + String.format(Locale.ROOT, " (%.1f)", app.p99())
                    + (app.errors() + base.errors() > 0 ? "; ERRORS app=" + app.errors() + " baseline=" + base.errors() : "");
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.1f ms | %.1f ms | %.0f | %.1f ms | %.1f ms | %d / %d | %s |%n",
                    op, offered, app.rps(), app.p50(), app.p99(), base.rps(), base.p50(), base.p99(), app.late(), base.late(), verdict));
            console.append(String.format(Locale.ROOT, fmt, op + "@" + offered, f0(app.rps()), f0(base.rps()), "",
                    f1(app.p50()), f1(app.p99()), f1(base.p50()), f1(base.p99()), verdict));
            json.append(firstRate ? "" : ",").append(String.format(Locale.ROOT,
                    "%n    {\"operation\": \"%s\", \"offered_rps\": %s, \"app\": %s, \"baseline\": %s, \"p99_target_met\": %s}",
                    op, offered, runJson(app), runJson(base), p99Ok));
            firstRate = false;
        }
        json.append("\n  ],\n  \"search_by_connections\": [");
        StringBuilder sweepChart = new StringBuilder("# connections app_p99_ms baseline_p99_ms app_rps baseline_rps\n");
        List<String[]> sweep = new ArrayList<>(); // {phase, connections}
        sweep.add(new String[] {"light", lightConns});
        for (String c : meta.getOrDefault("search_sweep_connections", "").trim().split("\\s+")) {
            if (!c.isEmpty()) {
                sweep.add(new String[] {"c" + c, c});
            }
        }
        sweep.add(new String[] {"saturation", conns});
        md.append("\n## Search latency by concurrency\n\n")
                .append("The same rotating searches with more of them in flight at once (closed loop, wrk -c N): ")
                .append("where the p99 crosses 50 ms on this machine. Both contestants run the same SQL, so their ")
                .append("latencies part only by the app's own overhead. In a closed loop the mean latency is the ")
                .append("connections divided by the throughput (Little's law), whatever the code: once the machine is ")
                .append("saturated, each connection more adds its share of the queue, and the p99 lies well above that mean.\n\n")
                .append("| connections | app req/s | app p50 | app p99 | connections ÷ app req/s | baseline req/s | baseline p50 | baseline p99 | connections ÷ baseline req/s | app p99 < 50 ms? |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        boolean firstSweep = true;
        for (String[] point : sweep) {
            Run app = find(runs, "app", "search", point[0]);
            Run base = find(runs, "baseline", "search", point[0]);
            if (app == null || base == null) {
                continue;
            }
            double inFlight = Double.parseDouble(point[1]);
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f ms | %.1f ms | %.1f ms | %.0f | %.1f ms | %.1f ms | %.1f ms | %s |%n",
                    point[1], app.rps(), app.p50(), app.p99(), 1000 * inFlight / app.rps(), base.rps(), base.p50(), base.p99(),
                    1000 * inFlight / base.rps(), app.p99() < TARGET_P99_MS ? "yes" : "no"));
            sweepChart.append(point[1]).append(' ').append(f1(app.p99())).append(' ').append(f1(base.p99())).append(' ')
                    .append(f1(app.rps())).append(' ').append(f1(base.rps())).append('\n');
            json.append(firstSweep ? "" : ",").append(String.format(Locale.ROOT,
                    "%n    {\"connections\": %s, \"app\": %s, \"baseline\": %s}", point[1], runJson(app), runJson(base)));
            firstSweep = false;
        }
        json.append("\n  ],\n  \"cpu_ms_per_request\": [");
        md.append("\n## CPU per request (saturation runs)\n\n")
                .append("CPU time of each process tree during the measured runs divided by the requests served. Only one ")
                .append("contestant is loaded at a time, so PostgreSQL's CPU is that contestant's. Unlike req/s, this barely ")
                .append("moves when other processes load the machine.\n\n")
                .append("| operation | app JVM | app PostgreSQL | app total | baseline JVM | baseline PostgreSQL | baseline total |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        console.append("-- CPU ms per request (JVM + PostgreSQL), saturation --\n");
        boolean firstCpu = true;
        for (String op : List.of("create", "list", "search")) {
            Run app = find(runs, "app", op, "saturation");
            Run base = find(runs, "baseline", op, "saturation");
            double[] a = cpu.get("app " + op + " saturation");
            double[] b = cpu.get("baseline " + op + " saturation");
            if (app == null || base == null || a == null || b == null) {
                continue;
            }
            double aj = a[0] / app.requests(), ap = a[1] / app.requests(), bj = b[0] / base.requests(), bp = b[1] / base.requests();
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", op, aj, ap, aj + ap, bj, bp, bj + bp));
            console.append(String.format(Locale.ROOT, "%-8s | app %.3f + %.3f = %.3f ms | baseline %.3f + %.3f = %.3f ms%n",
                    op, aj, ap, aj + ap, bj, bp, bj + bp));
            json.append(firstCpu ? "" : ",").append(String.format(Locale.ROOT,
                    "%n    {\"operation\": \"%s\", \"app_jvm\": %.4f, \"app_postgres\": %.4f, \"baseline_jvm\": %.4f, "
                            + "\"baseline_postgres\": %.4f}", op, aj, ap, bj, bp));
            firstCpu = false;
        }
        json.append("\n  ],\n  \"all_targets_met\": ").append(allMet).append("\n}\n");
        md.append("\nLatencies are wrk's (closed loop: a connection sends its next request when the previous answer arrives, ")
                .append("so at saturation they include queueing). Errors (non-2xx, socket errors) are reported when not zero.\n");
        md.append("\n## Setup\n\n");
        for (Map.Entry<String, String> e : meta.entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        System.out.print(console);
        System.out.println(allMet ? "ALL TARGETS MET" : "SOME TARGETS MISSED");
        Files.writeString(Path.of(args[4]), md);
        Files.writeString(Path.of(args[5]), json);
        if (args.length > 9) {
            appendHistory(Path.of(args[8]), args[9], meta, runs);
        }
        if (args.length > 6) {
            Files.writeString(Path.of(args[6]), chart);
        }
        if (args.length > 7) {
            Files.writeString(Path.of(args[7]), sweepChart);
        }
    }

    /** Totals and the exact latency histogram (microseconds -> count) over the rounds of one measurement. */
    static final class Merged {
        final java.util.TreeMap<Long, Long> hist = new java.util.TreeMap<>();
        long requests;
        long errors;
        long late;
        double seconds;
        int rounds;

        void add(String line) {
            rounds++;
            requests += num(line, "requests").longValue();
            seconds += num(line, "duration_s");
            late += line.contains("\"late\"") ? num(line, "late").longValue() : 0;
            errors += num(line, "connect").longValue() + num(line, "read").longValue() + num(line, "write").longValue()
                    + num(line, "status").longValue() + num(line, "timeout").longValue();
            Matcher m = Pattern.compile("\\[(\\d+),(\\d+)\\]").matcher(line.substring(line.indexOf("\"hist_us\"")));
            while (m.find()) {
                hist.merge(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long::sum);
            }
        }

        /** The smallest latency with at least p% of the samples at or below it (wrk's definition), in ms. */
        double percentile(double p) {
            long total = hist.values().stream().mapToLong(Long::longValue).sum();
            long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
            long seen = 0;
            for (Map.Entry<Long, Long> e : hist.entrySet()) {
                seen += e.getValue();
                if (seen >= rank) {
                    return e.getKey() / 1000.0;
                }
            }
            return Double.NaN;
        }

        Run run(String[] label) {
            return new Run(label[0], label[1], label[2], requests / seconds, percentile(50), percentile(90), percentile(99),
                    hist.isEmpty() ? Double.NaN : hist.lastKey() / 1000.0, requests, errors, late, rounds);
        }
    }

    static final String HISTORY_HEADER = "date\tcommit\tload_before\tcreate_app/baseline\tlist_app/baseline\t"
            + "search_app/baseline\tlist_p99_light_ms\tsearch_p99_light_ms\tlist_p99_open_loop_ms\tsearch_p99_open_loop_ms\t"
            + "list_p99_saturation_ms\tsearch_p99_saturation_ms\treport";

    /**
     * Appends this run's headline figures to the benchmark's history, one tab-separated line (the header first when
     * the file is new): throughput ratios at saturation, the judged p99s (one connection, open loop) and the app's
     * p99s at saturation. Reports are replaced by the next run; the history keeps every run.
     */
    static void appendHistory(Path history, String report, Map<String, String> meta, List<Run> runs) throws IOException {
        java.util.function.BiFunction<String, String, String> ratio = (op, phase) -> {
            Run app = find(runs, "app", op, phase);
            Run base = find(runs, "baseline", op, phase);
            return app == null || base == null ? "-" : f0(100 * app.rps() / base.rps()) + "%";
        };
        java.util.function.BiFunction<String, String, String> p99 = (op, phase) -> {
            Run app = find(runs, "app", op, phase);
            return app == null ? "-" : f1(app.p99());
        };
        String line = String.join("\t", meta.getOrDefault("date", "?"), meta.getOrDefault("commit", "?"),
                meta.getOrDefault("load_average_before", "?").split("[ ,]")[0],
                ratio.apply("create", "saturation"), ratio.apply("list", "saturation"), ratio.apply("search", "saturation"),
                p99.apply("list", "light"), p99.apply("search", "light"), p99.apply("list", "rate"), p99.apply("search", "rate"),
                p99.apply("list", "saturation"), p99.apply("search", "saturation"), report) + "\n";
        if (!Files.exists(history)) {
            Files.writeString(history, HISTORY_HEADER + "\n");
        }
        Files.writeString(history, line, java.nio.file.StandardOpenOption.APPEND);
    }

    static Run find(List<Run> runs, String contestant, String op, String phase) {
        return runs.stream().filter(r -> r.contestant().equals(contestant) && r.op().equals(op) && r.phase().equals(phase))
                .reduce((a, b) -> b).orElse(null);
    }

    static String runJson(Run r) {
        return String.format(Locale.ROOT, "{\"rps\": %.1f, \"p50_ms\": %.2f, \"p90_ms\": %.2f, \"p99_ms\": %.2f, "
                + "\"max_ms\": %.2f, \"requests\": %d, \"errors\": %d, \"late_sends\": %d, \"rounds\": %d}", r.rps(), r.p50(),
                r.p90(), r.p99(), r.max(), r.requests(), r.errors(), r.late(), r.rounds());
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static Double num(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + key + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    static String str(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + key + " in " + json);
        }
        return m.group(1);
    }

    static String jstr(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
