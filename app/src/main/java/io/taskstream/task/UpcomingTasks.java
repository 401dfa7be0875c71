package io.taskstream.task;

import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.Occurrence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the user's coming days hold: the open tasks due on each day, from today on in the user's zone, and the
 * occurrences of their recurring tasks that fall on those days after the task's own due (what completing it
 * would bring), so a weekly task shows on every day it will be due.
 */
@Service
class UpcomingTasks {

    /** Tasks read at most; a user with more open tasks in the range sees the earliest. */
    static final int MAX_TASKS = 2_000;
    /** Occurrences shown at most per recurring task (an hourly task would otherwise fill the week). */
    static final int MAX_OCCURRENCES_PER_TASK = 24;
    /** Instances of a rule stepped through at most to reach the range (an hourly task overdue for a year). */
    private static final int MAX_STEPS = 20_000;

    private final TaskRepository tasks;
    private final UserDirectory users;
    private final Clock clock;

    UpcomingTasks(TaskRepository tasks, UserDirectory users, Clock clock) {
        this.tasks = tasks;
        this.users = users;
        this.clock = clock;
    }

    /** One due of a task on a day: the task's own due, or a later occurrence of its rule. */
    record Entry(TaskSnapshot task, ZonedDateTime dueAt, boolean occurrence) {
    }

    /** The entries of one day in the user's zone, earliest first. */
    record Day(LocalDate date, List<Entry> entries) {
    }

    /** The {@code days} days from today in the user's zone, each with its entries (none on a free day). */
    @Transactional(readOnly = true)
    public List<Day> next(UserId user, int days) {
        ZoneId zone = users.zoneOf(user);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Instant start = today.atStartOfDay(zone).toInstant();
        Instant end = today.plusDays(days).atStartOfDay(zone).toInstant();
        List<Entry> entries = new ArrayList<>();
        for (TaskSnapshot task : tasks.openComingUp(user, start, end, MAX_TASKS)) {
            ZonedDateTime due = task.dueAt().atZone(zone);
            if (!task.dueAt().isBefore(start)) {
                entries.add(new Entry(task, due, false));
            }
            if (task.recurrence() != null) {
                entries.addAll(occurrences(task, due, start, end));
            }
        }
        Map<LocalDate, List<Entry>> byDay = new TreeMap<>();
        for (int i = 0; i < days; i++) {
            byDay.put(today.plusDays(i), new ArrayList<>());
        }
        entries.sort(Comparator.comparing((Entry e) -> e.dueAt().toInstant()).thenComparing(e -> e.task().id().value()));
        for (Entry entry : entries) {
            byDay.get(entry.dueAt().toLocalDate()).add(entry);
        }
        return byDay.entrySet().stream().map(e -> new Day(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static List<Entry> occurrences(TaskSnapshot task, ZonedDateTime due, Instant start, Instant end) {
        List<Entry> found = new ArrayList<>();
        try {
            task.recurrence().parsedRule().occurrences(due, task.occurrence())
                    .skip(1)
                    .limit(MAX_STEPS)
                    .map(Occurrence::at)
                    .takeWhile(at -> at.toInstant().isBefore(end))
                    .filter(at -> !at.toInstant().isBefore(start))
                    .limit(MAX_OCCURRENCES_PER_TASK)
                    .forEach(at -> found.add(new Entry(task, at, true)));
        } catch (InvalidRecurrenceRuleException e) {
            // a rule stored before rules were checked: the task shows on its own due only
        }
        return found;
    }
}
