package io.taskstream.reminder;

import io.taskstream.account.AccountDeleted;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.task.TaskEvent;
import io.taskstream.task.TaskEvent.TaskCompleted;
import io.taskstream.task.TaskEvent.TaskCreated;
import io.taskstream.task.TaskEvent.TaskDeleted;
import io.taskstream.task.TaskEvent.TaskUncompleted;
import io.taskstream.task.TaskEvent.TaskUpdated;
import io.taskstream.task.TaskSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a task's scheduled reminders in step with the task, inside the transaction of the change (the
 * listener runs synchronously in it and the {@link ReminderScheduler} writes through the transaction's
 * connection), so a committed change always has exactly its reminders scheduled and a rolled-back one
 * none. Reminder ids are deterministic ({@code <task>-<index>}): rescheduling replaces. Completing or
 * deleting cancels every pending reminder of the task, snoozes included.
 */
@Component
class ReminderScheduling implements Snoozes {

    static final String TASK_NAME = "reminder";
    private static final Set<String> SCHEDULE_FIELDS = Set.of("dueAt", "allDay", "reminders");

    private final ReminderScheduler scheduler;
    private final ReminderMeters meters;
    private final UserDirectory users;
    private final ReminderProperties properties;
    private final Clock clock;

    ReminderScheduling(ReminderScheduler scheduler, UserDirectory users, ReminderProperties properties, Clock clock,
            ReminderMeters meters) {
        this.meters = meters;
        this.scheduler = scheduler;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(TaskEvent event) {
        switch (event) {
            case TaskCreated created -> schedule(created.task(), false);
            case TaskUncompleted uncompleted -> schedule(uncompleted.task(), true);
            case TaskUpdated updated when updated.changedFields().stream().anyMatch(SCHEDULE_FIELDS::contains) ->
                    schedule(updated.task(), true);
            case TaskUpdated ignored -> { }
            case TaskCompleted completed -> scheduler.cancel(completed.taskId().value(), true);
            case TaskDeleted deleted -> scheduler.cancel(deleted.taskId().value(), true);
        }
    }

    /** The account is being deleted, in this transaction: its pending reminders go with it. */
    @EventListener
    void on(AccountDeleted deleted) {
        scheduler.cancelAllOf(deleted.user().value());
    }

    @Override
    public void snooze(UserId user, long taskId, String key, Instant at) {
        String id = taskId + "-snooze-" + key;
        scheduler.schedule(new ReminderJob(taskId, user.value(), id, at, -1));
        meters.scheduled(1);
    }

    private void schedule(TaskSnapshot task, boolean replacing) {
        if (replacing) {
            scheduler.cancel(task.id().value(), false);
        }
        if (task.completed() || task.reminders().isEmpty()) {
            return;
        }
        ZoneId zone = users.zoneOf(task.userId());
        Instant now = clock.instant();
        List<io.taskstream.task.Reminder> reminders = task.reminders();
        int scheduled = 0;
        for (int i = 0; i < reminders.size(); i++) {
            Optional<Instant> at = ReminderTimes.fireAt(reminders.get(i), task, zone, properties.allDayAt());
            if (at.isEmpty() || at.get().isBefore(now)) {
                continue; // a moment already past when it was set is not worth a late alarm
            }
            String id = task.id() + "-" + i;
            scheduler.schedule(new ReminderJob(task.id().value(), task.userId().value(), id, at.get(), i));
            scheduled++;
        }
        meters.scheduled(scheduled);
    }
}
