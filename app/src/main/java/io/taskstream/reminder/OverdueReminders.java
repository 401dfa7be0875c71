package io.taskstream.reminder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The gauge {@code taskstream.reminders.overdue}: reminders planned more than a minute ago that have not fired
 * (missed: no scheduler picks them up, or firing them keeps failing). Counted where reminders fire, every
 * {@link #REFRESH}, not at each scrape: the count scans the schedule's due executions. With db-scheduler only;
 * the Dapr Jobs scheduler keeps pending reminders in Dapr.
 */
class OverdueReminders {

    /** How far past its time a reminder not yet fired counts as missed. */
    static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);
    static final String REFRESH = "PT15S";
    private static final Logger log = LoggerFactory.getLogger(OverdueReminders.class);

    private final ScheduledExecutionRepository executions;
    private final Clock clock;
    private final boolean counted;
    private final AtomicLong overdue = new AtomicLong();

    OverdueReminders(ScheduledExecutionRepository executions, ReminderProperties properties, Clock clock,
            MeterRegistry meters) {
        this.executions = executions;
        this.clock = clock;
        this.counted = properties.scheduler() == ReminderProperties.Scheduler.DB_SCHEDULER;
        if (!counted) {
            return;
        }
        Gauge.builder("taskstream.reminders.overdue", overdue, AtomicLong::get)
                .description("reminders more than a minute past their time and not fired").register(meters);
    }

    @Scheduled(fixedDelayString = REFRESH, initialDelayString = "PT1S")
    void refresh() {
        if (!counted) {
            return;
        }
        try {
            overdue.set(executions.countDueBefore(clock.instant().minus(OVERDUE_AFTER)));
        } catch (RuntimeException e) {
            log.debug("Could not count overdue reminders: {}", e.toString());
        }
    }
}
