package io.taskstream.recurrence;

import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.calendar.InvalidRecurrenceRuleException;
import io.taskstream.calendar.Occurrence;
import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventHandler;
import io.taskstream.events.Topic;
import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import io.taskstream.task.TaskId;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * On {@code taskstream.task.completed} of a recurring task, creates its next occurrence. Exactly one per
 * completed occurrence whatever happens (redelivery, complete/uncomplete/complete, racing replicas): the
 * dispatcher skips an event already applied, and the task module's unique link from an occurrence to the
 * one it follows refuses a second next occurrence for a different event about the same completion.
 * What the event says is checked against the task as stored: the task must exist, belong to the event's user,
 * and still be completed and recurring, else the event is dropped (logged, neither retried nor dead-lettered).
 */
@Component
@ConditionalOnRole(Role.RECURRENCE)
class NextOccurrenceHandler implements EventHandler {

    static final String COMPLETED = "taskstream.task.completed";
    private static final Logger log = LoggerFactory.getLogger(NextOccurrenceHandler.class);

    private final TaskService tasks;
    private final UserDirectory users;
    private final Clock clock;

    NextOccurrenceHandler(TaskService tasks, UserDirectory users, Clock clock) {
        this.tasks = tasks;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "recurrence";
    }

    @Override
    public Topic topic() {
        return Topic.TASK_EVENTS;
    }

    /** Only completions: the other task events pass by without a transaction. */
    @Override
    public boolean accepts(CloudEvent event) {
        return COMPLETED.equals(event.type());
    }

    @Override
    public void handle(CloudEvent event) {
        if (!COMPLETED.equals(event.type()) || event.data() == null) {
            return;
        }
        JsonNode task = event.data().path("task");
        if (task.path("recurrence").isNull() || task.path("recurrence").isMissingNode()) {
            return;
        }
        UserId user = UserId.of(event.userid());
        TaskId id = new TaskId(event.data().get("taskId").asLong());
        Optional<TaskSnapshot> current = tasks.find(user, id);
        if (current.isEmpty()) {
            // Deleted since it was completed, or never this user's: the event's word is not taken for it.
            log.info("Completion of task {} dropped: no such task for user {}", id, user);
            return;
        }
        if (!current.get().completed() || current.get().recurrence() == null || current.get().dueAt() == null) {
            log.debug("Completion of task {} dropped: it is no longer completed and recurring", id);
            return;
        }
        TaskSnapshot done = current.get();
        Instant completedAt = task.hasNonNull("completedAt")
                ? Instant.parse(task.get("completedAt").asString()) : event.time();
        ZoneId zone = users.zoneOf(user);
        Optional<Occurrence> next;
        try {
            next = NextOccurrence.after(done.recurrence(), done.dueAt(), done.allDay(), done.occurrence(), completedAt,
                    clock.instant(), zone);
        } catch (InvalidRecurrenceRuleException e) {
            // Stored before rules were checked for having any date: retrying cannot help, so the task is treated
            // as not recurring (the rule stays for the user to replace; the occurrence preview says why).
            log.info("Task {} has a recurrence rule that cannot be expanded ({}); no next occurrence", id, e.getMessage());
            return;
        }
        if (next.isEmpty()) {
            log.debug("Series of task {} has ended", id);
            return;
        }
        tasks.createNextOccurrence(user, id, next.get().at().toInstant(), next.get().index())
                .ifPresentOrElse(created -> log.debug("Task {} follows task {} in its series", created.id(), id),
                        () -> log.debug("Task {} already has its next occurrence", id));
    }
}
