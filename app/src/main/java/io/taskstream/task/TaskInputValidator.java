package io.taskstream.task;

import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.RecurrenceRule;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.web.SupportedDates;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Turns a client's {@link TaskInput} into {@link TaskFields}, reporting every bad field at once. */
final class TaskInputValidator {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TAGS = 20;
    static final int MAX_REMINDERS = 10;
    static final Duration MAX_BEFORE = Duration.ofDays(366);
    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]{1,40}");
    private static final Pattern OFFSET = Pattern.compile("(?:[Zz]|[+-]\\d{2}:?\\d{2})$");

    private TaskInputValidator() {
    }

    /** Every bad field of the input, empty when it is valid. */
    static List<FieldViolation> violations(TaskInput input) {
        try {
            validate(input, ZoneOffset.UTC);
            return List.of();
        } catch (ClientErrorException e) {
            return e.violations();
        }
    }

    static TaskFields validate(TaskInput input, ZoneId zone) {
        List<FieldViolation> violations = new ArrayList<>();
        String title = input.title() == null ? null : input.title().strip();
        if (title == null) {
            violations.add(new FieldViolation("title", "is required"));
        } else if (title.isEmpty()) {
            violations.add(new FieldViolation("title", "must not be blank"));
        } else if (characters(title) > MAX_TITLE) {
            violations.add(new FieldViolation("title", "must be at most " + MAX_TITLE + " characters"));
        }
        String description = input.description() == null || input.description().isBlank() ? null : input.description();
        if (description != null && characters(description) > MAX_DESCRIPTION) {
            violations.add(new FieldViolation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        Priority priority = Priority.NONE;
        if (input.priority() != null) {
            priority = Priority.parse(input.priority()).orElse(null);
            if (priority == null) {
                violations.add(new FieldViolation("priority", "must be one of none, low, medium, high"));
            }
        }
        List<String> tags = tags(input.tags(), violations);
        Instant dueAt = null;
        boolean allDay = Boolean.TRUE.equals(input.allDay());
        if (input.dueAt() != null) {
            Due due = parseDue(input.dueAt(), zone, allDay);
            if (due == null) {
                violations.add(new FieldViolation("dueAt",
                        "must be an RFC 3339 date-time such as 2026-03-05T17:00:00+01:00, or a date such as 2026-03-05"));
            } else if (!SupportedDates.contains(due.at())) {
                violations.add(new FieldViolation("dueAt", SupportedDates.OUT_OF_RANGE));
            } else {
                dueAt = due.at();
                allDay = due.allDay();
            }
        } else {
            allDay = false;
        }
        Recurrence recurrence = recurrence(input.recurrence(), violations);
        if (recurrence != null && input.dueAt() == null) {
            violations.add(new FieldViolation("dueAt", "is required for a recurring task"));
        } else if (recurrence != null && allDay && recurrence.parsedRule().frequency().subDaily()) {
            violations.add(new FieldViolation("dueAt",
                    "must have a time of day for a task that repeats every few hours, such as 2026-03-05T09:00:00+01:00"));
        }
        List<Reminder> reminders = reminders(input.reminders(), zone, dueAt != null || input.dueAt() != null, violations);
        if (!violations.isEmpty()) {
            throw ClientErrorException.invalid(violations);
        }
        return new TaskFields(title, description, priority, tags, dueAt, allDay, recurrence, reminders);
    }

    /** {@code {"rule": "<RRULE>", "from": "due"|"completion"}} (from defaults to due), or null. */
    private static Recurrence recurrence(JsonNode raw, List<FieldViolation> violations) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isObject()) {
            violations.add(new FieldViolation("recurrence",
                    "must be an object such as {\"rule\": \"FREQ=WEEKLY;BYDAY=MO\", \"from\": \"due\"}, or null"));
            return null;
        }
        int before = violations.size();
        for (String name : raw.propertyNames()) {
            // description is the rule in words that task views carry; a view sent back as it is stays valid
            if (!name.equals("rule") && !name.equals("from") && !name.equals("description")) {
                violations.add(new FieldViolation("recurrence." + name, "is not a field of recurrence (rule, from)"));
            }
        }
        String rule = null;
        JsonNode ruleNode = raw.get("rule");
        if (ruleNode == null || ruleNode.isNull()) {
            violations.add(new FieldViolation("recurrence.rule", "is required"));
        } else if (!ruleNode.isString()) {
            violations.add(new FieldViolation("recurrence.rule", "must be a string such as FREQ=WEEKLY;BYDAY=MO"));
        } else {
            try {
                rule = RecurrenceRule.parse(ruleNode.asString()).text();
            } catch (InvalidRecurrenceRuleException e) {
                violations.add(new FieldViolation("recurrence.rule", e.getMessage()));
            }
        }
        Recurrence.From from = Recurrence.From.DUE;
        JsonNode fromNode = raw.get("from");
        if (fromNode != null && !fromNode.isNull()) {
            from = fromNode.isString() ? Recurrence.From.parse(fromNode.asString()).orElse(null) : null;
            if (from == null) {
                violations.add(new FieldViolation("recurrence.from", "must be due or completion"));
            }
        }
        return violations.size() == before ? new Recurrence(rule, from) : null;
    }

    /**
     * A list of at most {@value #MAX_REMINDERS} {@code {"before": "<ISO-8601 duration>"}} (relative to the due;
     * needs one) or {@code {"at": "<date-time>"}}; duplicates collapse. Null means none.
     */
    private static List<Reminder> reminders(JsonNode raw, ZoneId zone, boolean hasDue, List<FieldViolation> violations) {
        if (raw == null || raw.isNull()) {
            return List.of();
        }
        if (!raw.isArray()) {
            violations.add(new FieldViolation("reminders",
                    "must be an array of {\"before\": \"PT15M\"} or {\"at\": \"2026-03-05T08:00:00+01:00\"}"));
            return List.of();
        }
        if (raw.size() > MAX_REMINDERS) {
            violations.add(new FieldViolation("reminders", "at most " + MAX_REMINDERS + " reminders"));
            return List.of();
        }
        Set<Reminder> reminders = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "reminders[" + i + "]";
            JsonNode item = raw.get(i);
            JsonNode before = item.isObject() ? item.get("before") : null;
            JsonNode at = item.isObject() ? item.get("at") : null;
            if (!item.isObject() || item.size() != 1 || (before == null) == (at == null)) {
                violations.add(new FieldViolation(field, "must be an object with exactly one of before or at"));
            } else if (before != null) {
                Duration duration = before.isString() ? duration(before.asString()) : null;
                if (duration == null || duration.isNegative() || duration.compareTo(MAX_BEFORE) > 0) {
                    violations.add(new FieldViolation(field + ".before",
                            "must be an ISO-8601 duration from PT0S (at the due) to P366D, such as PT15M or P1D"));
                } else if (!hasDue) {
                    violations.add(new FieldViolation(field + ".before", "needs a dueAt to count from"));
                } else {
                    reminders.add(Reminder.before(duration));
                }
            } else {
                Instant moment = at.isString() ? moment(at.asString(), zone) : null;
                if (moment == null) {
                    violations.add(new FieldViolation(field + ".at",
                            "must be an RFC 3339 date-time such as 2026-03-05T08:00:00+01:00"));
                } else if (!SupportedDates.contains(moment)) {
                    violations.add(new FieldViolation(field + ".at", SupportedDates.OUT_OF_RANGE));
                } else {
                    reminders.add(Reminder.at(moment));
                }
            }
        }
        return List.copyOf(reminders);
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant moment(String text, ZoneId zone) {
        String value = text.strip();
        if (value.length() <= 10) {
            return null;
        }
        Due due = parseDue(value, zone, false);
        return due == null ? null : due.at();
    }

    /** Characters as the client and PostgreSQL's varchar count them: an emoji is one, not two UTF-16 units. */
    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    private static List<String> tags(List<String> raw, List<FieldViolation> violations) {
        if (raw == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = raw.get(i);
            if (tag == null || !TAG.matcher(tag).matches()) {
                violations.add(new FieldViolation("tags[" + i + "]",
                        "must be 1-40 letters, digits, '-' or '_'"));
            } else {
                tags.add(tag.toLowerCase(Locale.ROOT));
            }
        }
        if (tags.size() > MAX_TAGS) {
            violations.add(new FieldViolation("tags", "at most " + MAX_TAGS + " distinct tags"));
        }
        return List.copyOf(tags);
    }

    /** A due moment and whether it is a whole day (stored as that day's start in the user's zone). */
    record Due(Instant at, boolean allDay) {
    }

    /**
     * Reads a date-time with offset, a local date-time (in the user's zone) or a date (all-day).
     * {@code null} when the text is none of these, or names no moment Java can hold; whether the moment is one the
     * API accepts ({@link SupportedDates}) is the caller's to check, so that it can say so.
     */
    static Due parseDue(String text, ZoneId zone, boolean allDay) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return allDayOn(LocalDate.parse(value), zone);
            }
            if (hasOffset(value)) {
                // The offset fixes the instant; going through the zone's local time would move it by an hour
                // when that local time happens twice (the end of daylight saving time).
                OffsetDateTime at = OffsetDateTime.parse(value);
                return allDay ? allDayOn(at.atZoneSameInstant(zone).toLocalDate(), zone) : new Due(at.toInstant(), false);
            }
            LocalDateTime local = LocalDateTime.parse(value);
            return allDay ? allDayOn(local.toLocalDate(), zone) : new Due(local.atZone(zone).toInstant(), false);
        } catch (DateTimeException e) { // unparseable, or beyond the years Java can hold once moved to the zone
            return null;
        }
    }

    private static Due allDayOn(LocalDate date, ZoneId zone) {
        return new Due(date.atStartOfDay(zone).toInstant(), true);
    }

    private static boolean hasOffset(String value) {
        return OFFSET.matcher(value).find();
    }
}
