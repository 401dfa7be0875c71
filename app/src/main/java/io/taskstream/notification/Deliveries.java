package io.taskstream.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Outbound deliveries: one row per (firing, channel) and one persistent db-scheduler execution that sends
 * it, both in the caller's transaction, so a delivery is neither lost (the execution survives restarts and
 * is retried with backoff) nor made twice (the row's primary key; the sender checks the row's status).
 */
@Component
class Deliveries {

    static final TaskDescriptor<Delivery> DESCRIPTOR = TaskDescriptor.of("notification-delivery", Delivery.class);

    private final NotificationRepository store;
    private final SchedulerClient scheduler;

    Deliveries(NotificationRepository store, SchedulerClient scheduler) {
        this.store = store;
        this.scheduler = scheduler;
    }

    void add(UUID firing, Channel channel, UUID user, JsonNode payload, Instant now) {
        if (store.addDelivery(firing, channel.id(), user, payload.toString(), now)) {
            String id = firing + ":" + channel.id();
            scheduler.schedule(DESCRIPTOR.instance(id).data(new Delivery(firing, channel, user)).scheduledTo(now),
                    ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        }
    }

    /** The data of one delivery execution. */
    record Delivery(UUID firing, Channel channel, UUID user) {
    }
}
