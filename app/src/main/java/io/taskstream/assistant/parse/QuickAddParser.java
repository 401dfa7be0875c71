package io.taskstream.assistant.parse;

import io.taskstream.assistant.parse.RecurrenceExpressions.Modifier;
import io.taskstream.assistant.parse.RecurrenceExpressions.ModifierKind;
import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.RecurrencePattern;
import io.taskstream.task.Priority;
import io.taskstream.task.Recurrence;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline, deterministic parser for Todoist-style quick-add phrases such as
 * "Team retro every other thursday at 3pm #work p1". Stateless and thread-safe; never throws for any input.
 * Dates are resolved relative to the reference time and in its zone.
 */
public final class QuickAddParser {

    static final LocalTime DEFAULT_REMINDER_TIME = LocalTime.of(9, 0);
    private static final DateTimeFormatter UNTIL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter UNTIL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    public QuickAddParser() {
    }

    /** Parses text against the reference time (now in the system zone if null). */
    public TaskDraft parse(String text, ZonedDateTime reference) {
        String input = text == null ? "" : text;
        ZonedDateTime ref = reference != null ? reference : ZonedDateTime.now();
        try {
            return parseChecked(input, ref);
        } catch (RuntimeException e) {
            return TaskDraft.titleOnly(input.strip());
        }
    }

    private static final class Findings {
        DateExpressions.Hit date;
        LocalTime time;
        boolean meridiem;
        PartOfDay partOfDay;
        RecurrencePattern rule;
        boolean fromCompletion;
        Priority priority;
        final List<String> tags = new ArrayList<>();
        final List<Modifier> modifiers = new ArrayList<>();
        final List<Integer> modifierStarts = new ArrayList<>();
        boolean atDue;
        final List<Duration> before = new ArrayList<>();
        final List<ReminderExpressions.Absolute> absolute = new ArrayList<>();
    }

    private TaskDraft parseChecked(String input, ZonedDateTime ref) {
        Scan s = new Scan(Tokenizer.tokenize(input), ref);
        Findings f = new Findings();
        int n = s.size();
        int i = 0;
        while (i < n) {
            int len = step(s, i, f);
            if (len > 0) {
                for (int k = i; k < i + len && k < n; k++) {
                    s.consumed[k] = true;
                }
                i += len;
            } else {
                i++;
            }
        }
        if (f.rule == null) {
            for (int k = 0; k < f.modifiers.size(); k++) {
                Modifier m = f.modifiers.get(k);
                if (m.conditional()) {
                    int start = f.modifierStarts.get(k);
                    for (int t = start; t < start + m.length() && t < n; t++) {
                        s.consumed[t] = false;
                    }
                }
            }
            f.modifiers.removeIf(Modifier::conditional);
        }
        String title = Titles.build(s);
        return resolve(title, f, s);
    }

    private static int step(Scan s, int i, Findings f) {
        ReminderExpressions.Hit r = ReminderExpressions.match(s, i);
        if (r != null) {
            f.atDue |= r.atDue();
            f.before.addAll(r.before());
            f.absolute.addAll(r.at());
            return r.length();
        }
        if (f.rule == null) {
            RecurrenceExpressions.Hit h = RecurrenceExpressions.match(s, i);
            if (h != null) {
                f.rule = h.rule();
                f.fromCompletion |= h.fromCompletion();
                return h.length();
            }
        }
        Modifier m = RecurrenceExpressions.modifier(s, i);
        if (m != null) {
            f.modifiers.add(m);
            f.modifierStarts.add(i);
            return m.length();
        }
        PriorityAndTags.PriorityHit p = PriorityAndTags.priority(s, i);
        if (p != null) {
            if (f.priority == null) {
                f.priority = p.priority();
            }
            return p.length();
        }
        String tag = PriorityAndTags.tag(s.tok(i));
        if (tag != null) {
            if (!f.tags.contains(tag)) {
                f.tags.add(tag);
            }
            return 1;
        }
        DateExpressions.Hit d = DateExpressions.match(s, i);
        if (d != null) {
            if (f.date == null || d.strength() > f.date.strength()) {
                f.date = d;
            }
            if (d.partOfDay() != null && f.partOfDay == null) {
                f.partOfDay = d.partOfDay();
            }
            return d.length();
        }
        TimeExpressions.Hit t = TimeExpressions.match(s, i);
        if (t != null) {
            if (t.time() != null && f.time == null) {
                f.time = t.time();
                f.meridiem = t.meridiem();
            }
            if (t.partOfDay() != null && f.partOfDay == null) {
                f.partOfDay = t.partOfDay();
            }
            return t.length();
        }
        return 0;
    }

