package io.taskstream.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

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

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final DaprJobsClient dapr;
    private final ReminderFiring firing;
    private final ReminderProperties.Dapr properties;
    private final Clock clock;

    DaprJobSender(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, DaprJobsClient dapr, ReminderFiring firing,
            ReminderProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
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
        List<Row> rows = jdbc.sql("select name, job::text, due_at, state, attempts from reminder_dapr_job "
                        + "where (state <> 'scheduled' and next_attempt_at <= :now) or (state = 'scheduled' and due_at <= :lost) "
                        + "order by next_attempt_at limit :limit for update skip locked")
                .param("now", Timestamp.from(now))
                .param("lost", Timestamp.from(now.minus(properties.lostAfter())))
                .param("limit", properties.batchSize())
                .query((rs, n) -> new Row(rs.getString(1), json.readValue(rs.getString(2), ReminderJob.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getInt(5)))
                .list();
        for (Row row : rows) {
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

    private void schedule(Row row) {
        try {
            dapr.schedule(row.name(), row.job());
            jdbc.sql("update reminder_dapr_job set state = 'scheduled', attempts = 0, last_error = null where name = :name")
                    .param("name", row.name())
                    .update();
        } catch (Exception e) {
            retryLater(row, e);
        }
    }

    private void cancel(Row row) {
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

    private void fireHere(Row row, String why) {
        log.warn("Firing reminder job {} here: {}", row.name(), why);
        firing.fireOne(row.job());
        delete(row);
    }

    private void retryLater(Row row, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Duration backoff = Duration.ofMillis(Math.min(properties.maxBackoff().toMillis(),
                properties.pollInterval().toMillis() << Math.min(row.attempts(), 20)));
        log.warn("Dapr job request {} ({}) failed, attempt {}; retrying in {}: {}", row.name(), row.state(),
                row.attempts() + 1, backoff, e.toString());
        jdbc.sql("update reminder_dapr_job set attempts = attempts + 1, next_attempt_at = :next, last_error = :error "
                        + "where name = :name")
                .param("next", Timestamp.from(clock.instant().plus(backoff)))
                .param("error", String.valueOf(e.getMessage()))
                .param("name", row.name())
                .update();
    }

    private void delete(Row row) {
        jdbc.sql("delete from reminder_dapr_job where name = :name").param("name", row.name()).update();
    }

    private record Row(String name, ReminderJob job, Instant dueAt, String state, int attempts) {
    }
}
