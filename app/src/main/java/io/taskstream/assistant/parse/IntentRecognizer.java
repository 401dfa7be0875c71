package io.taskstream.assistant.parse;

import io.taskstream.task.Priority;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic keyword/pattern recogniser that maps a chat message to an {@link Intent}: add, list/search,
 * complete, delete, update, set a reminder, a question about the past (history), help, or unknown. A question
 * ("what…?", "when is…?", "do I have…?") only ever reads: it is never taken for a task or a change. Task phrases are parsed with {@link QuickAddParser}.
 * Stateless and thread-safe.
 */
public final class IntentRecognizer {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static Pattern p(String regex) {
        return Pattern.compile(regex, CI);
    }

    private static final Pattern POLITE_PREFIX = p("^(?:(?:hey|hi|hello|ok|okay|please|pls|plz|kindly|can you|"
            + "could you|would you|will you|can u|could u|i want you to|i'd like you to|i would like you to)"
            + "[,!]?\\s+)+");
    private static final Pattern POLITE_SUFFIX = p("(?:[\\s,]+(?:please|pls|plz|thanks|thank you|thx))+[\\s?!.]*$");
    private static final Pattern END_PUNCT = p("[\\s?!.]+$");
    private static final Pattern HELP = p("^(?:help|\\?+|commands|usage|what can you do|what can i (?:say|do|ask)|"
            + "how does (?:this|it) work|how do i use (?:this|you|it)|what do you do|show commands|help me)$");

    private static final Pattern REMIND_ABOUT = p("^(?:remind me|ping me|alert me|notify me)\\s+(?:about|of|regarding)"
            + "\\s+(.+)$");
    private static final Pattern SET_REMINDER = p("^(?:set|add|create|put|schedule)\\s+(?:a\\s+|an\\s+)?"
            + "(?:reminder|alert)\\s+(?:for|on|to|about)\\s+(.+)$");
    private static final Pattern REMIND_BEFORE_REF = p("^(?:remind me|ping me)\\s+(.+?\\s+before)\\s+(.+)$");
    private static final Pattern REMIND_TO = p("^remind me\\s+to\\s+.+$");
    private static final Pattern DONT_FORGET = p("^(?:don'?t let me forget|don'?t forget|do not forget)\\s+(?:to\\s+)?"
            + "(.+)$");
    private static final Pattern ADD_TAGS = p("^(?:add|put)\\s+(?:the\\s+)?(?:tags?|labels?)\\s+(.+?)\\s+(?:to|on)\\s+"
            + "(.+)$");
    private static final Pattern ADD_HASH_TAGS = p("^(?:add|put)\\s+((?:[#@][\\p{L}\\p{N}_-]+[\\s,]*(?:and\\s+)?)+?)"
            + "\\s*(?:to|on)\\s+(.+)$");
    private static final Pattern ADD = p("^(?:add|create|new|jot down|capture|note down|"
            + "make(?=\\s+(?:a|an|new)\\s+(?:task|todo|to-do|reminder)\\b))\\b[\\s:]*(.*)$");
    private static final Pattern TASK_COLON = p("^(?:new\\s+)?(?:task|todo|to-do)\\s*:\\s*(.+)$");
    private static final Pattern NEED_TO = p("^i\\s*(?:'ve|'ll|\\s+have|\\s+need|\\s+must|\\s+should|\\s+want|"
            + "\\s+gotta|\\s+got|\\s+ought)?(?:\\s+(?:got|have))?\\s+to\\s+(.+)$");
    private static final Pattern ADD_NOUN_PREFIX = p("^(?:(?:a|an|the|new|another)\\s+)*(?:task|todo|to-do|item|"
            + "reminder|entry)s?\\b\\s*(?:called|named|titled|saying|:|-|to)?\\s*");
    private static final Pattern ADD_LIST_SUFFIX = p("\\s+(?:to|on|in)\\s+(?:my|the)\\s+(?:task\\s+|todo\\s+|to-do\\s+)?"
            + "(?:list|tasks|todos)$");

