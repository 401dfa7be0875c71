package io.taskstream.reminder;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventsProperties;
import io.taskstream.events.Outbox;
import io.taskstream.events.Topic;
import io.taskstream.platform.db.SqlArrays;
import io.taskstream.task.TaskId;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fires reminders: in one transaction, records each firing (once per reminder and planned moment, by
 * primary key, so a re-run of an execution after a crash fires nothing twice) and appends
 * {@code taskstream.reminder.due} to the outbox. A reminder whose task is gone or completed, or whose
 * moment the task no longer plans (a change raced the scheduler), fires nothing.
 *
 * <p>Bursts fire in bulk: the reminder db-scheduler executes also claims up to {@code fireBatchSize - 1}
 * other due executions that no scheduler has picked (deleting their rows, {@code FOR UPDATE SKIP LOCKED},
 * in the same transaction, so a rollback or crash leaves them to be fired later and two replicas never
 * claim the same one), and fires them all with one task query, one firing insert and one outbox insert.
 * One execution per reminder stays the unit of scheduling and cancelling; only the firing is shared.
 */
class ReminderFiring {

    static final TaskDescriptor<ReminderJob> DESCRIPTOR = TaskDescriptor.of(ReminderScheduling.TASK_NAME, ReminderJob.class);
    static final String EVENT_TYPE = "taskstream.reminder.due";
    private static final Logger log = LoggerFactory.getLogger(ReminderFiring.class);

    private final TaskService tasks;
    private final UserDirectory users;
    private final Outbox outbox;
    private final ReminderRepository firingRecords;
    private final ScheduledExecutionRepository executions;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ReminderProperties properties;
    private final Clock clock;
    private final String source;
    private final FiringMeters meters;
    private final Tracer tracer;

    ReminderFiring(TaskService tasks, UserDirectory users, Outbox outbox, ReminderRepository firingRecords,
            ScheduledExecutionRepository executions, TransactionTemplate tx,
            JsonMapper json, ReminderProperties properties, EventsProperties events, Clock clock, FiringMeters meters,
            Tracer tracer) {
        this.tasks = tasks;
        this.users = users;
        this.outbox = outbox;
        this.firingRecords = firingRecords;
        this.executions = executions;
        this.tx = tx;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.source = events.source() + "/reminders";
        this.meters = meters;
        this.tracer = tracer;
    }

    /**
     * Fires the reminder and, in the same transaction, the other due ones it claims. Returns how many fired
     * now (0: stale, or already fired). Should the batch fail, the reminder alone is fired, so one bad
     * execution cannot hold up the others.
     */
    int fire(ReminderJob job) {
        if (properties.fireBatchSize() > 1) {
            try {
                return inTransaction(() -> fireAll(claimDue(job)));
            } catch (RuntimeException e) {
                log.warn("Firing due reminders in bulk failed; firing {} alone", job.reminderId(), e);
            }
        }
        return fireOne(job);
    }

    /** Fires this reminder alone (the Dapr scheduler's path: its jobs are not in db-scheduler's table). */
    int fireOne(ReminderJob job) {
        return inTransaction(() -> fireAll(List.of(job)));
    }

