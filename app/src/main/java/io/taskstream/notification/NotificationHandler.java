package io.taskstream.notification;

import io.taskstream.account.UserId;
import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventHandler;
import io.taskstream.events.EventsProperties;
import io.taskstream.events.Outbox;
import io.taskstream.events.Topic;
import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import io.taskstream.task.TaskId;
import io.taskstream.task.TaskService;
import io.taskstream.task.TaskSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers each fired reminder on the user's channels, in the dispatcher's transaction: the in-app
 * notification and its {@code taskstream.notification.created} live event (on task-updates, keyed by user)
 * are written with the applied-event record, and each outbound channel becomes one delivery row (unique per
 * firing and channel) that the delivery worker sends. A redelivered event adds nothing. A reminder about a task
 * that is gone, completed, or not the named user's notifies nobody.
 */
@Component
@ConditionalOnRole(Role.NOTIFIER)
class NotificationHandler implements EventHandler {

    static final String REMINDER_DUE = "taskstream.reminder.due";
    static final String CREATED = "taskstream.notification.created";

    private static final Logger log = LoggerFactory.getLogger(NotificationHandler.class);

    private final NotificationRepository store;
    private final TaskService tasks;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final Clock clock;
    private final String source;

    NotificationHandler(NotificationRepository store, TaskService tasks, Outbox outbox, Deliveries deliveries, JsonMapper json,
            Clock clock, EventsProperties events) {
        this.store = store;
        this.tasks = tasks;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
        this.source = events.source() + "/notifications";
    }

    @Override
    public String name() {
        return "notifier";
    }

    @Override
    public Topic topic() {
        return Topic.REMINDERS;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!REMINDER_DUE.equals(event.type()) || event.data() == null) {
            return;
        }
        JsonNode data = event.data();
        UUID user = UUID.fromString(data.get("userId").asString());
        long taskId = data.get("taskId").asLong();
        if (!stillDue(event, user, taskId)) {
            return;
        }
        UUID firing = event.eventId();
        NotificationSettings settings = store.settings(user);
        Instant now = clock.instant();
        if (settings.inApp()) {
            Notification fired = new Notification(0, user, firing, data.get("taskId").asLong(),
                    data.get("reminderId").asString(), data.get("title").asString(), instant(data, "dueAt"),
                    instant(data, "remindAt"), instant(data, "firedAt"), data.path("late").asBoolean(false), null);
            store.insert(fired, now).ifPresent(this::announce);
        }
        if (settings.emailEnabled()) {
            deliveries.add(firing, Channel.EMAIL, user, data, now);
        }
        if (settings.webhookEnabled()) {
            deliveries.add(firing, Channel.WEBHOOK, user, data, now);
        }
    }

    /**
     * Whether the task the reminder is about still exists, belongs to the user it names, and is not completed:
     * what the event says is checked against the task as stored, so it cannot make anyone notify a user about
     * someone else's task. Otherwise the event is dropped (logged, neither retried nor dead-lettered).
     */
    private boolean stillDue(CloudEvent event, UUID user, long taskId) {
        if (event.userid() != null && !event.userid().equalsIgnoreCase(user.toString())) {
            log.info("Reminder {} dropped: it names user {} in its data but {} as its user", event.id(), user, event.userid());
            return false;
        }
        Optional<TaskSnapshot> task = tasks.find(UserId.of(user.toString()), new TaskId(taskId));
        if (task.isEmpty()) {
            log.info("Reminder {} dropped: no task {} for user {}", event.id(), taskId, user);
            return false;
        }
        if (task.get().completed()) {
            log.debug("Reminder {} dropped: task {} is completed", event.id(), taskId);
            return false;
        }
        return true;
    }

    private void announce(Notification n) {
        ObjectNode data = json.createObjectNode()
                .put("id", n.id())
                .put("taskId", n.taskId())
                .put("title", n.title())
                .put("dueAt", n.dueAt() == null ? null : n.dueAt().toString())
                .put("remindAt", n.remindAt().toString())
                .put("firedAt", n.firedAt().toString())
                .put("late", n.late())
                .put("read", false)
                .put("userId", n.userId().toString());
        outbox.append(Topic.TASK_UPDATES, CloudEvent.of(source, CREATED, Long.toString(n.id()), clock.instant(),
                n.userId().toString(), data));
    }

    private static Instant instant(JsonNode data, String field) {
        return Optional.ofNullable(data.get(field)).filter(f -> !f.isNull()).map(f -> Instant.parse(f.asString()))
                .orElse(null);
    }
}