    private static final Pattern I_FINISHED = p("^(?:i|i've|i have|we|we've|we have)?\\s*(?:just\\s+|already\\s+|"
            + "finally\\s+)?(?:finished|completed|did|done|accomplished|wrapped up)[\\s:]+(?:with\\s+)?(.+)$");
    private static final Pattern IM_DONE = p("^(?:i'm|i am|im|we're|we are)\\s+(?:all\\s+|now\\s+)?(?:done|finished|"
            + "through)\\s+with\\s+(.+)$");
    private static final Pattern MARK_DONE = p("^(?:mark|set|flag)\\s+(.+?)\\s+(?:as\\s+)?(?:done|complete|completed|"
            + "finished|closed|resolved)$");
    private static final Pattern CHECK_OFF = p("^(?:check|tick|cross)\\s+(?:off\\s+)?(.+?)(?:\\s+off)?$");
    private static final Pattern COMPLETE_VERB = p("^(complete|finish|close|resolve)\\s+(.+)$");
    private static final Pattern IS_DONE = p("^(.+?)\\s+(?:is|are|was|were|has been|have been)\\s+(?:now\\s+|all\\s+)?"
            + "(?:done|complete|completed|finished)$");
    private static final Pattern SUFFIX_DONE = p("^(.+?)\\s+(?:done|finished|completed)$");

    private static final Pattern DELETE = p("^(?:delete|remove|cancel|drop|trash|discard|erase|scrap|get rid of|"
            + "forget about|forget|nuke|bin)\\s+(.+)$");

    private static final Pattern RENAME = p("^(?:rename|retitle)\\s+(.+?)\\s+(?:to|as|into)\\s+(.+)$");
    private static final Pattern CHANGE_TITLE = p("^(?:change|update|set|edit)\\s+(?:the\\s+)?(?:title|name|text)\\s+"
            + "(?:of|for|on)\\s+(.+?)\\s+to\\s+(.+)$");
    private static final Pattern PRIORITY_OF = p("^(?:change|set|update|make|bump|raise|lower)\\s+(?:the\\s+)?"
            + "(?:priority|prio)\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|as)\\s+(.+)$");
    private static final Pattern PRIORITY_POSSESSIVE = p("^(?:change|set|update|bump|raise|lower)\\s+(.+?)(?:'s)?\\s+"
            + "(?:priority|prio)\\s+(?:to|as)\\s+(.+)$");
    private static final Pattern MAKE_PRIORITY = p("^(?:make|mark|set|flag)\\s+(.+?)\\s+(?:as\\s+)?(?:an?\\s+)?"
            + "(high|highest|top|medium|med|normal|low|lowest|no|urgent|important|p[1-4])(?:[\\s-]+(?:priority|prio))?$");
    private static final Pattern PRIORITIZE = p("^prioriti[sz]e\\s+(.+)$");
    private static final Pattern TAG = p("^(?:tag|label)\\s+(.+?)\\s+(?:with|as)\\s+(.+)$");
    private static final Pattern DUE_OF = p("^(?:change|set|update|move)\\s+(?:the\\s+)?(?:due date|due|date|deadline|"
            + "due time|time)\\s+(?:of|for|on)\\s+(.+?)\\s+to\\s+(.+)$");
    private static final Pattern DUE_POSSESSIVE = p("^(?:change|set|update|move)\\s+(.+?)(?:'s)?\\s+(?:due date|"
            + "deadline|due)\\s+to\\s+(.+)$");
    private static final Pattern RESCHEDULE = p("^(?:move|reschedule|postpone|push|defer|shift|change|set|update|put|"
            + "bump)\\s+(.+)$");
    private static final Pattern WHEN_SPLIT_STRONG = p("\\s+(?:to|for|until|till)\\s+");
    private static final Pattern WHEN_SPLIT_WEAK = p("\\s+(?:on|at|by)\\s+");

    private static final Pattern LIST_VERB = p("^(?:show|list|display|view|see|find|search|look|lookup|get|give me|"
            + "pull up|open)\\b");
    private static final Pattern LIST_QUESTION = p("^(?:what|what's|whats|which|any|anything|is there|are there|"
            + "do i have|have i got|how many|tell me|what do i have)\\b");
    private static final Pattern LIST_TOPIC = p("\\b(?:tasks?|todos?|to-dos?|due|overdue|agenda|pending|completed|"
            + "left|plate|schedule|planned|tagged|priority|to do|do i have|should i do|coming up|next|upcoming)\\b");
    private static final Pattern LIST_NOUN_START = p("^(?:my\\s+|all\\s+|the\\s+)?(?:(?:high|medium|low|pending|open|"
            + "completed|done|finished|overdue|upcoming|today's|tomorrow's|urgent)[\\s-]+)?(?:priority\\s+)?"
            + "(?:tasks?|todos?|to-dos?|agenda)\\b");
    private static final Pattern OVERDUE = p("\\b(?:overdue|late|past due|missed)\\b");
    private static final Pattern STATUS_COMPLETED = p("\\b(?:completed|finished|done|closed|archived)\\b");
    private static final Pattern STATUS_ALL = p("\\ball\\b");
    private static final Pattern FIND = p("^(?:find|search(?:\\s+for)?|look\\s+(?:for|up)|lookup)\\s+(?:(?:my\\s+|the\\s+)?"
            + "(?:tasks?|todos?)\\s+(?:about|with|containing|matching|for|called|named|mentioning)\\s+)?(.+)$");
    private static final Pattern SEARCH_CLAUSE = p("\\b(?:about|containing|matching|mentioning|called|named|"
            + "with the word)\\s+[\"'\u201C]?(.+?)[\"'\u201D]?$");
    private static final Pattern LIST_PRIORITY = p("\\b(?:(high|highest|top|medium|med|low|lowest)[\\s-]+"
            + "(?:priority|prio)|(urgent|important)|(p[1-4]))\\b");
    private static final Pattern LIST_TAG = p("(?:\\b(?:tagged|labell?ed|tag|label)\\s+(?:as\\s+|with\\s+)?[#@]?|[#@])"
            + "([\\p{L}\\p{N}_-]+)");
    private static final Pattern NEXT_N_DAYS = p("\\bnext\\s+(\\d{1,3}|two|three|four|five|six|seven|ten|fourteen|thirty)"
            + "\\s+days\\b");
    private static final Pattern BY_DATE = p("\\b(?:by|before|until)\\s+(.+)$");

