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
 * The gauge {@code taskstream.reminders.overdue}: reminders planned more than {@code overdue.after} (a minute) ago
 * that have not fired (missed: no scheduler picks them up, Dapr never triggers their job, or firing them keeps
 * failing), whichever scheduler keeps them. Counted where reminders fire, every {@code overdue.refresh}, not at each
 * scrape: the count scans the pending reminders.
 */
class OverdueReminders {

    private static final Logger log = LoggerFactory.getLogger(OverdueReminders.class);

    private final ReminderRepository reminders;
    private final Clock clock;
    private final Duration after;
    private final AtomicLong overdue = new AtomicLong();

    OverdueReminders(ReminderRepository reminders, ReminderProperties properties, Clock clock, MeterRegistry meters) {
        this.reminders = reminders;
        this.clock = clock;
        this.after = properties.overdue().after();
        Gauge.builder("taskstream.reminders.overdue", overdue, AtomicLong::get)
                .description("reminders more than a minute past their time and not fired").register(meters);
    }

    @Scheduled(fixedDelayString = "#{@'" + ReminderProperties.BEAN + "'.overdue().refresh()}", initialDelayString = "PT1S")
    void refresh() {
        try {
            overdue.set(reminders.countNotFiredBefore(clock.instant().minus(after)));
        } catch (RuntimeException e) {
            log.debug("Could not count overdue reminders: {}", e.toString());
        }
    }
}
