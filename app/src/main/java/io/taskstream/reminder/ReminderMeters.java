package io.taskstream.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reminders scheduled and fired, and how late they fired, counted when the transaction that schedules or fires
 * them commits (a rolled-back change schedules nothing, a rolled-back firing fires nothing). The lateness is a
 * histogram with fixed buckets, 5 s being the reminder objective's bound, so that Prometheus sums it across
 * replicas and computes the share fired within 5 s.
 */
@Component
class ReminderMeters {

    /** Lateness bucket bounds: 5 s is the objective ("fired within 5 s of its time"). */
    static final List<Duration> LATENESS_BUCKETS = List.of(Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5));

    private final Counter scheduled;
    private final Counter fired;
    private final Timer lateness;

    ReminderMeters(MeterRegistry meters) {
        scheduled = Counter.builder("taskstream.reminders.scheduled")
                .description("reminders scheduled (a task's reminder moments and snoozes)").register(meters);
        fired = Counter.builder("taskstream.reminders.fired").description("reminders fired").register(meters);
        lateness = Timer.builder("taskstream.reminders.lateness").description("firing time minus planned time")
                .serviceLevelObjectives(LATENESS_BUCKETS.toArray(Duration[]::new))
                .register(meters);
    }

    void scheduled(int count) {
        if (count > 0) {
            afterCommit(() -> scheduled.increment(count));
        }
    }

    /** Reminders fired now, each with how late it fired (zero when early). */
    void fired(List<Duration> latenesses) {
        if (latenesses.isEmpty()) {
            return;
        }
        List<Duration> copy = List.copyOf(latenesses);
        afterCommit(() -> {
            fired.increment(copy.size());
            copy.forEach(late -> lateness.record(late.isNegative() ? Duration.ZERO : late));
        });
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