    private static final Pattern THIS_WEEK = p("\\b(?:this|the|current)\\s+week\\b|\\bweek\\b");
    private static final Pattern NEXT_WEEK = p("\\bnext\\s+week\\b");
    private static final Pattern UPCOMING = p("\\b(?:upcoming|coming up|soon|coming days|next few days)\\b");
    private static final Pattern SPACES = p("\\s+");
    private static final Pattern TAG_SPLIT = p("[\\s,]+");
    private static final Pattern TAG_SIGIL = p("^[#@]");
    private static final Pattern PRIORITY_NOUN_SUFFIX = p("[\\s-]+(?:priority|prio)$");
    private static final Pattern QUOTES = p("^[\\s\"'\u201C\u201D\u2018\u2019`]+|[\\s\"'\u201C\u201D\u2018\u2019`.,!?;:]+$");
    private static final Pattern REF_ARTICLES = p("^(?:(?:the|a|an|my|that|this|our|your|its)\\s+)+");
    private static final Pattern REF_NOUN_PREFIX = p("^(?:task|todo|to-do|item)s?\\s+(?:called|named|titled|about|"
            + "for|to)\\s+");
    private static final Pattern REF_TASK_WORD = p("\\s*\\b(?:task|todo|to-do|item)s?\\b\\s*");
    private static final Pattern TASK_ID = p("^(?:(?:task|todo|item|number|no\\.?|id|#)\\s*)?#?\\s*(\\d{1,18})$");

    /** A question: it asks, so it never becomes a task (nor completes, changes or deletes one). */
    private static final Pattern QUESTION = p("^(?:what|what's|whats|when|when's|where|where's|who|who's|whom|whose|"
            + "why|how|which|(?:do|does|did|didn't|don't|doesn't|have|has|had|haven't|hasn't|is|isn't|are|aren't|was|"
            + "wasn't|were|weren't|am|can|could|should|shall|will|would|may|must)\\s+(?:i|we|you|u|they|he|she|it|"
            + "my|our|the|there|any|anything|something|all|that|this))\\b");
    /** "what did I complete today", "which tasks have I finished this week", "how many tasks did I add yesterday". */
    private static final Pattern PAST_QUESTION = p("^(?:what|which|how many)(?:\\s+(?:tasks?|todos?|to-dos?|things|stuff))?"
            + "\\s+(?:did|have|had)\\s+(?:i|we)\\s+(?:(?:already|just|actually|really)\\s+)?"
            + "(complete|completed|finish|finished|do|done|get done|got done|check off|checked off|tick off|ticked off|"
            + "cross off|crossed off|close|closed|delete|deleted|remove|removed|add|added|create|created|change|changed|"
            + "update|updated|edit|edited)\\b\\s*(.*)$");
    /** "what have I done today", "what have I completed so far", "what got done yesterday". */
    private static final Pattern DONE_QUESTION = p("^what(?:'s| has| have)?\\s+(?:i|we)?\\s*(?:been\\s+|got\\s+|gotten\\s+)?"
            + "(done|completed|finished)\\b\\s*(.*)$");
    /** "show the history of call mom", "history of task 5", "what happened to the report". */
    private static final Pattern HISTORY_OF = p("^(?:(?:show|give|tell|display|get)\\s+(?:me\\s+)?)?(?:the\\s+)?"
            + "(?:history|activity|log|changes|audit trail)\\s+(?:of|for|on)\\s+(.+)$");
    private static final Pattern HAPPENED_TO = p("^what(?:'s)?\\s+(?:has\\s+)?happened\\s+(?:to|with)\\s+(.+)$");
    /** "what happened today", "show my activity this week", "my history yesterday". */
    private static final Pattern ACTIVITY = p("^(?:(?:show|give|tell|display|get)\\s+(?:me\\s+)?)?(?:(?:my|the)\\s+)?"
            + "(?:history|activity|what happened|what have i done|what did i do)\\b\\s*(.*)$");
    /** "did I finish the report", "have I completed call mom": whether one task was done, from its history. */
    private static final Pattern DID_I = p("^(?:did|have|had)\\s+(?:i|we)\\s+(?:already\\s+)?(?:complete|completed|"
            + "finish|finished|do|done|delete|deleted|remove|removed|add|added|create|created|check off|checked off)\\s+(.+)$");
    /** "when is the dentist", "when's my flight due": the task's due, from a search. */
    private static final Pattern WHEN_IS = p("^when(?:'s|\\s+is|\\s+are|\\s+was|\\s+do|\\s+does)?\\s+(.+?)"
            + "(?:\\s+(?:due|scheduled|planned|happening))?(?:\\s+again)?$");
    private static final Pattern PERIOD_WORDS = p("^(?:(?:so\\s+far|on|in|during|over|for|from|since)\\s+)*");
    private static final Pattern LAST_N_DAYS = p("^(?:the\\s+)?(?:last|past)\\s+(\\d{1,3}|two|three|four|five|six|"
            + "seven|ten|fourteen|thirty)\\s+days$");

