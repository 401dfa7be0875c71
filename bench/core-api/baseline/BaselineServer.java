import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's lower bound: the three core task operations (create, list sorted by due, search) with the
 * SAME SQL as the app's TaskRepository, plain JDBC through a HikariCP pool of the app's size, behind the JDK's
 * built-in HTTP server on virtual threads, with hand-written JSON.
 *
 * <p>Deliberately absent, because they are the app's overhead being measured: authentication (no token is read
 * or checked), Spring MVC/Security filters, Jackson, transactions around reads (lists run in autocommit; a
 * search needs one for its plan setting, and a create writes the task and its two outbox rows in one, as the
 * app does), request ids,
 * validation beyond what the SQL needs, and the per-request time-zone lookup (each user's zone is read once and
 * cached).
 *
 * <p>Run: {@code java -Dsun.net.httpserver.nodelay=true -cp postgresql.jar:HikariCP.jar:slf4j-api.jar
 * BaselineServer.java <port|0> <jdbcUrl> <dbUser> [poolSize]}. Prints {@code BASELINE LISTENING <port>} when ready.
 */
public class BaselineServer {

    // --- SQL: copied from app/src/main/java/io/taskstream/task/TaskRepository.java (insert, list DUE asc, search RELEVANCE) ---
    // The list and search statements (LIST_*, SEARCH_*, searchPage, searchCount) are checked against the app's by
    // app/src/test/java/io/taskstream/task/BaselineSqlTest.java; keep their names and signatures. INSERT writes only
    // the columns a baseline request carries (no recurrence, reminders or series): the app's insert writes more.
    static final String COLUMNS = "id, user_id, title, description, completed, priority, tags, due_at, all_day, "
            + "created_at, updated_at, completed_at";
    static final String T_COLUMNS = "t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, "
            + "t.due_at, t.all_day, t.created_at, t.updated_at, t.completed_at";
    /** Written as already published, so that the app's relay, which shares the database, leaves them alone. */
    static final String OUTBOX = "insert into event_outbox (event_id, topic, message_key, event_type, payload, created_at, "
            + "published_at) values (?, ?, ?, 'taskstream.task.created', ?::json, ?, now())";
    static final String INSERT = "insert into task (user_id, title, description, priority, tags, due_at, all_day, "
            + "created_at, updated_at) values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?) returning " + COLUMNS;
    /** TaskRepository.list: count exactly up to 10,000 matches (TaskPage.EXACT_TOTAL_UP_TO), stop scanning after that. */
    static final int EXACT_TOTAL_UP_TO = 10_000;
    static final String LIST_COUNT = "select count(*) from (select 1 from task t where t.user_id = ? limit ?) c";
    static final String LIST_PAGE = "select " + T_COLUMNS + " from task t where t.user_id = ?"
            + " order by t.due_at asc nulls last, t.id asc limit ? offset ?";
    /** TaskRepository.list: a search reads its matches through an index (for the transaction). */
    static final String SEARCH_THROUGH_INDEX = "select set_config('enable_seqscan', 'off', true)";
    /**
     * TaskRepository.rankedPage: each word a range of the user's task_term entries, a match has every word; count
     * the matches by a window over them, sort them, read back the page.
     */
    static final String SEARCH_STEMS = "with words as (select w.word, 1 << (w.n - 1)::int as bit"
            + " from unnest(?::text[]) with ordinality as w(word, n)),"
            + " stems as (select s.stem, words.bit from words,"
            + " unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) ";
    static final String SEARCH_MATCHES = "select tt.task_id as id, sum(tt.weight) as rank from stems"
            + " join task_term tt on tt.user_id = ? and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111)"
            + " group by tt.task_id";
    /** TaskRepository.rankedPage: with two words or more, a match has every word. */
    static final String SEARCH_ALL_WORDS = " having bit_or(stems.bit) = (select bit_or(bit) from stems)";
    static String searchPage(boolean allWords) {
        return SEARCH_STEMS + "select " + T_COLUMNS + ", p.total from ("
                + "select m.id, m.rank, count(*) over () as total from ("
                + SEARCH_MATCHES + (allWords ? SEARCH_ALL_WORDS : "") + ") m"
                + " order by m.rank desc, m.id desc limit ? offset ?"
                + ") p join task t on t.id = p.id order by p.rank desc, p.id desc";
    }

