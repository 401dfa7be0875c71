package io.taskstream.task;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventsProperties;
import io.taskstream.events.Outbox;
import io.taskstream.events.Topic;
import io.taskstream.task.TaskEvent.TaskCompleted;
import io.taskstream.task.TaskEvent.TaskCreated;
import io.taskstream.task.TaskEvent.TaskDeleted;
import io.taskstream.task.TaskEvent.TaskUncompleted;
import io.taskstream.task.TaskEvent.TaskUpdated;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

/**
 * Turns each {@link TaskEvent} into a CloudEvent on {@code task-events} and {@code task-updates}, in the
 * transaction of the change (the listener runs synchronously inside it): no change without its event,
 * no event without its change.
 */
@Component
class TaskEventsOutboxWriter {

    private final Outbox outbox;
    private final JsonMapper json;
    private final String source;

    TaskEventsOutboxWriter(Outbox outbox, JsonMapper json, EventsProperties properties) {
        this.outbox = outbox;
        this.json = json;
        this.source = properties.source() + "/tasks";
    }

    @EventListener
    void on(TaskEvent event) {
        String name = switch (event) {
            case TaskCreated e -> "created";
            case TaskUpdated e -> "updated";
            case TaskCompleted e -> "completed";
            case TaskUncompleted e -> "uncompleted";
            case TaskDeleted e -> "deleted";
        };
        List<String> changed = event instanceof TaskUpdated updated ? updated.changedFields() : null;
        EventData data = new EventData(name, event.taskId().value(), event.userId().toString(), TaskData.of(event.task()),
                event.occurredAt(), changed, event.door().name().toLowerCase(Locale.ROOT));
        // Serialized once, straight from the record, and embedded as is in both topics' CloudEvents.
        JsonNode payload = JsonNodeFactory.instance.rawValueNode(new RawValue(json.writeValueAsString(data)));
        String type = "taskstream.task." + name;
        String subject = event.taskId().toString();
        String user = event.userId().toString();
        outbox.appendAll(List.of(
                new Outbox.Entry(Topic.TASK_EVENTS, CloudEvent.of(source, type, subject, event.occurredAt(), user, payload)),
                new Outbox.Entry(Topic.TASK_UPDATES, CloudEvent.of(source, type, subject, event.occurredAt(), user, payload))));
    }

    /** The event's {@code data}: its type, the task and its owner, when, what changed and through which door. */
    record EventData(String eventType, long taskId, String userId, TaskData task, Instant timestamp,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<String> changedFields, String door) {
    }

    /** The full task snapshot as events carry it (instants in UTC). */
    record TaskData(long id, String userId, String title, String description, boolean completed, String priority,
            List<String> tags, Instant dueAt, boolean allDay, Recurrence recurrence, UUID seriesId, JsonNode reminders,
            Instant createdAt, Instant updatedAt, Instant completedAt) {

        static TaskData of(TaskSnapshot t) {
            return new TaskData(t.id().value(), t.userId().toString(), t.title(), t.description(), t.completed(),
                    t.priority().json(), t.tags(), t.dueAt(), t.allDay(), t.recurrence(), t.seriesId(), Reminders.toNode(t.reminders()),
                    t.createdAt(), t.updatedAt(), t.completedAt());
        }
    }
}