    /**
     * Runs a firing in one transaction, in a span {@code reminders fire} that starts a trace (sampled like a request's)
     * when tracing is on: the events it writes carry it, so the notifications made of them join the same trace.
     */
    private int inTransaction(IntSupplier work) {
        Span span = tracer.nextSpan().name("reminders fire").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            Integer fired = tx.execute(status -> work.getAsInt());
            int count = fired == null ? 0 : fired;
            span.tag("taskstream.reminders.fired", String.valueOf(count));
            return count;
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The job plus due executions no scheduler has picked, removed from the schedule in this transaction. */
    private List<ReminderJob> claimDue(ReminderJob job) {
        List<ReminderJob> due = new ArrayList<>();
        due.add(job);
        executions.claimDue(clock.instant(), properties.fireBatchSize() - 1)
                .forEach(data -> due.add(json.readValue(data, ReminderJob.class)));
        return due;
    }

    private int fireAll(List<ReminderJob> due) {
        Map<Long, TaskSnapshot> found = new HashMap<>();
        tasks.findAll(due.stream().map(job -> new TaskId(job.taskId())).toList())
                .forEach(task -> found.put(task.id().value(), task));
        Map<UserId, ZoneId> zones = new HashMap<>();
        Instant firedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, Firing> firings = new LinkedHashMap<>();
        for (ReminderJob job : due) {
            TaskSnapshot task = found.get(job.taskId());
            if (task == null || !task.userId().value().equals(job.userId()) || task.completed()
                    || !stillPlanned(task, job, zones)) {
                log.debug("Reminder {} at {} is stale; not fired", job.reminderId(), job.remindAt());
                continue;
            }
            Duration late = Duration.between(job.remindAt(), firedAt);
            UUID id = UUID.nameUUIDFromBytes((job.reminderId() + "@" + job.remindAt()).getBytes(StandardCharsets.UTF_8));
            firings.putIfAbsent(id, new Firing(id, job, task, late, late.compareTo(properties.lateAfter()) >= 0));
        }
        if (firings.isEmpty()) {
            return 0;
        }
        List<Firing> candidates = List.copyOf(firings.values());
        Set<UUID> fresh = new HashSet<>(firingRecords.recordFirings(
                SqlArrays.literal(candidates.stream().map(Firing::id).toList()),
                SqlArrays.literal(candidates.stream().map(f -> f.job().userId()).toList()),
                SqlArrays.literal(candidates.stream().map(f -> f.job().taskId()).toList()),
                SqlArrays.literal(candidates.stream().map(f -> f.job().reminderId()).toList()),
                SqlArrays.literal(candidates.stream().map(f -> f.job().remindAt()).toList()),
                SqlArrays.literal(candidates.stream().map(Firing::late).toList()),
                firedAt));
        List<CloudEvent> events = new ArrayList<>();
        List<Duration> latenesses = new ArrayList<>();
        for (Firing firing : candidates) {
            if (!fresh.contains(firing.id())) {
                log.debug("Reminder {} at {} already fired", firing.job().reminderId(), firing.job().remindAt());
                continue;
            }
            events.add(event(firing, firedAt));
            latenesses.add(firing.lateness());
            if (firing.late()) {
                log.info("Reminder {} fired {} late (planned {})", firing.job().reminderId(), firing.lateness(),
                        firing.job().remindAt());
            }
        }
        outbox.appendAll(Topic.REMINDERS, events);
        meters.fired(latenesses);
        return events.size();
    }

    private CloudEvent event(Firing firing, Instant firedAt) {
        TaskSnapshot task = firing.task();
        ReminderJob job = firing.job();
        ObjectNode data = json.createObjectNode()
                .put("taskId", task.id().value())
                .put("title", task.title())
                .put("dueAt", task.dueAt() == null ? null : task.dueAt().toString())
                .put("remindAt", job.remindAt().toString())
                .put("userId", task.userId().toString())
                .put("reminderId", job.reminderId())
                .put("late", firing.late())
                .put("firedAt", firedAt.toString());
        return new CloudEvent(CloudEvent.SPEC_VERSION, firing.id().toString(), source, EVENT_TYPE,
                task.id().toString(), firedAt, "application/json", task.userId().toString(), null, null, data);
    }

    /** A task reminder still planned for this moment; snoozes are always still planned. */
    private boolean stillPlanned(TaskSnapshot task, ReminderJob job, Map<UserId, ZoneId> zones) {
        if (job.index() < 0) {
            return true;
        }
        if (job.index() >= task.reminders().size()) {
            return false;
        }
        ZoneId zone = zones.computeIfAbsent(task.userId(), users::zoneOf);
        return ReminderTimes.fireAt(task.reminders().get(job.index()), task, zone, properties.allDayAt())
                .map(at -> at.truncatedTo(ChronoUnit.MILLIS).equals(job.remindAt().truncatedTo(ChronoUnit.MILLIS)))
                .orElse(false);
    }

    private record Firing(UUID id, ReminderJob job, TaskSnapshot task, Duration lateness, boolean late) {
    }
}
