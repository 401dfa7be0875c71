package io.taskstream.task;

import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.RecurrenceRule;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.web.SupportedDates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a task's fields valid, whichever door they came through: each check adds the bad field it finds, under the
 * name the task API uses, so one problem lists them all. {@link #fields} checks a whole command; the REST door's reading
 * of a body ({@link TaskInputValidator}) calls the same checks field by field, between its own.
 */
final class TaskRules {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TAGS = 20;
    static final int MAX_REMINDERS = 10;
    static final Duration MAX_BEFORE = Duration.ofDays(366);
    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]{1,40}");
    static final String BEFORE = "must be an ISO-8601 duration from PT0S (at the due) to P366D, such as PT15M or P1D";

    private TaskRules() {
    }

    /** The command's fields checked and normalised, or a validation problem naming every bad one. */
    static TaskFields fields(CreateTask task) {
        List<FieldViolation> violations = new ArrayList<>();
        String title = title(task.title(), violations);
        String description = description(task.description(), violations);
        Priority priority = task.priority() == null ? Priority.NONE : task.priority();
        List<String> tags = tags(task.tags(), violations);
        Due due = task.due() == null ? null : due(task.due(), violations);
        Recurrence recurrence = null;
        if (task.recurrence() != null) {
            String rule = rule(task.recurrence().rule(), violations);
            recurrence = rule == null ? null : new Recurrence(rule, task.recurrence().from());
        }
        recurrenceNeedsDue(recurrence, task.due() != null, due != null && due.allDay(), violations);
        List<Reminder> reminders = reminders(task.reminders(), task.due() != null, violations);
        if (!violations.isEmpty()) {
            throw ClientErrorException.invalid(violations);
        }
        return new TaskFields(title, description, priority, tags, due == null ? null : due.at(), due != null && due.allDay(),
                recurrence, reminders);
    }

    /** The title without surrounding space; null when it is missing, blank or too long. */
    static String title(String raw, List<FieldViolation> violations) {
        String title = raw == null ? null : raw.strip();
        if (title == null) {
            violations.add(new FieldViolation("title", "is required"));
        } else if (title.isEmpty()) {
            violations.add(new FieldViolation("title", "must not be blank"));
        } else if (characters(title) > MAX_TITLE) {
            violations.add(new FieldViolation("title", "must be at most " + MAX_TITLE + " characters"));
        } else {
            return title;
        }
        return null;
    }

    /** The description, null for none (blank counts as none). */
    static String description(String raw, List<FieldViolation> violations) {
        String description = raw == null || raw.isBlank() ? null : raw;
        if (description != null && characters(description) > MAX_DESCRIPTION) {
            violations.add(new FieldViolation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return description;
    }

    /** The distinct tags in lower case, in the order given. */
    static List<String> tags(List<String> raw, List<FieldViolation> violations) {
        if (raw == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = raw.get(i);
            if (tag == null || !TAG.matcher(tag).matches()) {
                violations.add(new FieldViolation("tags[" + i + "]", "must be 1-40 letters, digits, '-' or '_'"));
            } else {
                tags.add(tag.toLowerCase(Locale.ROOT));
            }
        }
        if (tags.size() > MAX_TAGS) {
            violations.add(new FieldViolation("tags", "at most " + MAX_TAGS + " distinct tags"));
        }
        return List.copyOf(tags);
    }

    /** The due when its moment is one the API accepts, else null. */
    static Due due(Due due, List<FieldViolation> violations) {
        if (!SupportedDates.contains(due.at())) {
            violations.add(new FieldViolation("dueAt", SupportedDates.OUT_OF_RANGE));
            return null;
        }
        return due;
    }

    /** The rule as the calendar normalises it, or null when it is no rule tasks can repeat by. */
    static String rule(String text, List<FieldViolation> violations) {
        try {
            return RecurrenceRule.parse(text).text();
        } catch (InvalidRecurrenceRuleException e) {
            violations.add(new FieldViolation("recurrence.rule", e.getMessage()));
            return null;
        }
    }

    /** A recurring task needs a due, and one with a time of day when it repeats every few hours. */
    static void recurrenceNeedsDue(Recurrence recurrence, boolean dueGiven, boolean allDay,
            List<FieldViolation> violations) {
        if (recurrence != null && !dueGiven) {
            violations.add(new FieldViolation("dueAt", "is required for a recurring task"));
        } else if (recurrence != null && allDay && recurrence.parsedRule().frequency().subDaily()) {
            violations.add(new FieldViolation("dueAt",
                    "must have a time of day for a task that repeats every few hours, such as 2026-03-05T09:00:00+01:00"));
        }
    }

    /** At most {@value #MAX_REMINDERS}; duplicates collapse. */
    static List<Reminder> reminders(List<Reminder> raw, boolean hasDue, List<FieldViolation> violations) {
        if (raw == null) {
            return List.of();
        }
        if (!tooMany(raw.size(), violations)) {
            return List.of();
        }
        Set<Reminder> reminders = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            if (reminder(i, raw.get(i), hasDue, violations)) {
                reminders.add(raw.get(i));
            }
        }
        return List.copyOf(reminders);
    }

    /** False (with the violation) when there are more reminders than a task may have. */
    static boolean tooMany(int count, List<FieldViolation> violations) {
        if (count > MAX_REMINDERS) {
            violations.add(new FieldViolation("reminders", "at most " + MAX_REMINDERS + " reminders"));
            return false;
        }
        return true;
    }

    /** Whether the {@code index}th reminder is valid: a relative one within a year before a due, or a supported moment. */
    static boolean reminder(int index, Reminder reminder, boolean hasDue, List<FieldViolation> violations) {
        String field = "reminders[" + index + "]";
        if (reminder.relative()) {
            if (reminder.before().compareTo(MAX_BEFORE) > 0) {
                violations.add(new FieldViolation(field + ".before", BEFORE));
            } else if (!hasDue) {
                violations.add(new FieldViolation(field + ".before", "needs a dueAt to count from"));
            } else {
                return true;
            }
        } else if (!SupportedDates.contains(reminder.at())) {
            violations.add(new FieldViolation(field + ".at", SupportedDates.OUT_OF_RANGE));
        } else {
            return true;
        }
        return false;
    }

    /** Characters as the client and PostgreSQL's varchar count them: an emoji is one, not two UTF-16 units. */
    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
