package io.taskstream.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taskstream.platform.db.AfterCommit;
import java.time.Duration;
import java.util.List;

/**
 * Reminders fired and how late, counted when the firing transaction commits (a rolled-back firing fires nothing),
 * only in the process that fires them: another process shows no lateness rather than a lateness of none. The lateness
 * is a histogram with fixed buckets, 5 s being the reminder objective's bound, so that Prometheus sums it across
 * replicas and computes the share fired within 5 s.
 */
final class FiringMeters {

    /** Lateness bucket bounds: 5 s is the objective ("fired within 5 s of its time"). */
    static final List<Duration> LATENESS_BUCKETS = List.of(Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5));

    private final Counter fired;
    private final Timer lateness;

    FiringMeters(MeterRegistry meters) {
        fired = Counter.builder("taskstream.reminders.fired").description("reminders fired").register(meters);
        lateness = Timer.builder("taskstream.reminders.lateness").description("firing time minus planned time")
                .serviceLevelObjectives(LATENESS_BUCKETS.toArray(Duration[]::new))
                .register(meters);
    }

    /** Reminders fired now, each with how late it fired (zero when early). */
    void fired(List<Duration> latenesses) {
        if (latenesses.isEmpty()) {
            return;
        }
        List<Duration> copy = List.copyOf(latenesses);
        AfterCommit.run(() -> {
            fired.increment(copy.size());
            copy.forEach(late -> lateness.record(late.isNegative() ? Duration.ZERO : late));
        });
    }
}
