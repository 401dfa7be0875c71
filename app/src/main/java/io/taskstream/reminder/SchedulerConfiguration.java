package io.taskstream.reminder;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.taskstream.account.UserDirectory;
import io.taskstream.events.EventsProperties;
import io.taskstream.events.Outbox;
import io.taskstream.platform.config.DaprProperties;
import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import io.taskstream.task.TaskService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * db-scheduler wiring. The executing scheduler (the Boot 4 starter's, {@code db-scheduler.enabled}) runs
 * where a role executes scheduled work (reminders); every other process only writes executions, through a
 * plain client. Both write through a transaction-aware DataSource, so scheduling joins the caller's
 * transaction. Execution data is JSON, not Java serialization.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    DbSchedulerCustomizer dbSchedulerCustomizer(JsonMapper json, ObjectProvider<Task<?>> tasks,
            ObjectProvider<DbSchedulerProperties> properties) {
        boolean utc = properties.getIfAvailable(DbSchedulerProperties::new).isAlwaysPersistTimestampInUtc();
        Serializer serializer = new JsonSerializer(json);
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(serializer);
            }

            @Override
            public Optional<JdbcCustomization> jdbcCustomization() {
                return Optional.of(new OwnTasksOnly(utc,
                        tasks.orderedStream().map(Task::getName).toList()));
            }
        };
    }

    /** Where pending reminders live: db-scheduler executions, or Dapr jobs ({@code taskstream.reminders.scheduler}). */
    @Bean
    ReminderScheduler reminderScheduler(ReminderProperties properties, ObjectProvider<SchedulerClient> dbScheduler,
            ObjectProvider<ScheduledExecutionRepository> executions, ObjectProvider<DaprJobRepository> daprJobs,
            Clock clock) {
        return switch (properties.scheduler()) {
            case DB_SCHEDULER -> new DbSchedulerReminders(dbScheduler.getObject(), executions.getObject());
            case DAPR -> new DaprJobReminders(daprJobs.getObject(), clock);
        };
    }

    /** Where no scheduler executes here: a client that only schedules and cancels. */
    @Bean
    @ConditionalOnBooleanProperty(name = "db-scheduler.enabled", havingValue = false)
    SchedulerClient schedulingOnlyClient(DataSource dataSource, JsonMapper json) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource))
                .serializer(new JsonSerializer(json))
                .enablePriority()
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(Role.REMINDERS)
    static class Executor {

        @Bean
        ReminderFiring reminderFiring(TaskService tasks, UserDirectory users, Outbox outbox, ReminderRepository firings,
                ScheduledExecutionRepository executions,
                TransactionTemplate tx, JsonMapper json, ReminderProperties properties, EventsProperties events,
                Clock clock, MeterRegistry meters, ObjectProvider<Tracer> tracer) {
            return new ReminderFiring(tasks, users, outbox, firings, executions, tx, json, properties, events, clock,
                    new FiringMeters(meters),
                    tracer.getIfAvailable(() -> Tracer.NOOP));
        }

        @Bean
        OverdueReminders overdueReminders(ReminderRepository reminders, ReminderProperties properties, Clock clock,
                MeterRegistry meters) {
            return new OverdueReminders(reminders, properties, clock, meters);
        }

        @Bean
        Task<ReminderJob> reminderTask(ReminderFiring firing) {
            return Tasks.oneTime(ReminderFiring.DESCRIPTOR)
                    .onDeadExecutionRevive()
                    .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1), 2.0))
                    .execute((instance, context) -> firing.fire(instance.getData()));
        }
    }

    /** The Dapr Jobs scheduler's sending side, where reminders fire (ADR 023); {@link DaprJobCallback} is the other half. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(Role.REMINDERS)
    @ConditionalOnProperty(name = "taskstream.reminders.scheduler", havingValue = "dapr")
    static class DaprJobs {

        @Bean
        DaprJobsClient daprJobsClient(JsonMapper json, DaprProperties sidecar) {
            return new DaprJobsClient(json, sidecar);
        }

        @Bean
        DaprJobSender daprJobSender(DaprJobRepository jobs, TransactionTemplate tx, DaprJobsClient dapr,
                ReminderFiring firing, ReminderProperties properties, Clock clock) {
            return new DaprJobSender(jobs, tx, dapr, firing, properties, clock);
        }
    }

    /**
     * Polls only the executions of the tasks this process runs. With db-scheduler's own lock-and-fetch, a process
     * running one executing role (reminders or notifier, as in the Helm chart's groups) meets the other role's
     * due executions, records that task name as unresolved, and after {@code delete-unresolved-after} deletes
     * every execution of it: a notifier-only process deleted all pending reminders (reproduced with that setting
     * at 5 s). Here the lock-and-fetch is the two-statement variant (select for update skip locked, then mark
     * picked, in one transaction) restricted to this process's task names, so it never meets the others.
     */
    static final class OwnTasksOnly extends PostgreSqlJdbcCustomization {

        private final String ownTasks;

        OwnTasksOnly(boolean persistTimestampInUtc, List<String> taskNames) {
            super(true, persistTimestampInUtc); // (useGenericLockAndFetch, persistTimestampInUTC)
            this.ownTasks = taskNames.isEmpty() ? " and false"
                    : taskNames.stream().map(name -> "'" + name.replace("'", "''") + "'")
                            .collect(Collectors.joining(", ", " and task_name in (", ")"));
        }

        @Override
        public String createGenericSelectForUpdateQuery(String tableName, int limit, String requiredAndCondition,
                boolean orderByPriority) {
            return super.createGenericSelectForUpdateQuery(tableName, limit, requiredAndCondition + ownTasks, orderByPriority);
        }

        @Override
        public String createSelectDueQuery(String tableName, int limit, String andCondition, boolean orderByPriority) {
            return super.createSelectDueQuery(tableName, limit, andCondition + ownTasks, orderByPriority);
        }
    }

    /** Execution data as JSON through the application's mapper. */
    record JsonSerializer(JsonMapper json) implements Serializer {

        @Override
        public byte[] serialize(Object data) {
            return data == null ? null : json.writeValueAsBytes(data);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] data) {
            return data == null ? null : json.readValue(data, type);
        }
    }
}
