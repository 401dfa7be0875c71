package io.taskstream.task;

import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.Occurrence;
import io.taskstream.calendar.RecurrenceRule;
import io.taskstream.platform.QuotaProperties;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.NotFoundException;
import io.taskstream.platform.problem.ProblemType;
import io.taskstream.task.TaskEvent.TaskCompleted;
import io.taskstream.task.TaskEvent.TaskCreated;
import io.taskstream.task.TaskEvent.TaskDeleted;
import io.taskstream.task.TaskEvent.TaskUncompleted;
import io.taskstream.task.TaskEvent.TaskUpdated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task use cases. Every change runs in one transaction that also publishes its {@link TaskEvent},
 * so a listener writing to the outbox commits or rolls back with the change itself. Every method is
 * scoped to one user: another user's task is reported as not found.
 */
@Service
public class TaskService {

    private final TaskRepository tasks;
    private final UserDirectory users;
    private final int openTaskQuota;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionOperations readOnly;

    TaskService(TaskRepository tasks, UserDirectory users, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, QuotaProperties quotas) {
        this.tasks = tasks;
        this.users = users;
        this.openTaskQuota = quotas.openTasks();
        this.events = events;
        this.clock = clock;
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        this.readOnly = template;
    }

    /**
     * Creates a task; refused when the user already has as many open tasks as the quota allows (concurrent creates of one
     * user may each see the others uncommitted, so the quota may be passed by as many as run at once).
     */
    @Transactional
    public TaskSnapshot create(UserId user, CreateTask command, Door door) {
        TaskFields fields = TaskRules.fields(command);
        Instant now = now();
        TaskRepository.Inserted inserted = tasks.insert(user, fields, fields.recurrence() == null ? null : UUID.randomUUID(),
                now);
        if (inserted.openBefore() >= openTaskQuota) { // the exception rolls the insert back
            throw new ClientErrorException(ProblemType.QUOTA_EXCEEDED, "You have " + openTaskQuota + " open tasks, "
                    + "as many as an account may have: complete or delete some before adding more");
        }
        TaskSnapshot task = inserted.task();
        events.publishEvent(new TaskCreated(task.id(), user, task, door, now));
        return task;
    }

    @Transactional
    public TaskSnapshot replace(UserId user, ReplaceTask command, Door door) {
        TaskSnapshot before = lock(user, command.id());
        return update(user, before, TaskRules.fields(command.fields()), door);
    }

    /** Changes the fields the patch names, on the task as it is once locked; the result is checked as a whole. */
    @Transactional
    public TaskSnapshot patch(UserId user, PatchTask command, Door door) {
        TaskSnapshot before = lock(user, command.id());
        Due due = before.dueAt() == null ? null : new Due(before.dueAt(), before.allDay());
        CreateTask changed = new CreateTask(command.title().applyTo(before.title()),
                command.description().applyTo(before.description()), command.priority().applyTo(before.priority()),
                command.tags().applyTo(before.tags()), command.due().applyTo(due),
                command.recurrence().applyTo(before.recurrence()), command.reminders().applyTo(before.reminders()));
        return update(user, before, TaskRules.fields(changed), door);
    }

    /**
     * Sets completion explicitly (safe to retry: no change, no event when already so), or toggles it
     * when {@code completed} is null.
     */
    @Transactional
    public TaskSnapshot complete(UserId user, TaskId id, Boolean completed, Door door) {
        TaskSnapshot before = lock(user, id);
        boolean target = completed == null ? !before.completed() : completed;
        if (target == before.completed()) {
            return before;
        }
        Instant now = now();
        TaskSnapshot after = tasks.setCompleted(user, id, target, now);
        events.publishEvent(target
                ? new TaskCompleted(id, user, after, door, now)
                : new TaskUncompleted(id, user, after, door, now));
        return after;
    }

    @Transactional
    public void delete(UserId user, TaskId id, Door door) {
        TaskSnapshot before = lock(user, id);
        tasks.delete(user, id);
        events.publishEvent(new TaskDeleted(id, user, before, door, now()));
    }