    /** How many trailing words may hold a reminder or reschedule time, bounding the work on long messages. */
    private static final int MAX_TAIL_WORDS = 16;

    private final QuickAddParser parser;

    public IntentRecognizer() {
        this(new QuickAddParser());
    }

    public IntentRecognizer(QuickAddParser parser) {
        this.parser = parser;
    }

    /** The numeric id in "task 5", "#5", "task #5", "number 5" or "5"; empty for anything else. */
    public static OptionalLong taskId(String reference) {
        if (reference == null) {
            return OptionalLong.empty();
        }
        Matcher m = TASK_ID.matcher(reference.strip());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Strips quotes, articles and the word "task" from a task reference; ids become "task N". */
    public static String cleanReference(String raw) {
        if (raw == null) {
            return "";
        }
        String r = QUOTES.matcher(raw.strip()).replaceAll("");
        OptionalLong id = taskId(r);
        if (id.isPresent()) {
            return "task " + id.getAsLong();
        }
        r = REF_ARTICLES.matcher(r).replaceFirst("");
        r = REF_NOUN_PREFIX.matcher(r).replaceFirst("");
        id = taskId(r);
        if (id.isPresent()) {
            return "task " + id.getAsLong();
        }
        r = REF_TASK_WORD.matcher(r).replaceAll(" ").strip();
        r = REF_ARTICLES.matcher(r).replaceFirst("");
        r = QUOTES.matcher(r).replaceAll("");
        return SPACES.matcher(r).replaceAll(" ").strip();
    }

    public Intent recognize(String message, ZonedDateTime reference) {
        String original = message == null ? "" : message.strip();
        ZonedDateTime ref = reference != null ? reference : ZonedDateTime.now();
        try {
            return recognizeChecked(original, ref);
        } catch (RuntimeException e) {
            return new Intent.Unknown(original);
        }
    }

    private Intent recognizeChecked(String original, ZonedDateTime ref) {
        String body = POLITE_PREFIX.matcher(original).replaceFirst("");
        body = POLITE_SUFFIX.matcher(body).replaceFirst("");
        String bare = END_PUNCT.matcher(body).replaceFirst("").strip();
        if (bare.isEmpty()) {
            return HELP.matcher(body.strip()).matches() ? new Intent.Help() : new Intent.Unknown(original);
        }
        if (HELP.matcher(bare).matches()) {
            return new Intent.Help();
        }
        Intent asked = history(bare, ref);
        if (asked != null) {
            return asked;
        }
        if (QUESTION.matcher(bare).lookingAt()) {
            return question(original, bare, ref);
        }
        Intent i = reminder(bare, ref);
        if (i == null) {
            i = add(body.strip(), bare, ref);
        }
        if (i == null) {
            i = complete(bare, ref);
        }
        if (i == null) {
            i = update(bare, ref);
        }
        if (i == null) {
            i = delete(bare);
        }
        if (i == null) {
            i = list(bare, ref);
        }
        if (i == null) {
            TaskDraft d = parser.parse(body.strip(), ref);
            if (d.hasTitle() && (d.date() != null || d.recurring() || d.priority() != Priority.NONE
                    || !d.tags().isEmpty())) {
                i = new Intent.AddTask(d);
            }
        }
        return i != null ? i : new Intent.Unknown(original);
    }

    /**
     * A question about the past ("what did I complete today?", "show the history of call mom"), or null.
     */
    private Intent history(String s, ZonedDateTime ref) {
        Matcher m = HISTORY_OF.matcher(s);
        if (!m.matches()) {
            m = HAPPENED_TO.matcher(s);
        }
        if (m.matches()) {
            LocalDate[] period = period(m.group(1), ref);
            if (period == null) { // "the history of call mom": a task
                String reference = cleanReference(m.group(1));
                if (reference.isEmpty() || parser.parse(m.group(1), ref).date() != null) {
                    return null; // "History of Rome essay friday" is a task to add, not a question
                }
                return new Intent.History("any", null, null, reference);
            }
            return new Intent.History("any", period[0], period[1], null);
        }
        String event = null;
        String rest = null;
        m = PAST_QUESTION.matcher(s);
        if (m.matches()) {
            event = pastEvent(m.group(1));
            rest = m.group(2);
        } else {
            m = DONE_QUESTION.matcher(s);
            if (m.matches()) {
                event = "completed";
                rest = m.group(2);
            } else {
                m = ACTIVITY.matcher(s);
                if (m.matches()) {
                    event = "any";
                    rest = m.group(1);
                }
            }
        }
        if (event == null) {
            return null;
        }
        LocalDate[] period = period(rest, ref);
        if (period == null) {
            return null;
        }
        return new Intent.History(event, period[0], period[1], null);
    }

    private static String pastEvent(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.startsWith("delet") || v.startsWith("remov")) {
            return "deleted";
        }
        if (v.startsWith("add") || v.startsWith("creat")) {
            return "created";
        }
        if (v.startsWith("chang") || v.startsWith("updat") || v.startsWith("edit")) {
            return "updated";
        }
        return "completed";
    }

