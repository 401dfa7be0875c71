package io.taskstream.task;

import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.web.SupportedDates;
import io.taskstream.task.TaskQuery.Sort;
import io.taskstream.task.TaskQuery.Status;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The list endpoint's query parameters as sent, and their translation into a {@link TaskQuery}. */
record TaskQueryParams(String status, List<String> priority, List<String> tag, String q, String dueFrom, String dueTo,
        Boolean overdue, String sort, String order, Integer page, Integer size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    static TaskQuery parse(TaskQueryParams p, ZoneId zone) {
        List<FieldViolation> violations = new ArrayList<>();
        Status status = option(Status.class, p.status(), Status.ALL, "status", violations);
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        for (String value : nonNull(p.priority())) {
            Priority.parse(value).ifPresentOrElse(priorities::add,
                    () -> violations.add(new FieldViolation("priority", "'" + value + "' is not one of none, low, medium, high")));
        }
        List<String> tags = new ArrayList<>();
        for (String value : nonNull(p.tag())) {
            String tag = value.trim().toLowerCase(Locale.ROOT);
            if (tag.isEmpty() || tags.contains(tag)) {
                continue;
            }
            if (TaskRules.TAG.matcher(tag).matches()) {
                tags.add(tag);
            } else {
                violations.add(new FieldViolation("tag", "'" + value + "' is not a tag: 1-40 letters, digits, '-' or '_'"));
            }
        }
        String search = p.q() == null || p.q().isBlank() ? null : p.q().strip();
        if (search != null && search.length() > 200) {
            violations.add(new FieldViolation("q", "must be at most 200 characters"));
        }
        Instant dueFrom = bound(p.dueFrom(), zone, false, "dueFrom", violations);
        Instant dueTo = bound(p.dueTo(), zone, true, "dueTo", violations);
        Sort sort = search != null && p.sort() == null ? Sort.RELEVANCE : option(Sort.class, p.sort(), Sort.CREATED, "sort", violations);
        if (sort == Sort.RELEVANCE && search == null) {
            violations.add(new FieldViolation("sort", "relevance needs a search (q)"));
        }
        boolean descending = false;
        if (p.order() != null) {
            switch (p.order().toLowerCase(Locale.ROOT)) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> violations.add(new FieldViolation("order", "must be asc or desc"));
            }
        }
        int page = p.page() == null ? 0 : p.page();
        if (page < 0) {
            violations.add(new FieldViolation("page", "must be 0 or more"));
        }
        int size = p.size() == null ? DEFAULT_SIZE : p.size();
        if (size < 1 || size > MAX_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw ClientErrorException.invalid(violations);
        }
        return new TaskQuery(status, priorities, List.copyOf(tags), search, dueFrom, dueTo, Boolean.TRUE.equals(p.overdue()),
                sort, descending, page, size);
    }

    private static <E extends Enum<E>> E option(Class<E> type, String value, E fallback, String field,
            List<FieldViolation> violations) {
        if (value == null) {
            return fallback;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value.trim())) {
                return candidate;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E candidate : type.getEnumConstants()) {
            allowed.add(candidate.name().toLowerCase(Locale.ROOT));
        }
        violations.add(new FieldViolation(field, "must be one of " + String.join(", ", allowed)));
        return fallback;
    }

    /** A date bound: a date means the whole day (start of it for a lower bound, end of it for an upper one). */
    private static Instant bound(String value, ZoneId zone, boolean upper, String field, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Due due = Due.parse(value, zone, false).orElse(null);
        if (due == null) {
            violations.add(new FieldViolation(field, "must be an RFC 3339 date-time or a date"));
            return null;
        }
        if (!SupportedDates.contains(due.at())) {
            violations.add(new FieldViolation(field, SupportedDates.OUT_OF_RANGE));
            return null;
        }
        return upper && due.allDay() ? due.at().atZone(zone).plusDays(1).toInstant().minusNanos(1000) : due.at();
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