    /**
     * Deletes a task, or as much of its series as {@code scope} says (see {@link DeleteScope}); a task that does not
     * recur is deleted whatever the scope. Every task deleted publishes its deletion; a skipped occurrence publishes
     * its update. Returns the task as it now is when it was skipped to its next occurrence, else empty.
     */
    @Transactional
    public Optional<TaskSnapshot> delete(UserId user, TaskId id, DeleteScope scope, Door door) {
        TaskSnapshot task = lock(user, id);
        if (task.seriesId() == null || task.recurrence() == null || task.dueAt() == null) {
            delete(user, id, door);
            return Optional.empty();
        }
        Instant now = now();
        switch (scope) {
            case OCCURRENCE -> {
                Optional<Occurrence> next = task.completed() ? Optional.empty() : nextOccurrence(user, task);
                if (next.isEmpty()) {
                    delete(user, id, door);
                    return Optional.empty();
                }
                Instant due = next.get().at().toInstant();
                Duration shift = Duration.between(task.dueAt(), due);
                List<Reminder> reminders = task.reminders().stream().map(r -> r.shiftedBy(shift)).toList();
                TaskSnapshot after = tasks.moveOccurrence(user, id, due, next.get().index(), reminders, now);
                List<String> changed = reminders.equals(task.reminders()) ? List.of("dueAt") : List.of("dueAt", "reminders");
                events.publishEvent(new TaskUpdated(id, user, after, changed, door, now));
                return Optional.of(after);
            }
            case FOLLOWING, SERIES -> {
                for (TaskSnapshot gone : tasks.deleteSeries(user, task.seriesId(), scope == DeleteScope.SERIES ? null : task)) {
                    events.publishEvent(new TaskDeleted(gone.id(), user, gone, door, now));
                }
                return Optional.empty();
            }
            default -> throw new IllegalStateException("Unknown scope " + scope);
        }
    }