    /**
     * The days a question about the past covers (inclusive), from what follows its verb: nothing (the last 7 days),
     * "today", "yesterday", "this week", "last week", "this month", "last month", "the last 3 days", a weekday (its
     * last occurrence), a date. Null when the words name no period (they name a task then).
     */
    private LocalDate[] period(String words, ZonedDateTime ref) {
        String w = PERIOD_WORDS.matcher(words.strip().toLowerCase(Locale.ROOT)).replaceFirst("").strip();
        LocalDate today = ref.toLocalDate();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Matcher n = LAST_N_DAYS.matcher(w);
        if (n.matches()) {
            int days = Math.max(1, Words.cardinal(n.group(1)));
            return new LocalDate[] {today.minusDays(days - 1L), today};
        }
        switch (w) {
            case "", "recently", "lately", "the last week", "the past week", "last 7 days", "the last 7 days" -> {
                return new LocalDate[] {today.minusDays(6), today};
            }
            case "today", "so far today", "this morning", "this afternoon", "this evening", "tonight" -> {
                return new LocalDate[] {today, today};
            }
            case "yesterday", "last night" -> {
                return new LocalDate[] {today.minusDays(1), today.minusDays(1)};
            }
            case "this week", "the week" -> {
                return new LocalDate[] {monday, today};
            }
            case "last week", "the previous week" -> {
                return new LocalDate[] {monday.minusWeeks(1), monday.minusDays(1)};
            }
            case "this month" -> {
                return new LocalDate[] {today.withDayOfMonth(1), today};
            }
            case "last month" -> {
                LocalDate first = today.minusMonths(1).withDayOfMonth(1);
                return new LocalDate[] {first, first.with(TemporalAdjusters.lastDayOfMonth())};
            }
            case "this year" -> {
                return new LocalDate[] {today.withDayOfYear(1), today};
            }
            default -> {
            }
        }
        String day = w.startsWith("last ") ? w.substring(5) : w;
        DayOfWeek weekday = Words.weekday(day);
        if (weekday != null) {
            LocalDate d = today.with(TemporalAdjusters.previousOrSame(weekday));
            return new LocalDate[] {d, d};
        }
        TaskDraft d = parser.parse(w, ref);
        if (!d.hasTitle() && d.date() != null && !d.recurring()) {
            LocalDate date = d.date().isAfter(today) ? d.date().minusYears(1) : d.date();
            return new LocalDate[] {date, date};
        }
        return null;
    }

