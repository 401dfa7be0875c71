package io.taskstream.reminder;

import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the sidecar triggers a due job: {@code POST /job/{name}} on the app that scheduled it
 * (https://docs.dapr.io/developing-applications/building-blocks/jobs/howto-schedule-and-handle-triggered-jobs/).
 * The job is read from {@code reminder_dapr_job}, not from the body, and fired through the same
 * exactly-once path as db-scheduler's executions; a job no row names (cancelled, or fired already: Dapr
 * triggers at least once) fires nothing. Only the sidecar may call: the platform's {@code DaprCallbackFilter}
 * refuses any call without the app API token ({@code APP_API_TOKEN}, sent as {@code dapr-api-token},
 * https://docs.dapr.io/operations/security/app-api-token/; ADR 033).
 * Answers 200 when handled, so Dapr does not retry; an error answers 500, and Dapr retries.
 */
@RestController
@ConditionalOnRole(Role.REMINDERS)
@ConditionalOnProperty(name = "taskstream.reminders.scheduler", havingValue = "dapr")
class DaprJobCallback {

    private static final Logger log = LoggerFactory.getLogger(DaprJobCallback.class);

    private final DaprJobRepository jobs;
    private final TransactionTemplate tx;
    private final ReminderFiring firing;

    DaprJobCallback(DaprJobRepository jobs, TransactionTemplate tx, ReminderFiring firing) {
        this.jobs = jobs;
        this.tx = tx;
        this.firing = firing;
    }

    @PostMapping("/job/{name}")
    ResponseEntity<Void> trigger(@PathVariable String name) {
        tx.executeWithoutResult(status -> {
            Optional<ReminderJob> job = jobs.lockToFire(name);
            if (job.isEmpty()) {
                log.debug("Dapr triggered job {}, which is cancelled or fired already; nothing to do", name);
                return;
            }
            firing.fireOne(job.get());
            jobs.delete(name);
        });
        return ResponseEntity.ok().build();
    }
}
