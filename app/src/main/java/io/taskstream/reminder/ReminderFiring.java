package io.taskstream.reminder;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventsProperties;
import io.taskstream.events.Outbox;
import io.taskstream.events.Topic;
import io.taskstream.task.TaskId;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fires a reminder: in one transaction, records the firing (once per reminder and planned moment, by
 * primary key, so a re-run of the execution after a crash fires nothing twice) and appends
 * {@code taskstream.reminder.due} to the outbox. A reminder whose task is gone or completed, or whose
 * moment the task no longer plans (a change raced the scheduler), fires nothing.
 */
class ReminderFiring {

    static final TaskDescriptor<ReminderJob> DESCRIPTOR = TaskDescriptor.of(ReminderScheduling.TASK_NAME, ReminderJob.class);
    static final String EVENT_TYPE = "taskstream.reminder.due";
    private static final Logger log = LoggerFactory.getLogger(ReminderFiring.class);

    private final TaskService tasks;
    private final UserDirectory users;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ReminderProperties properties;
    private final Clock clock;
    private final String source;
    private final Timer lateness;

    ReminderFiring(TaskService tasks, UserDirectory users, Outbox outbox, JdbcClient jdbc, TransactionTemplate tx,
            JsonMapper json, ReminderProperties properties, EventsProperties events, Clock clock, MeterRegistry meters) {
        this.tasks = tasks;
        this.users = users;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.source = events.source() + "/reminders";
        this.lateness = Timer.builder("taskstream.reminders.lateness").description("firing time minus planned time")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Returns whether the reminder fired now (false: stale, or already fired). */
    boolean fire(ReminderJob job) {
        return Boolean.TRUE.equals(tx.execute(status -> fireInTransaction(job)));
    }

    private boolean fireInTransaction(ReminderJob job) {
        UserId user = new UserId(job.userId());
        Optional<TaskSnapshot> found = tasks.find(user, new TaskId(job.taskId()));
        if (found.isEmpty() || found.get().completed() || !stillPlanned(found.get(), job)) {
            log.debug("Reminder {} at {} is stale; not fired", job.reminderId(), job.remindAt());
            return false;
        }
        TaskSnapshot task = found.get();
        Instant firedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration late = Duration.between(job.remindAt(), firedAt);
        boolean isLate = late.compareTo(properties.lateAfter()) >= 0;
        UUID firing = UUID.nameUUIDFromBytes((job.reminderId() + "@" + job.remindAt()).getBytes(StandardCharsets.UTF_8));
        int fresh = jdbc.sql("insert into reminder_firing (id, user_id, task_id, reminder_id, remind_at, fired_at, late) "
                        + "values (:id, :user, :task, :reminder, :remindAt, :firedAt, :late) on conflict do nothing")
                .param("id", firing)
                .param("user", job.userId())
                .param("task", job.taskId())
                .param("reminder", job.reminderId())
                .param("remindAt", Timestamp.from(job.remindAt()))
                .param("firedAt", Timestamp.from(firedAt))
                .param("late", isLate)
                .update();
        if (fresh == 0) {
            log.debug("Reminder {} at {} already fired", job.reminderId(), job.remindAt());
            return false;
        }
        ObjectNode data = json.createObjectNode()
                .put("taskId", task.id().value())
                .put("title", task.title())
                .put("dueAt", task.dueAt() == null ? null : task.dueAt().toString())
                .put("remindAt", job.remindAt().toString())
                .put("userId", user.toString())
                .put("reminderId", job.reminderId())
                .put("late", isLate)
                .put("firedAt", firedAt.toString());
        outbox.append(Topic.REMINDERS, new CloudEvent(CloudEvent.SPEC_VERSION, firing.toString(), source, EVENT_TYPE,
                task.id().toString(), firedAt, "application/json", user.toString(), null, null, data));
        lateness.record(late.isNegative() ? Duration.ZERO : late);
        if (isLate) {
            log.info("Reminder {} fired {} late (planned {})", job.reminderId(), late, job.remindAt());
        }
        return true;
    }

    /** A task reminder still planned for this moment; snoozes are always still planned. */
    private boolean stillPlanned(TaskSnapshot task, ReminderJob job) {
        if (job.index() < 0) {
            return true;
        }
        if (job.index() >= task.reminders().size()) {
            return false;
        }
        return ReminderTimes.fireAt(task.reminders().get(job.index()), task, users.zoneOf(task.userId()),
                        properties.allDayAt())
                .map(at -> at.truncatedTo(ChronoUnit.MILLIS).equals(job.remindAt().truncatedTo(ChronoUnit.MILLIS)))
                .orElse(false);
    }
}
