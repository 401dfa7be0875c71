package io.taskstream.assistant.parse;

import io.taskstream.task.Priority;
import io.taskstream.task.Recurrence;
import io.taskstream.task.Reminder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of parsing a quick-add phrase. {@code date}/{@code time} are local to the reference zone; a date
 * without time is an all-day task; {@code remindersBefore} are offsets before the due moment (zero = at due) and
 * {@code remindersAt} are absolute reminder instants. A blank {@code title} means nothing but scheduling words
 * were typed (see {@link #hasTitle()}).
 */
public record TaskDraft(String title, LocalDate date, LocalTime time, Priority priority, List<String> tags,
                        Recurrence recurrence, List<Duration> remindersBefore,
                        List<ZonedDateTime> remindersAt) {

    public TaskDraft {
        title = title == null ? "" : title.strip();
        if (date == null) {
            time = null;
        }
        priority = priority == null ? Priority.NONE : priority;
        tags = tags == null ? List.of() : List.copyOf(tags);
        remindersBefore = remindersBefore == null ? List.of() : List.copyOf(remindersBefore);
        remindersAt = remindersAt == null ? List.of() : List.copyOf(remindersAt);
    }

    /** A draft that carries only a title: no date, priority, tags, repetition or reminders. */
    public static TaskDraft titleOnly(String title) {
        return new TaskDraft(title, null, null, Priority.NONE, List.of(), null, List.of(), List.of());
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }

    public boolean allDay() {
        return date != null && time == null;
    }

    public boolean recurring() {
        return recurrence != null;
    }

    /** The due instant in the given zone (start of day for all-day tasks), or null without a date. */
    public ZonedDateTime dueAt(ZoneId zone) {
        if (date == null) {
            return null;
        }
        return time == null ? date.atStartOfDay(zone) : ZonedDateTime.of(date, time, zone);
    }

    /** The draft's reminders as tasks take them, relative ones first. */
    public List<Reminder> reminders() {
        List<Reminder> reminders = new ArrayList<>();
        remindersBefore.forEach(before -> reminders.add(Reminder.before(before)));
        remindersAt.forEach(at -> reminders.add(Reminder.at(at.toInstant())));
        return List.copyOf(reminders);
    }

    /** remindersBefore as ISO-8601 durations in calendar form: "P2D", "PT30M", "P1DT2H", "PT0S". */
    public List<String> remindersBeforeIso() {
        List<String> out = new ArrayList<>(remindersBefore.size());
        for (Duration d : remindersBefore) {
            out.add(iso(d));
        }
        return List.copyOf(out);
    }

    /** Formats a duration with whole days as a day component ("P2D") rather than hours ("PT48H"). */
    public static String iso(Duration d) {
        if (d.isZero()) {
            return "PT0S";
        }
        if (d.isNegative()) {
            return d.toString();
        }
        long days = d.toDays();
        Duration rest = d.minusDays(days);
        StringBuilder b = new StringBuilder("P");
        if (days > 0) {
            b.append(days).append('D');
        }
        if (!rest.isZero()) {
            b.append(rest.toString().substring(1));
        }
        return b.toString();
    }
}