    private static TaskDraft resolve(String title, Findings f, Scan s) {
        LocalDate today = s.today;
        ZoneId zone = s.reference.getZone();
        LocalTime time = f.time;
        if (time != null && f.partOfDay != null && f.partOfDay.afterNoon && !f.meridiem
                && time.getHour() >= 1 && time.getHour() < 12) {
            time = time.plusHours(12);
        }
        if (time == null && f.partOfDay != null) {
            time = f.partOfDay.time;
        }
        if (time == null && f.date != null) {
            time = f.date.time();
        }
        LocalDate start = null;
        LocalDate until = null;
        Quantity span = null;
        Integer count = null;
        for (Modifier m : f.modifiers) {
            switch (m.kind()) {
                case START -> start = start == null ? m.date() : start;
                case UNTIL -> until = until == null ? m.date() : until;
                case FOR_SPAN -> span = span == null ? m.span() : span;
                case COUNT -> count = count == null ? m.count() : count;
                case COMPLETION -> f.fromCompletion = true;
            }
        }

        LocalDate date;
        Recurrence recurrence = null;
        if (f.rule != null && !savable(f.rule)) {
            f.rule = null; // never propose a rule saving would refuse (one that matches no date)
        }
        if (f.rule != null) {
            RecurrencePattern rule = f.rule;
            LocalDate from = start != null ? start : f.date != null ? f.date.date() : today;
            if (rule.frequency().subDaily() && time == null) {
                LocalDateTime next = from.equals(today) ? ceilHour(s.nowDateTime()) : from.atTime(DEFAULT_REMINDER_TIME);
                from = next.toLocalDate();
                time = next.toLocalTime();
            }
            date = rule.firstOnOrAfter(from);
            if (time != null && date.equals(today) && time.isBefore(s.now)) {
                date = rule.firstOnOrAfter(date.plusDays(1));
            }
            String untilText = null;
            if (count == null && until == null && span != null) {
                LocalDate last = span.addTo(date).minusDays(1);
                if (rule.frequency().subDaily()) {
                    until = last;
                } else {
                    count = Math.max(1, rule.countThrough(date, last));
                }
            }
            if (count == null && until != null) {
                untilText = time == null ? until.format(UNTIL_DATE)
                        : ZonedDateTime.of(until, LocalTime.of(23, 59, 59), zone)
                        .withZoneSameInstant(ZoneOffset.UTC).format(UNTIL_UTC);
            }
            recurrence = Recurrence.of(rule.rule(count, untilText),
                    f.fromCompletion ? Recurrence.From.COMPLETION : Recurrence.From.DUE);
        } else {
            date = f.date != null ? f.date.date() : start != null ? start : until;
            if (date == null && time != null) {
                date = time.isAfter(s.now) ? today : today.plusDays(1);
            }
        }

        List<Duration> before = new ArrayList<>();
        for (Duration d : f.before) {
            if (!before.contains(d)) {
                before.add(d);
            }
        }
        boolean atDue = f.atDue;
        List<ZonedDateTime> at = new ArrayList<>();
        for (ReminderExpressions.Absolute a : f.absolute) {
            LocalDateTime moment;
            if (a.exact() != null) {
                moment = a.exact();
            } else {
                LocalDate d = a.date() != null ? a.date() : date != null ? date
                        : a.time() != null && !a.time().isAfter(s.now) ? today.plusDays(1) : today;
                LocalTime t = a.time() != null ? a.time() : time != null ? time : DEFAULT_REMINDER_TIME;
                moment = LocalDateTime.of(d, t);
            }
            if (date == null) {
                date = moment.toLocalDate();
                if (a.exact() != null || a.time() != null) {
                    time = moment.toLocalTime();
                    atDue = true;
                    continue;
                }
            }
            if (time != null && moment.equals(LocalDateTime.of(date, time))) {
                atDue = true;
            } else {
                ZonedDateTime z = moment.atZone(zone);
                if (!at.contains(z)) {
                    at.add(z);
                }
            }
        }
        if (atDue && date != null && !before.contains(Duration.ZERO)) {
            before.add(0, Duration.ZERO);
        }
        if (date == null) {
            time = null;
        }
        return new TaskDraft(title, date, time, f.priority, f.tags, recurrence, before, at);
    }

    private static LocalDateTime ceilHour(LocalDateTime t) {
        LocalDateTime h = t.truncatedTo(ChronoUnit.HOURS);
        return h.equals(t) ? h : h.plusHours(1);
    }

    /** Whether the task API would accept the rule: the calendar's validation, which also refuses rules that match no date. */
    private static boolean savable(RecurrencePattern rule) {
        try {
            rule.rule();
            return true;
        } catch (InvalidRecurrenceRuleException e) {
            return false;
        }
    }
}
