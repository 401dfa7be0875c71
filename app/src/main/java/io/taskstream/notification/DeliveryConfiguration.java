package io.taskstream.notification;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.taskstream.account.UserDirectory;
import io.taskstream.notification.Deliveries.Delivery;
import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The notifier's outbound channels and the db-scheduler task that runs their deliveries, with backoff. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.NOTIFIER)
class DeliveryConfiguration {

    @Bean
    EmailChannel emailChannel(ObjectProvider<JavaMailSender> mail, UserDirectory users, NotificationProperties properties) {
        return new EmailChannel(mail, users, properties);
    }

    @Bean
    WebhookChannel webhookChannel(NotificationProperties properties, NotificationRepository store, Clock clock) {
        return new WebhookChannel(properties, store, clock);
    }

    @Bean
    DeliveryWorker deliveryWorker(TransactionTemplate tx, JsonMapper json, NotificationRepository store,
            EmailChannel email, WebhookChannel webhook, NotificationProperties properties, Clock clock,
            MeterRegistry meters) {
        return new DeliveryWorker(tx, json, store, email, webhook, properties, clock, meters);
    }

    /**
     * Runs each delivery once and, when it asks for another attempt, runs it again after the pause it names. Only an
     * unexpected exception (the database gone, a bug) goes to the failure handler, with the same backoff.
     */
    @Bean
    Task<Delivery> notificationDeliveryTask(DeliveryWorker worker, NotificationProperties properties) {
        return Tasks.custom(Deliveries.DESCRIPTOR)
                .onDeadExecutionRevive()
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.delivery().initialBackoff(), 2.0))
                .execute((instance, context) -> worker.deliver(instance.getData())
                        .<CompletionHandler<Delivery>>map(pause -> (complete, operations) ->
                                operations.reschedule(complete, complete.getTimeDone().plus(pause)))
                        .orElseGet(CompletionHandler.OnCompleteRemove::new));
    }
}