    static String searchCount(boolean allWords) {
        return SEARCH_STEMS + "select count(*) from (" + SEARCH_MATCHES + (allWords ? SEARCH_ALL_WORDS : "") + ") m";
    }
    static final String ZONE = "select time_zone from app_user where id = ?";

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final String[] PRIORITIES = {"none", "low", "medium", "high"};

    final HikariDataSource db;
    final Map<UUID, ZoneId> zones = new ConcurrentHashMap<>();

    BaselineServer(HikariDataSource db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HikariConfig config = new HikariConfig();
        config.setPoolName("baseline");
        config.setJdbcUrl(args[1]);
        config.setUsername(args[2]);
        config.setMaximumPoolSize(args.length > 3 ? Integer.parseInt(args[3]) : 20);
        BaselineServer app = new BaselineServer(new HikariDataSource(config));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        server.createContext("/api/", app::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            app.db.close();
        }));
        System.out.println("BASELINE LISTENING " + server.getAddress().getPort());
        System.out.flush();
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String[] path = exchange.getRequestURI().getRawPath().split("/");
            // ["", "api", "{userId}", "tasks"]
            if (path.length != 4 || !"tasks".equals(path[3])) {
                send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
                return;
            }
            UUID user;
            try {
                user = UUID.fromString(path[2]);
            } catch (IllegalArgumentException e) {
                send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "POST" -> create(exchange, user, new String(body, StandardCharsets.UTF_8));
                case "GET" -> list(exchange, user, query(exchange.getRequestURI().getRawQuery()));
                default -> send(exchange, 405, "{\"title\":\"Method Not Allowed\",\"status\":405}");
            }
        } catch (BadRequest e) {
            send(exchange, 400, "{\"title\":\"Bad Request\",\"status\":400,\"detail\":" + str(e.getMessage()) + "}");
        } catch (SQLException | RuntimeException e) {
            e.printStackTrace();
            send(exchange, 500, "{\"title\":\"Internal Server Error\",\"status\":500}");
        }
    }

    // --- POST /api/{userId}/tasks ---

    void create(HttpExchange exchange, UUID user, String body) throws IOException, SQLException {
        Map<String, Object> input = new Json(body).object();
        Object titleValue = input.get("title");
        if (!(titleValue instanceof String t) || t.isBlank() || t.strip().length() > 200) {
            throw new BadRequest("title is required (1-200 characters)");
        }
        String title = t.strip();
        String description = input.get("description") instanceof String d && !d.isBlank() ? d : null;
        int priority = 0;
        if (input.get("priority") instanceof String p) {
            priority = List.of(PRIORITIES).indexOf(p.trim().toLowerCase(Locale.ROOT));
            if (priority < 0) {
                throw new BadRequest("priority must be one of none, low, medium, high");
            }
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (input.get("tags") instanceof List<?> raw) {
            for (Object tag : raw) {
                tags.add(String.valueOf(tag).toLowerCase(Locale.ROOT));
            }
        }
        ZoneId zone = zoneOf(user);
        Instant due = null;
        boolean allDay = false;
        if (input.get("dueAt") instanceof String text) {
            try {
                if (text.length() == 10) {
                    due = LocalDate.parse(text).atStartOfDay(zone).toInstant();
                    allDay = true;
                } else {
                    due = OffsetDateTime.parse(text).toInstant();
                }
            } catch (DateTimeParseException e) {
                throw new BadRequest("dueAt must be an RFC 3339 date-time or a date");
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        StringBuilder json = new StringBuilder(512);
        long id;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT);
             PreparedStatement outbox = c.prepareStatement(OUTBOX)) {
            // Like the app: the task and its two events (task-events, task-updates) in one transaction.
            c.setAutoCommit(false);
            ps.setObject(1, user);
            ps.setString(2, title);
            ps.setString(3, description);
            ps.setShort(4, (short) priority);
            ps.setString(5, pgArray(tags));
            ps.setTimestamp(6, due == null ? null : Timestamp.from(due));
            ps.setBoolean(7, allDay);
            ps.setTimestamp(8, now);
            ps.setTimestamp(9, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong("id");
                task(json, rs, zone);
            }
            for (String topic : new String[] {"task-events", "task-updates"}) {
                UUID eventId = UUID.randomUUID();
                outbox.setObject(1, eventId);
                outbox.setString(2, topic);
                outbox.setString(3, user.toString());
                outbox.setString(4, "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"type\":\"taskstream.task.created\","
                        + "\"source\":\"/taskstream/tasks\",\"subject\":\"" + id + "\",\"userid\":\"" + user + "\",\"data\":{\"task\":"
                        + json + "}}");
                outbox.setTimestamp(5, now);
                outbox.addBatch();
            }
            outbox.executeBatch();
            c.commit();
        }
        exchange.getResponseHeaders().set("Location", "http://" + exchange.getRequestHeaders().getFirst("Host")
                + exchange.getRequestURI().getRawPath() + "/" + id);
        send(exchange, 201, json.toString());
    }

    // --- GET /api/{userId}/tasks?sort=due&size=50[&page=N]  and  ?q=words ---

    void list(HttpExchange exchange, UUID user, Map<String, String> params) throws IOException, SQLException {
        int size = params.containsKey("size") ? Integer.parseInt(params.get("size")) : 50;
        int page = params.containsKey("page") ? Integer.parseInt(params.get("page")) : 0;
        if (size < 1 || size > 200 || page < 0) {
            throw new BadRequest("size must be 1-200 and page 0 or more");
        }
        String q = params.get("q");
        String words = null;
        if (q != null && !q.isBlank()) {
            words = words(q);
        } else if (!"due".equalsIgnoreCase(params.getOrDefault("sort", "due"))) {
            throw new BadRequest("the baseline only implements sort=due (and relevance for q)");
        }
        ZoneId zone = zoneOf(user);
        long total = 0; // -1: more than EXACT_TOTAL_UP_TO, not counted
        boolean hasNext = false;
        StringBuilder json = new StringBuilder(16_384).append('[');
        if (words != null) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(SEARCH_THROUGH_INDEX)) {
                    ps.execute();
                }
                try (PreparedStatement ps = c.prepareStatement(searchPage(words.indexOf(',') > 0))) {
                    ps.setString(1, words);
                    ps.setObject(2, user);
                    ps.setInt(3, size);
                    ps.setLong(4, (long) page * size);
                    try (ResultSet rs = ps.executeQuery()) {
                        boolean first = true;
                        while (rs.next()) {
                            if (!first) {
                                json.append(',');
                            }
                            first = false;
                            total = rs.getLong("total");
                            task(json, rs, zone);
                        }
                    }
                }
                if (total == 0) { // no match, or a page past the last one: count, as the app does
                    try (PreparedStatement ps = c.prepareStatement(searchCount(words.indexOf(',') > 0))) {
                        ps.setString(1, words);
                        ps.setObject(2, user);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            total = rs.getLong(1);
                        }
                    }
                }
                c.commit();
            }
        } else if (q == null || q.isBlank()) {
            try (Connection c = db.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement(LIST_COUNT)) {
                    ps.setObject(1, user);
                    ps.setInt(2, EXACT_TOTAL_UP_TO + 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
                boolean exact = total <= EXACT_TOTAL_UP_TO;
                if (!exact || (total > 0 && (long) page * size < total)) {
                    try (PreparedStatement ps = c.prepareStatement(LIST_PAGE)) {
                        ps.setObject(1, user);
                        ps.setInt(2, exact ? size : size + 1); // one row more tells whether a next page exists
                        ps.setLong(3, (long) page * size);
                        try (ResultSet rs = ps.executeQuery()) {
                            int rows = 0;
                            while (rs.next() && ++rows <= size) {
                                if (rows > 1) {
                                    json.append(',');
                                }
                                task(json, rs, zone);
                            }
                            hasNext = exact ? (long) (page + 1) * size < total : rows > size;
                        }
                    }
                }
                if (!exact) {
                    total = -1;
                }
            }
        }
        json.append(']');
        if (total >= 0) {
            exchange.getResponseHeaders().set("X-Total-Count", Long.toString(total));
        }
        exchange.getResponseHeaders().set("Link", links(exchange, page, size, total, hasNext));
        send(exchange, 200, json.toString());
    }

    /** Same rule as TaskRepository.words, at most 16, as an array literal (words are letters and digits only). */
    static String words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && words.size() < 16) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words.isEmpty() ? null : "{" + String.join(",", words) + "}";
    }

    /** The same RFC 8288 links as the app's PageLinks (first, prev, next, last; no last when total is -1). */
    static String links(HttpExchange exchange, int page, int size, long total, boolean hasNext) {
        String base = "http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI().getRawPath() + "?";
        String rawQuery = exchange.getRequestURI().getRawQuery();
        StringBuilder kept = new StringBuilder();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.startsWith("page=") && !pair.isEmpty()) {
                    kept.append(pair).append('&');
                }
            }
        }
        String prefix = base + kept + "page=";
        int last = total <= 0 ? 0 : (int) ((total - 1) / size);
        StringBuilder links = new StringBuilder();
        links.append('<').append(prefix).append(0).append(">; rel=\"first\"");
        if (page > 0) {
            links.append(", <").append(prefix).append(total < 0 ? page - 1 : Math.min(page - 1, last)).append(">; rel=\"prev\"");
        }
        if (total < 0 ? hasNext : page < last) {
            links.append(", <").append(prefix).append(page + 1).append(">; rel=\"next\"");
        }
        if (total >= 0) {
            links.append(", <").append(prefix).append(last).append(">; rel=\"last\"");
        }
        return links.toString();
    }

    ZoneId zoneOf(UUID user) throws SQLException {
        ZoneId zone = zones.get(user);
        if (zone == null) {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(ZONE)) {
                ps.setObject(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    zone = rs.next() ? ZoneId.of(rs.getString(1)) : ZoneId.of("UTC");
                }
            }
            zones.put(user, zone);
        }
        return zone;
    }

    // --- JSON out: the same fields, order and formats as the app's TaskView ---

    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    static void task(StringBuilder json, ResultSet rs, ZoneId zone) throws SQLException {
        Array tags = rs.getArray("tags");
        json.append("{\"id\":").append(rs.getLong("id"))
                .append(",\"title\":").append(str(rs.getString("title")))
                .append(",\"description\":").append(str(rs.getString("description")))
                .append(",\"completed\":").append(rs.getBoolean("completed"))
                .append(",\"priority\":\"").append(PRIORITIES[rs.getShort("priority")]).append('"')
                .append(",\"tags\":[");
        String[] values = (String[]) tags.getArray();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(str(values[i]));
        }
        json.append("],\"dueAt\":").append(date(rs.getTimestamp("due_at"), zone))
                .append(",\"allDay\":").append(rs.getBoolean("all_day"))
                .append(",\"recurrence\":null,\"reminders\":[]")
                .append(",\"createdAt\":").append(date(rs.getTimestamp("created_at"), zone))
                .append(",\"updatedAt\":").append(date(rs.getTimestamp("updated_at"), zone))
                .append(",\"completedAt\":").append(date(rs.getTimestamp("completed_at"), zone))
                .append('}');
    }

    static String date(Timestamp ts, ZoneId zone) {
        return ts == null ? "null" : '"' + ISO.format(OffsetDateTime.ofInstant(ts.toInstant(), zone)) + '"';
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String pgArray(Iterable<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** A minimal JSON reader: objects, arrays, strings, numbers, true/false/null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Object value = value();
            ws();
            if (!(value instanceof Map<?, ?>) || i != s.length()) {
                throw new BadRequest("the body must be one JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw new BadRequest("unexpected end of JSON");
            }
            char ch = s.charAt(i);
            switch (ch) {
                case '{' -> {
                    i++;
                    Map<String, Object> map = new HashMap<>();
                    ws();
                    if (peek() == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        ws();
                        String key = string();
                        ws();
                        expect(':');
                        map.put(key, value());
                        ws();
                        if (peek() == ',') {
                            i++;
                        } else {
                            expect('}');
                            return map;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> list = new ArrayList<>();
                    ws();
                    if (peek() == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        ws();
                        if (peek() == ',') {
                            i++;
                        } else {
                            expect(']');
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (start == i) {
                        throw new BadRequest("unexpected character at " + i);
                    }
                    return Double.parseDouble(s.substring(start, i));
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new BadRequest("unterminated string");
                }
                char ch = s.charAt(i++);
                if (ch == '"') {
                    return out.toString();
                }
                if (ch != '\\') {
                    out.append(ch);
                    continue;
                }
                char esc = s.charAt(i++);
                switch (esc) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(esc);
                }
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void expect(char ch) {
            if (peek() != ch) {
                throw new BadRequest("expected '" + ch + "' at " + i);
            }
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
