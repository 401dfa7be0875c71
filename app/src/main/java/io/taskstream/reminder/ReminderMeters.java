package io.taskstream.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.platform.db.AfterCommit;
import org.springframework.stereotype.Component;

/**
 * Reminders scheduled, counted when the transaction that schedules them commits (a rolled-back change schedules
 * nothing), in every process that changes tasks.
 */
@Component
class ReminderMeters {

    private final Counter scheduled;

    ReminderMeters(MeterRegistry meters) {
        scheduled = Counter.builder("taskstream.reminders.scheduled")
                .description("reminders scheduled (a task's reminder moments and snoozes)").register(meters);
    }

    void scheduled(int count) {
        if (count > 0) {
            AfterCommit.run(() -> scheduled.increment(count));
        }
    }
}
