package io.taskstream.task;

import io.taskstream.platform.db.SqlArrays;
import io.taskstream.account.UserId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks in PostgreSQL, always scoped by the owning user. */
@Repository
class TaskRepository {

    private static final String COLUMNS = "id, user_id, title, description, completed, priority, tags, due_at, all_day, "
            + "recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, "
            + "completed_at";
    private static final String T_COLUMNS = Arrays.stream(COLUMNS.split(", "))
            .map(c -> "t." + c).collect(Collectors.joining(", "));
    /**
     * Searches read the matches through an index (GIN, or task_term for a page by relevance), for this transaction.
     * The planner prices {@code @@} like an addition, so when one user owns most of the table (the laptop install)
     * and a short prefix ("rep") matches a quarter of it, checking every row looks as cheap as the index: at 100k
     * tasks the sequential scan took 4 times as long to count the 27k matches as the index did. And task_term's
     * ranges come from the words at run time, which the planner cannot estimate (it guessed 1.7M of 3.1M entries
     * for "rep", which has 29k). Other plans stay open to the planner.
     */
    static final String SEARCH_THROUGH_INDEX = "select set_config('enable_seqscan', 'off', true)";
    /**
     * The search statements by relevance ({@link #rankedPage}). Package-visible, with {@link #searchPage} and
     * {@link #searchCount}, for {@code BaselineSqlTest}: the benchmark's baseline runs the same statements.
     */
    static final String SEARCH_STEMS = "with words as (select w.word, 1 << (w.n - 1)::int as bit"
            + " from unnest(:words::text[]) with ordinality as w(word, n)),"
            + " stems as (select s.stem, words.bit from words,"
            + " unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) ";
    static final String SEARCH_MATCHES = "select tt.task_id as id, sum(tt.weight) as rank from stems"
            + " join task_term tt on tt.user_id = :user and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111)"
            + " group by tt.task_id";
    /** With two words or more, a match has every word. */
    static final String SEARCH_ALL_WORDS = " having bit_or(stems.bit) = (select bit_or(bit) from stems)";
    static final String USER_ONLY = " where t.user_id = :user";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A task just inserted, and how many tasks its user had open before it. */
    record Inserted(TaskSnapshot task, long openBefore) {
    }

