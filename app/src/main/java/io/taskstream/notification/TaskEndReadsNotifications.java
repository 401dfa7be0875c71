package io.taskstream.notification;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventHandler;
import io.taskstream.events.Topic;
import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * When a task is completed or deleted, its unread notifications become read: a reminder about something done or
 * gone needs no more attention, on any tab or device. The change is announced on the live stream in the same
 * transaction. A redelivered event finds nothing unread and announces nothing; only the event's user's
 * notifications of that task are touched.
 */
@Component
@ConditionalOnRole(Role.NOTIFIER)
class TaskEndReadsNotifications implements EventHandler {

    static final String COMPLETED = "taskstream.task.completed";
    static final String DELETED = "taskstream.task.deleted";

    private final NotificationRepository store;
    private final ReadAnnouncements announcements;
    private final Clock clock;

    TaskEndReadsNotifications(NotificationRepository store, ReadAnnouncements announcements, Clock clock) {
        this.store = store;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "notification-reads";
    }

    @Override
    public Topic topic() {
        return Topic.TASK_EVENTS;
    }

    /** Only completions and deletions: the other task events pass by without a transaction. */
    @Override
    public boolean accepts(CloudEvent event) {
        return COMPLETED.equals(event.type()) || DELETED.equals(event.type());
    }

    @Override
    public void handle(CloudEvent event) {
        if (!accepts(event) || event.data() == null || event.userid() == null || !event.data().has("taskId")) {
            return;
        }
        UUID user = UUID.fromString(event.userid());
        List<Long> read = store.readOfTask(user, event.data().get("taskId").asLong(), clock.instant());
        announcements.announce(user, read, true);
    }
}