    /**
     * A question that is not about the past: a question about tasks lists them ("do I have anything due
     * tomorrow?", "when is the dentist?"), "did I finish the report?" reads that task's history; anything else
     * is a question the assistant cannot answer, never a task.
     */
    private Intent question(String original, String bare, ZonedDateTime ref) {
        Matcher m = DID_I.matcher(bare);
        if (m.matches()) {
            String reference = cleanReference(m.group(1));
            LocalDate[] period = period(m.group(1), ref);
            if (period != null) {
                return new Intent.History(pastEvent(bare.split("\\s+")[2]), period[0], period[1], null);
            }
            if (!reference.isEmpty()) {
                return new Intent.History("any", null, null, reference);
            }
        }
        Intent listed = list(bare, ref);
        if (listed != null) {
            return listed;
        }
        m = WHEN_IS.matcher(bare);
        if (m.matches()) {
            String search = cleanReference(m.group(1).replaceFirst("(?i)^(?:my|the|our)\\s+", ""));
            if (!search.isEmpty()) {
                return new Intent.ListTasks("pending", search, null, null, null, null, false);
            }
        }
        return new Intent.Question(original);
    }

    private Intent reminder(String s, ZonedDateTime ref) {
        Matcher m = REMIND_BEFORE_REF.matcher(s);
        if (m.matches()) {
            TaskDraft d = parser.parse("remind me " + m.group(1), ref);
            if (!d.hasTitle() && !d.remindersBefore().isEmpty()) {
                return new Intent.SetReminder(cleanReference(m.group(2)), d.remindersBefore().get(0), null);
            }
        }
        m = REMIND_ABOUT.matcher(s);
        if (!m.matches()) {
            m = SET_REMINDER.matcher(s);
            if (!m.matches()) {
                return null;
            }
        }
        String rest = m.group(1);
        List<int[]> words = wordStarts(rest);
        for (int[] w : words.subList(Math.max(0, words.size() - MAX_TAIL_WORDS), words.size())) {
            if (w[0] == 0) {
                continue;
            }
            TaskDraft d = parser.parse("remind me " + rest.substring(w[0]), ref);
            if (d.hasTitle()) {
                continue;
            }
            String target = cleanReference(rest.substring(0, w[0]));
            if (target.isEmpty()) {
                continue;
            }
            if (!d.remindersAt().isEmpty()) {
                return new Intent.SetReminder(target, null, d.remindersAt().get(0));
            }
            List<Duration> before = d.remindersBefore().stream().filter(x -> !x.isZero()).toList();
            if (!before.isEmpty()) {
                return new Intent.SetReminder(target, before.get(0), null);
            }
            if (d.date() != null) {
                return new Intent.SetReminder(target, null, d.dueAt(ref.getZone()));
            }
        }
        return new Intent.SetReminder(cleanReference(rest), Duration.ZERO, null);
    }

    private Intent add(String body, String bare, ZonedDateTime ref) {
        if (REMIND_TO.matcher(bare).matches()) {
            return new Intent.AddTask(parser.parse(body, ref));
        }
        Matcher m = DONT_FORGET.matcher(bare);
        if (m.matches()) {
            return addDraft(m.group(1), ref);
        }
        m = ADD_TAGS.matcher(bare);
        if (m.matches()) {
            return tagUpdate(m.group(2), m.group(1));
        }
        m = ADD_HASH_TAGS.matcher(bare);
        if (m.matches()) {
            return tagUpdate(m.group(2), m.group(1));
        }
        m = TASK_COLON.matcher(bare);
        if (m.matches()) {
            return addDraft(m.group(1), ref);
        }
        m = ADD.matcher(bare);
        if (m.matches()) {
            String rest = ADD_NOUN_PREFIX.matcher(m.group(1)).replaceFirst("");
            rest = ADD_LIST_SUFFIX.matcher(rest).replaceFirst("");
            return rest.isBlank() ? null : addDraft(rest, ref);
        }
        m = NEED_TO.matcher(bare);
        if (m.matches()) {
            return addDraft(m.group(1), ref);
        }
        return null;
    }

    private Intent addDraft(String text, ZonedDateTime ref) {
        TaskDraft d = parser.parse(text, ref);
        return d.hasTitle() || d.date() != null ? new Intent.AddTask(d) : null;
    }