    /**
     * The first instance of the task's rule after its own that is not in the past (today counts for an all-day task);
     * empty when the series has ended or its rule cannot be expanded.
     */
    private Optional<Occurrence> nextOccurrence(UserId user, TaskSnapshot task) {
        ZoneId zone = users.zoneOf(user);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        try {
            return task.recurrence().parsedRule().occurrences(task.dueAt().atZone(zone), task.occurrence())
                    .skip(1)
                    .filter(o -> task.allDay() ? !o.at().toLocalDate().isBefore(today) : o.at().toInstant().isAfter(now))
                    .findFirst();
        } catch (InvalidRecurrenceRuleException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates the occurrence that follows {@code previousId} in its series (same title, description,
     * priority, tags and recurrence, reminders shifted to the new due; the given due and position), through the SYSTEM door. At most one
     * next occurrence ever exists per occurrence (a database constraint decides), so this is safe to call
     * again, concurrently, or for a redelivered event: it then returns empty and publishes nothing. Also
     * empty when the previous occurrence is gone or no longer recurs.
     */
    @Transactional
    public Optional<TaskSnapshot> createNextOccurrence(UserId user, TaskId previousId, Instant dueAt, int occurrence) {
        Optional<TaskSnapshot> previous = tasks.find(user, previousId);
        if (previous.isEmpty() || previous.get().recurrence() == null) {
            return Optional.empty();
        }
        TaskSnapshot p = previous.get();
        Duration shift = Duration.between(p.dueAt(), dueAt);
        TaskFields fields = new TaskFields(p.title(), p.description(), p.priority(), p.tags(), dueAt, p.allDay(),
                p.recurrence(), p.reminders().stream().map(r -> r.shiftedBy(shift)).toList());
        Instant now = now();
        Optional<TaskSnapshot> created = tasks.insertNext(user, fields, p.seriesId(), occurrence, p.id(), now);
        created.ifPresent(task -> events.publishEvent(new TaskCreated(task.id(), user, task, Door.SYSTEM, now)));
        return created;
    }

    /** Every task of the task's series, oldest due first (just the task when it never recurred). */
    @Transactional(readOnly = true)
    public List<TaskSnapshot> series(UserId user, TaskId id) {
        TaskSnapshot task = get(user, id);
        return task.seriesId() == null ? List.of(task) : tasks.series(user, task.seriesId());
    }

    /**
     * The due times of the task's series from its current due on, at most {@code count} of them, in the
     * user's zone: the task's own due first. Empty without a due; just the due when it does not recur.
     * A rule stored before rules were checked for having any date at all is a conflict naming the field,
     * so the client can replace it.
     */
    @Transactional(readOnly = true)
    public List<ZonedDateTime> occurrences(UserId user, TaskId id, int count) {
        TaskSnapshot task = get(user, id);
        if (task.dueAt() == null) {
            return List.of();
        }
        ZonedDateTime due = task.dueAt().atZone(users.zoneOf(user));
        if (task.recurrence() == null) {
            return List.of(due);
        }
        RecurrenceRule rule;
        try {
            rule = task.recurrence().parsedRule();
        } catch (InvalidRecurrenceRuleException e) {
            throw new ClientErrorException(ProblemType.CONFLICT, "The task's recurrence rule cannot be expanded; set a new one",
                    List.of(new FieldViolation("recurrence.rule", e.getMessage())));
        }
        return rule.occurrences(due, task.occurrence()).limit(count).map(Occurrence::at).toList();
    }

    /** The task, or empty when it does not exist for the user (for callers to whom that is no error). */
    @Transactional(readOnly = true)
    public Optional<TaskSnapshot> find(UserId user, TaskId id) {
        return tasks.find(user, id);
    }

    /**
     * The tasks with these ids in one query, whoever owns them: for the system's own batch work (firing
     * reminders), which checks each task's owner against what it holds. Missing ids are simply absent.
     */
    @Transactional(readOnly = true)
    public List<TaskSnapshot> findAll(Collection<TaskId> ids) {
        return tasks.findAll(ids.stream().map(TaskId::value).distinct().toList());
    }

    @Transactional(readOnly = true)
    public TaskSnapshot get(UserId user, TaskId id) {
        return tasks.find(user, id).orElseThrow(() -> notFound(id));
    }

    /**
     * One page of the user's tasks; the user's {@code zone} (which the caller has looked up to read the query's dates in)
     * decides what is overdue. A plain list runs without a transaction: at read committed each statement reads its own
     * snapshot anyway, so one around the count and the page only cost a round trip and the transaction machinery.
     * A search runs in one: it turns sequential scans off for its transaction.
     */
    public TaskPage list(UserId user, ZoneId zone, TaskQuery query) {
        if (query.search() == null) {
            return tasks.list(user, query, now(), zone);
        }
        return readOnly.execute(status -> tasks.list(user, query, now(), zone));
    }

    @Transactional(readOnly = true)
    public List<TagCount> tags(UserId user) {
        return tasks.tags(user);
    }

    private TaskSnapshot update(UserId user, TaskSnapshot before, TaskFields fields, Door door) {
        List<String> changed = changedFields(before, fields);
        if (changed.isEmpty()) {
            return before;
        }
        Instant now = now();
        UUID seriesId = before.seriesId() == null && fields.recurrence() != null ? UUID.randomUUID() : before.seriesId();
        TaskSnapshot after = tasks.update(user, before.id(), fields, seriesId, now);
        events.publishEvent(new TaskUpdated(before.id(), user, after, changed, door, now));
        return after;
    }

    /** Now, at the database's precision, so events carry exactly the instants that are stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private TaskSnapshot lock(UserId user, TaskId id) {
        return tasks.findForUpdate(user, id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(TaskId id) {
        return new NotFoundException("Task " + id + " does not exist");
    }

    private static List<String> changedFields(TaskSnapshot before, TaskFields after) {
        List<String> changed = new ArrayList<>();
        if (!before.title().equals(after.title())) {
            changed.add("title");
        }
        if (!Objects.equals(before.description(), after.description())) {
            changed.add("description");
        }
        if (before.priority() != after.priority()) {
            changed.add("priority");
        }
        if (!before.tags().equals(after.tags())) {
            changed.add("tags");
        }
        if (!Objects.equals(before.dueAt(), after.dueAt())) {
            changed.add("dueAt");
        }
        if (before.allDay() != after.allDay()) {
            changed.add("allDay");
        }
        if (!Objects.equals(before.recurrence(), after.recurrence())) {
            changed.add("recurrence");
        }
        if (!before.reminders().equals(after.reminders())) {
            changed.add("reminders");
        }
        return changed;
    }
}
