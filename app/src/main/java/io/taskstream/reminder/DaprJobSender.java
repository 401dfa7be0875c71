package io.taskstream.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the committed schedule and cancel requests of {@code reminder_dapr_job} to the sidecar (ADR 023),
 * in the reminders role. Rows are claimed {@code FOR UPDATE SKIP LOCKED}, so replicas share the work; a
 * request the sidecar does not accept is retried with exponential backoff. Scheduling is idempotent (one
 * name per reminder and moment, {@code overwrite}), so a request sent twice after a crash does no harm.
 * A reminder whose moment has come before its job reached Dapr, or that Dapr has not called back
 * {@code lostAfter} past its moment, is fired here, through the same exactly-once firing.
 */
class DaprJobSender {

    private static final Logger log = LoggerFactory.getLogger(DaprJobSender.class);
    private static final int MAX_CANCEL_ATTEMPTS = 10;

    private final DaprJobRepository jobs;
    private final TransactionTemplate tx;
    private final DaprJobsClient dapr;
    private final ReminderFiring firing;
    private final ReminderProperties.Dapr properties;
    private final Clock clock;

    DaprJobSender(DaprJobRepository jobs, TransactionTemplate tx, DaprJobsClient dapr, ReminderFiring firing,
            ReminderProperties properties, Clock clock) {
        this.jobs = jobs;
        this.tx = tx;
        this.dapr = dapr;
        this.firing = firing;
        this.properties = properties.dapr();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "#{@'" + ReminderProperties.BEAN + "'.dapr().pollInterval()}")
    void sendPending() {
        Integer sent;
        do {
            sent = tx.execute(status -> sendBatch());
        } while (sent != null && sent >= properties.batchSize());
    }

    private int sendBatch() {
        Instant now = clock.instant();
        List<DaprJobRepository.Row> rows = jobs.claimDue(now, now.minus(properties.lostAfter()), properties.batchSize());
        for (DaprJobRepository.Row row : rows) {
            switch (row.state()) {
                case "cancelling" -> cancel(row);
                case "pending" -> {
                    if (row.dueAt().isAfter(now)) {
                        schedule(row);
                    } else {
                        fireHere(row, "its moment came before the sidecar accepted the job");
                    }
                }
                default -> fireHere(row, "Dapr did not call back within " + properties.lostAfter());
            }
        }
        return rows.size();
    }

    private void schedule(DaprJobRepository.Row row) {
        try {
            dapr.schedule(row.name(), row.job());
            jobs.markScheduled(row.name());
        } catch (Exception e) {
            retryLater(row, e);
        }
    }

    private void cancel(DaprJobRepository.Row row) {
        try {
            dapr.delete(row.name());
        } catch (Exception e) {
            if (row.attempts() + 1 < MAX_CANCEL_ATTEMPTS) {
                retryLater(row, e);
                return;
            }
            // harmless to leave at the sidecar: a callback for a job no row names fires nothing
            log.warn("Giving up deleting Dapr job {} after {} attempts", row.name(), MAX_CANCEL_ATTEMPTS, e);
        }
        delete(row);
    }

    private void fireHere(DaprJobRepository.Row row, String why) {
        log.warn("Firing reminder job {} here: {}", row.name(), why);
        firing.fireOne(row.job());
        delete(row);
    }

    private void retryLater(DaprJobRepository.Row row, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Duration backoff = Duration.ofMillis(Math.min(properties.maxBackoff().toMillis(),
                properties.pollInterval().toMillis() << Math.min(row.attempts(), 20)));
        log.warn("Dapr job request {} ({}) failed, attempt {}; retrying in {}: {}", row.name(), row.state(),
                row.attempts() + 1, backoff, e.toString());
        jobs.retryAt(row.name(), clock.instant().plus(backoff), String.valueOf(e.getMessage()));
    }

    private void delete(DaprJobRepository.Row row) {
        jobs.delete(row.name());
    }

}