    private Intent tagUpdate(String target, String tagText) {
        List<String> tags = new ArrayList<>();
        for (String t : TAG_SPLIT.split(tagText)) {
            String tag = TAG_SIGIL.matcher(t).replaceFirst("").toLowerCase(Locale.ROOT);
            if (!tag.isEmpty() && !tag.equals("and") && !tag.equals("tag") && !tag.equals("tags")
                    && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags.isEmpty() ? null
                : new Intent.UpdateTask(cleanReference(target), null, null, null, null, tags, null);
    }

    private Intent complete(String s, ZonedDateTime ref) {
        for (Pattern p : new Pattern[] {IM_DONE, MARK_DONE, I_FINISHED, IS_DONE}) {
            Matcher m = p.matcher(s);
            if (m.matches()) {
                return new Intent.CompleteTask(cleanReference(m.group(1)));
            }
        }
        Matcher m = COMPLETE_VERB.matcher(s);
        if (m.matches()) {
            TaskDraft d = parser.parse(m.group(2), ref);
            boolean scheduled = d.date() != null || d.recurring() || d.priority() != Priority.NONE;
            if (!scheduled) {
                return new Intent.CompleteTask(cleanReference(m.group(2)));
            }
            return null;
        }
        m = CHECK_OFF.matcher(s);
        if (m.matches() && (s.toLowerCase(Locale.ROOT).contains(" off") || s.toLowerCase(Locale.ROOT).startsWith("tick"))) {
            return new Intent.CompleteTask(cleanReference(m.group(1)));
        }
        m = SUFFIX_DONE.matcher(s);
        if (m.matches() && !LIST_VERB.matcher(s).find() && !LIST_QUESTION.matcher(s).find()) {
            return new Intent.CompleteTask(cleanReference(m.group(1)));
        }
        return null;
    }

    private Intent delete(String s) {
        Matcher m = DELETE.matcher(s);
        return m.matches() ? new Intent.DeleteTask(cleanReference(m.group(1))) : null;
    }

    private Intent update(String s, ZonedDateTime ref) {
        Matcher m = RENAME.matcher(s);
        if (!m.matches()) {
            m = CHANGE_TITLE.matcher(s);
        }
        if (m.matches()) {
            String title = QUOTES.matcher(m.group(2)).replaceAll("");
            return new Intent.UpdateTask(cleanReference(m.group(1)), title, null, null, null, List.of(), null);
        }
        m = PRIORITY_OF.matcher(s);
        if (!m.matches()) {
            m = PRIORITY_POSSESSIVE.matcher(s);
        }
        if (m.matches()) {
            Priority p = priorityWord(m.group(2));
            if (p != null) {
                return new Intent.UpdateTask(cleanReference(m.group(1)), null, null, null, p, List.of(), null);
            }
        }
        m = MAKE_PRIORITY.matcher(s);
        if (m.matches()) {
            Priority p = priorityWord(m.group(2));
            if (p != null) {
                return new Intent.UpdateTask(cleanReference(m.group(1)), null, null, null, p, List.of(), null);
            }
        }
        m = PRIORITIZE.matcher(s);
        if (m.matches()) {
            return new Intent.UpdateTask(cleanReference(m.group(1)), null, null, null, Priority.HIGH, List.of(), null);
        }
        m = TAG.matcher(s);
        if (m.matches()) {
            return tagUpdate(m.group(1), m.group(2));
        }
        m = DUE_OF.matcher(s);
        if (!m.matches()) {
            m = DUE_POSSESSIVE.matcher(s);
        }
        if (m.matches()) {
            Intent.UpdateTask u = reschedule(m.group(1), m.group(2), ref);
            if (u != null) {
                return u;
            }
        }
        m = RESCHEDULE.matcher(s);
        if (m.matches()) {
            String rest = m.group(1);
            Intent.UpdateTask u = splitReschedule(rest, WHEN_SPLIT_STRONG, true, ref);
            return u != null ? u : splitReschedule(rest, WHEN_SPLIT_WEAK, false, ref);
        }
        return null;
    }

    private Intent.UpdateTask splitReschedule(String rest, Pattern split, boolean rightmostFirst, ZonedDateTime ref) {
        List<int[]> cuts = new ArrayList<>();
        Matcher m = split.matcher(rest);
        while (m.find()) {
            cuts.add(new int[] {m.start(), m.end()});
        }
        for (int k = 0; k < Math.min(cuts.size(), MAX_TAIL_WORDS); k++) {
            int[] c = cuts.get(rightmostFirst ? cuts.size() - 1 - k : k);
            Intent.UpdateTask u = reschedule(rest.substring(0, c[0]), rest.substring(c[1]), ref);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    private Intent.UpdateTask reschedule(String target, String when, ZonedDateTime ref) {
        TaskDraft d = parser.parse(when, ref);
        if (d.hasTitle() || (d.date() == null && !d.recurring())) {
            return null;
        }
        String r = cleanReference(target);
        if (r.isEmpty()) {
            return null;
        }
        Priority p = d.priority() == Priority.NONE ? null : d.priority();
        return new Intent.UpdateTask(r, null, d.date(), d.time(), p, d.tags(), d.recurrence());
    }

    private static Priority priorityWord(String w) {
        String l = PRIORITY_NOUN_SUFFIX.matcher(QUOTES.matcher(w).replaceAll("").toLowerCase(Locale.ROOT))
                .replaceFirst("").strip();
        return switch (l) {
            case "high", "highest", "top", "urgent", "important", "p1", "1", "critical" -> Priority.HIGH;
            case "medium", "med", "mid", "p2", "2" -> Priority.MEDIUM;
            case "low", "lowest", "p3", "3" -> Priority.LOW;
            case "none", "no", "normal", "p4", "4" -> Priority.NONE;
            default -> null;
        };
    }

    private Intent list(String s, ZonedDateTime ref) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean overdue = OVERDUE.matcher(lower).find();
        Matcher find = FIND.matcher(s);
        boolean isFind = find.matches() && !LIST_NOUN_START.matcher(find.group(1)).lookingAt();
        boolean listy = LIST_VERB.matcher(lower).find() || LIST_NOUN_START.matcher(lower).find() || overdue
                || (LIST_QUESTION.matcher(lower).find() && LIST_TOPIC.matcher(lower).find());
        if (!listy && !isFind) {
            return null;
        }
        String status = STATUS_COMPLETED.matcher(lower).find() ? "completed"
                : STATUS_ALL.matcher(lower).find() ? "all" : "pending";
        String search = null;
        if (isFind) {
            search = QUOTES.matcher(find.group(1)).replaceAll("");
            if (!STATUS_COMPLETED.matcher(lower).find()) {
                status = "all";
            }
        } else {
            Matcher sc = SEARCH_CLAUSE.matcher(s);
            if (sc.find()) {
                search = QUOTES.matcher(sc.group(1)).replaceAll("");
            }
        }
        Priority priority = null;
        Matcher pm = LIST_PRIORITY.matcher(lower);
        if (pm.find()) {
            String w = pm.group(1) != null ? pm.group(1) : pm.group(2) != null ? pm.group(2) : pm.group(3);
            priority = priorityWord(w);
        }
        String tag = null;
        Matcher tm = LIST_TAG.matcher(s);
        if (tm.find()) {
            tag = tm.group(1).toLowerCase(Locale.ROOT);
        }
        LocalDate[] range = isFind ? new LocalDate[2] : range(lower, s, ref);
        return new Intent.ListTasks(status, search, range[0], range[1], priority, tag, overdue);
    }

    private LocalDate[] range(String lower, String s, ZonedDateTime ref) {
        LocalDate today = ref.toLocalDate();
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Matcher n = NEXT_N_DAYS.matcher(lower);
        if (n.find()) {
            int days = Words.cardinal(n.group(1));
            return new LocalDate[] {today, today.plusDays(Math.max(0, days))};
        }
        if (NEXT_WEEK.matcher(lower).find()) {
            LocalDate monday = DateExpressions.nextWeekMonday(today);
            return new LocalDate[] {monday, monday.plusDays(6)};
        }
        if (THIS_WEEK.matcher(lower).find()) {
            return new LocalDate[] {today, sunday};
        }
        if (lower.contains("weekend")) {
            LocalDate sat = DateExpressions.weekend(today);
            return new LocalDate[] {sat, sat.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))};
        }
        if (lower.contains("this month")) {
            return new LocalDate[] {today, today.with(TemporalAdjusters.lastDayOfMonth())};
        }
        if (lower.contains("next month")) {
            LocalDate first = today.plusMonths(1).withDayOfMonth(1);
            return new LocalDate[] {first, first.with(TemporalAdjusters.lastDayOfMonth())};
        }
        if (UPCOMING.matcher(lower).find()) {
            return new LocalDate[] {today, today.plusDays(6)};
        }
        Matcher by = BY_DATE.matcher(s);
        if (by.find()) {
            TaskDraft d = parser.parse(by.group(1), ref);
            if (d.date() != null && !d.hasTitle()) {
                return new LocalDate[] {null, d.date()};
            }
        }
        TaskDraft d = parser.parse(s, ref);
        if (d.date() != null && !d.recurring()) {
            return new LocalDate[] {d.date(), d.date()};
        }
        return new LocalDate[2];
    }

    /** Start offsets of the whitespace-separated words of s. */
    private static List<int[]> wordStarts(String s) {
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < s.length(); k++) {
            if (!Character.isWhitespace(s.charAt(k)) && (k == 0 || Character.isWhitespace(s.charAt(k - 1)))) {
                out.add(new int[] {k});
            }
        }
        return out;
    }
}