    /**
     * Inserts a task and reads, in the same statement, how many tasks the user had open before it: the sum of the
     * user's rows of V34's counter (an index-only read of a few rows), which the insert's own trigger only updates
     * after the statement. The caller decides whether that was one too many, and rolls back if so.
     */
    Inserted insert(UserId user, TaskFields fields, UUID seriesId, Instant now) {
        return jdbc.sql("insert into task (user_id, title, description, priority, tags, due_at, all_day, recurrence_rule, "
                        + "recurrence_from, series_id, reminders, created_at, updated_at) "
                        + "values (:user, :title, :description, :priority, :tags::text[], :due, :allDay, :rule, :from, "
                        + ":series, :reminders::jsonb, :now, :now) returning " + COLUMNS
                        + ", (select coalesce(sum(c.open), 0) from task_open_count c where c.user_id = :user) as open_before")
                .params(fieldParams(fields))
                .param("user", user.value())
                .param("series", seriesId)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Inserted(map(rs, row), rs.getLong("open_before")))
                .single();
    }

    /**
     * Inserts the occurrence that follows {@code previous} in its series, unless one already does: the
     * unique {@code spawned_from} makes this the one place that decides, even for concurrent callers (the
     * second waits for the first to commit, then inserts nothing).
     */
    Optional<TaskSnapshot> insertNext(UserId user, TaskFields fields, UUID seriesId, int occurrence, TaskId previous,
            Instant now) {
        return jdbc.sql("insert into task (user_id, title, description, priority, tags, due_at, all_day, recurrence_rule, "
                        + "recurrence_from, series_id, occurrence_index, spawned_from, reminders, created_at, updated_at) "
                        + "values (:user, :title, :description, :priority, :tags::text[], :due, :allDay, :rule, :from, "
                        + ":series, :occurrence, :previous, :reminders::jsonb, :now, :now) on conflict (spawned_from) do nothing returning " + COLUMNS)
                .params(fieldParams(fields))
                .param("user", user.value())
                .param("series", seriesId)
                .param("occurrence", occurrence)
                .param("previous", previous.value())
                .param("now", Timestamp.from(now))
                .query(TaskRepository::map)
                .optional();
    }

    /** Every occurrence of the series, oldest due first. */
    List<TaskSnapshot> series(UserId user, UUID seriesId) {
        return jdbc.sql("select " + COLUMNS + " from task where user_id = :user and series_id = :series "
                        + "order by due_at asc nulls last, id")
                .param("user", user.value())
                .param("series", seriesId)
                .query(TaskRepository::map)
                .list();
    }

    /**
     * The user's open tasks due in {@code [start, end)}, and the open recurring ones due before {@code start} (their
     * next occurrences may fall in the range): earliest due first, at most {@code limit}.
     */
    List<TaskSnapshot> openComingUp(UserId user, Instant start, Instant end, int limit) {
        return jdbc.sql("select " + COLUMNS + " from task where user_id = :user and not completed and due_at < :end "
                        + "and (due_at >= :start or recurrence_rule is not null) order by due_at, id limit :limit")
                .param("user", user.value())
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("limit", limit)
                .query(TaskRepository::map)
                .list();
    }

    Optional<TaskSnapshot> find(UserId user, TaskId id) {
        return jdbc.sql("select " + COLUMNS + " from task where id = :id and user_id = :user")
                .param("id", id.value())
                .param("user", user.value())
                .query(TaskRepository::map)
                .optional();
    }

    /** The tasks with these ids, whoever owns them (callers that act for the system check the owner themselves). */
    List<TaskSnapshot> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from task where id = any(:ids::bigint[])")
                .param("ids", SqlArrays.literal(ids))
                .query(TaskRepository::map)
                .list();
    }

    /** Reads the task and locks its row until the transaction ends, so concurrent changes serialise. */
    Optional<TaskSnapshot> findForUpdate(UserId user, TaskId id) {
        return jdbc.sql("select " + COLUMNS + " from task where id = :id and user_id = :user for update")
                .param("id", id.value())
                .param("user", user.value())
                .query(TaskRepository::map)
                .optional();
    }

    TaskSnapshot update(UserId user, TaskId id, TaskFields fields, UUID seriesId, Instant now) {
        return jdbc.sql("update task set title = :title, description = :description, priority = :priority, "
                        + "tags = :tags::text[], due_at = :due, all_day = :allDay, recurrence_rule = :rule, "
                        + "recurrence_from = :from, series_id = :series, reminders = :reminders::jsonb, updated_at = :now "
                        + "where id = :id and user_id = :user returning " + COLUMNS)
                .params(fieldParams(fields))
                .param("id", id.value())
                .param("user", user.value())
                .param("series", seriesId)
                .param("now", Timestamp.from(now))
                .query(TaskRepository::map)
                .single();
    }

    TaskSnapshot setCompleted(UserId user, TaskId id, boolean completed, Instant now) {
        return jdbc.sql("update task set completed = :completed, completed_at = :completedAt, updated_at = :now "
                        + "where id = :id and user_id = :user returning " + COLUMNS)
                .param("completed", completed)
                .param("completedAt", completed ? Timestamp.from(now) : null)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("user", user.value())
                .query(TaskRepository::map)
                .single();
    }

    /** Moves an occurrence to a later instance of its rule: its due, its position in the series and its reminders. */
    TaskSnapshot moveOccurrence(UserId user, TaskId id, Instant dueAt, int occurrence, List<Reminder> reminders,
            Instant now) {
        return jdbc.sql("update task set due_at = :due, occurrence_index = :occurrence, reminders = :reminders::jsonb, "
                        + "updated_at = :now where id = :id and user_id = :user returning " + COLUMNS)
                .param("due", Timestamp.from(dueAt))
                .param("occurrence", occurrence)
                .param("reminders", Reminders.toJson(reminders))
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("user", user.value())
                .query(TaskRepository::map)
                .single();
    }

    /**
     * Deletes the occurrences of the series from the given one on (by due, then id) or, with {@code from} null, all
     * of them; returns them as they were, oldest due first.
     */
    List<TaskSnapshot> deleteSeries(UserId user, UUID seriesId, TaskSnapshot from) {
        String after = from == null ? "" : " and (due_at, id) >= (:due, :id)";
        return jdbc.sql("delete from task where user_id = :user and series_id = :series" + after + " returning " + COLUMNS)
                .param("user", user.value())
                .param("series", seriesId)
                .param("due", from == null || from.dueAt() == null ? null : Timestamp.from(from.dueAt()))
                .param("id", from == null ? 0L : from.id().value())
                .query(TaskRepository::map)
                .list()
                .stream()
                .sorted(Comparator.comparing(TaskSnapshot::dueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                        .thenComparing(t -> t.id().value()))
                .toList();
    }

    boolean delete(UserId user, TaskId id) {
        return jdbc.sql("delete from task where id = :id and user_id = :user")
                .param("id", id.value())
                .param("user", user.value())
                .update() == 1;
    }

    /** One page of the user's tasks; {@code now} and the user's {@code zone} decide what is overdue. */
    TaskPage list(UserId user, TaskQuery query, Instant now, ZoneId zone) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user.value());
        StringBuilder where = new StringBuilder(USER_ONLY);
        switch (query.status()) {
            case PENDING -> where.append(" and not t.completed");
            case COMPLETED -> where.append(" and t.completed");
            case ALL -> { }
        }
        if (!query.priorities().isEmpty()) {
            where.append(" and t.priority in (:priorities)");
            params.put("priorities", query.priorities().stream().map(p -> (short) p.ordinal()).toList());
        }
        if (!query.tags().isEmpty()) {
            where.append(" and t.tags @> :tags::text[]");
            params.put("tags", SqlArrays.literal(query.tags()));
        }
        if (query.dueFrom() != null) {
            where.append(" and t.due_at >= :dueFrom");
            params.put("dueFrom", Timestamp.from(query.dueFrom()));
        }
        if (query.dueTo() != null) {
            where.append(" and t.due_at <= :dueTo");
            params.put("dueTo", Timestamp.from(query.dueTo()));
        }
        if (query.overdue()) {
            // An all-day task is due at the start of its day in the user's zone and overdue once the next day has
            // begun there: its day may be 23 or 25 hours long, so this is not "due_at + 24 hours".
            Instant startOfToday = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            where.append(" and not t.completed"
                    + " and (t.due_at < :startOfToday or (not t.all_day and t.due_at < :now))");
            params.put("now", Timestamp.from(now));
            params.put("startOfToday", Timestamp.from(startOfToday));
        }
        params.put("limit", query.size());
        params.put("offset", query.offset());
        String from = " from task t";
        if (query.search() != null) {
            List<String> words = words(query.search());
            if (words.isEmpty()) {
                return TaskPage.counted(List.of(), 0, query.offset());
            }
            jdbc.sql(SEARCH_THROUGH_INDEX).query(String.class).single();
            params.put("words", SqlArrays.literal(words));
            params.put("q", prefixQuery(words));
            boolean filtered = !where.toString().equals(USER_ONLY);
            from = " from task t, to_tsquery('english', :q) q";
            where.append(" and t.search @@ q");
            if (query.sort() == TaskQuery.Sort.RELEVANCE) {
                return rankedPage(words.size(), filtered ? where.toString() : null, params, query.offset());
            }
        }
        // Count at most one more than the exact range: an index scan that stops early instead of visiting every match.
        params.put("countLimit", TaskPage.EXACT_TOTAL_UP_TO + 1);
        long counted = jdbc.sql(listCount(from, where.toString())).params(params).query(Long.class).single();
        String page = listPage(T_COLUMNS, from, where.toString(), orderBy(query.sort(), query.descending()));
        if (counted <= TaskPage.EXACT_TOTAL_UP_TO) {
            if (counted == 0 || query.offset() >= counted) {
                return TaskPage.counted(List.of(), counted, query.offset());
            }
            return TaskPage.counted(jdbc.sql(page).params(params).query(TaskRepository::map).list(), counted, query.offset());
        }
        // More than that match: read one row beyond the page to tell whether another page follows.
        params.put("limit", query.size() + 1);
        List<TaskSnapshot> tasks = jdbc.sql(page).params(params).query(TaskRepository::map).list();
        boolean hasNext = tasks.size() > query.size();
        return new TaskPage(hasNext ? tasks.subList(0, query.size()) : tasks, OptionalLong.empty(), hasNext);
    }

    /**
     * A page of search results by relevance, ranked from the {@code task_term} index (V31, ADR 031): each word of
     * the text, stemmed as the search vector was, is a range of the user's entries read index-only. A task matches
     * when every word has an entry (checked only for two words or more: one word is one stem, or none if it is a
     * stop word, and the check costs a sixth of a broad word's time) and ranks by the sum of their weights (title
     * 1.0, description 0.4), the newest first among equals. The matches are counted (exactly, by a window over them:
     * 20 % cheaper than materializing them to count and sort) and sorted, and only the page's rows are read from the
     * task table. With other filters ({@code filter}: the where clause, the search included) the tasks they keep are
     * read through the GIN index and joined with the ranks, in about half the time that visiting each ranked match
     * by its id took.
     */
    private TaskPage rankedPage(int wordCount, String filter, Map<String, Object> params, long offset) {
        String found = SEARCH_MATCHES + (wordCount == 1 ? "" : SEARCH_ALL_WORDS);
        String matches = filter == null ? found
                : "select f.id, f.rank from (" + found + ") f join task t on t.id = f.id, to_tsquery('english', :q) q" + filter;
        String sql = searchPage(T_COLUMNS, matches);
        long[] total = {0};
        List<TaskSnapshot> tasks = jdbc.sql(sql).params(params).query((rs, row) -> {
            total[0] = rs.getLong("total");
            return map(rs, row);
        }).list();
        if (tasks.isEmpty()) {
            // No match, or a page past the last one: only the count is still to be told.
            total[0] = jdbc.sql(searchCount(matches)).params(params).query(Long.class).single();
        }
        return TaskPage.counted(tasks, total[0], offset);
    }

    /**
     * How many tasks the filters keep, counted up to {@code :countLimit}. Package-visible, with {@link #listPage},
     * {@link #orderBy} and {@link #USER_ONLY}, for {@code BaselineSqlTest}: the benchmark's baseline lists the same way.
     */
    static String listCount(String from, String where) {
        return "select count(*) from (select 1" + from + where + " limit :countLimit) c";
    }

    /** One page of the tasks the filters keep, in the query's order; reads {@code columns} ({@code t}). */
    static String listPage(String columns, String from, String where, String orderBy) {
        return "select " + columns + from + where + " order by " + orderBy + " limit :limit offset :offset";
    }

    /** One page of the matches, ranked, with their count; reads {@code columns} of the page's tasks ({@code t}). */
    static String searchPage(String columns, String matches) {
        return SEARCH_STEMS + "select " + columns + ", p.total from ("
                + "select m.id, m.rank, count(*) over () as total from (" + matches + ") m"
                + " order by m.rank desc, m.id desc limit :limit offset :offset"
                + ") p join task t on t.id = p.id order by p.rank desc, p.id desc";
    }

    /** The number of matches, when the page has none to count them. */
    static String searchCount(String matches) {
        return SEARCH_STEMS + "select count(*) from (" + matches + ") m";
    }

    /** The words of the user's text, at most 16: each is a prefix, all required ("groc mil" finds "Buy groceries and milk"). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && words.size() < 16) {
            words.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
        return words;
    }

    /** The words as a {@code tsquery} of prefix terms, all required: "groc:* & mil:*". */
    static String prefixQuery(List<String> words) {
        return words.stream().map(w -> w + ":*").collect(Collectors.joining(" & "));
    }

    static String orderBy(TaskQuery.Sort sort, boolean descending) {
        String dir = descending ? " desc" : " asc";
        return switch (sort) {
            case DUE -> "t.due_at" + dir + " nulls last, t.id" + dir;
            case PRIORITY -> "t.priority" + dir + ", t.due_at asc nulls last, t.id asc";
            case TITLE -> "lower(t.title)" + dir + ", t.id" + dir;
            case CREATED -> "t.created_at" + dir + ", t.id" + dir;
            case UPDATED -> "t.updated_at" + dir + ", t.id" + dir;
            case RELEVANCE -> throw new IllegalArgumentException("relevance is ranked by rankedPage");
        };
    }

    List<TagCount> tags(UserId user) {
        return jdbc.sql("select tag, count(*) as n from task, unnest(tags) as tag where user_id = :user "
                        + "group by tag order by n desc, tag")
                .param("user", user.value())
                .query((rs, row) -> new TagCount(rs.getString("tag"), rs.getLong("n")))
                .list();
    }


    private static Map<String, Object> fieldParams(TaskFields fields) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", fields.title());
        params.put("description", fields.description());
        params.put("priority", (short) fields.priority().ordinal());
        params.put("tags", SqlArrays.literal(fields.tags()));
        params.put("due", fields.dueAt() == null ? null : Timestamp.from(fields.dueAt()));
        params.put("allDay", fields.allDay());
        params.put("rule", fields.recurrence() == null ? null : fields.recurrence().rule());
        params.put("from", fields.recurrence() == null ? null : fields.recurrence().from().json());
        params.put("reminders", Reminders.toJson(fields.reminders()));
        return params;
    }

    private static TaskSnapshot map(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        return new TaskSnapshot(
                new TaskId(rs.getLong("id")),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("title"),
                rs.getString("description"),
                rs.getBoolean("completed"),
                Priority.values()[rs.getShort("priority")],
                List.of((String[]) tags.getArray()),
                instant(rs.getTimestamp("due_at")),
                rs.getBoolean("all_day"),
                recurrence(rs.getString("recurrence_rule"), rs.getString("recurrence_from")),
                rs.getObject("series_id", UUID.class),
                rs.getInt("occurrence_index"),
                Reminders.fromJson(rs.getString("reminders")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("completed_at")));
    }

    private static Recurrence recurrence(String rule, String from) {
        return rule == null ? null : new Recurrence(rule, Recurrence.From.parse(from).orElseThrow());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The user's rows for the data export, as one JSON document. */
    String export(UUID user) {
        return jdbc.sql("""
                select coalesce(json_agg(t order by t.id), '[]'::json)::text from (
                    select id, title, description, completed, priority, tags, due_at as "dueAt",
                           all_day as "allDay", created_at as "createdAt", updated_at as "updatedAt",
                           completed_at as "completedAt", recurrence_rule as "recurrenceRule",
                           recurrence_from as "recurrenceFrom", series_id as "seriesId",
                           occurrence_index as "occurrenceIndex", spawned_from as "spawnedFrom", reminders
                    from task where user_id = :user) t""")
                .param("user", user)
                .query(String.class)
                .single();
    }
}
