package io.taskstream.task;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.task.TaskEvent.TaskCompleted;
import io.taskstream.task.TaskEvent.TaskCreated;
import io.taskstream.task.TaskEvent.TaskDeleted;
import io.taskstream.task.TaskEvent.TaskUncompleted;
import io.taskstream.task.TaskEvent.TaskUpdated;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts committed task changes by change and door ({@code taskstream.task.changes}) and the next occurrences of
 * recurring tasks ({@code taskstream.occurrences}: the tasks the SYSTEM door creates). It hears each
 * {@link TaskEvent} after its transaction commits, so a change that rolls back (a quota refusal, a failed
 * consumer batch that is retried) is never counted, and a retried one is counted once. Every (change, door) pair
 * is registered at zero on start, so rates and alerts see the series before the first change.
 */
@Component
class TaskChangeMeters {

    enum Change {
        CREATED, UPDATED, COMPLETED, REOPENED, DELETED
    }

    private final Map<Change, Map<Door, Counter>> changes = new EnumMap<>(Change.class);
    private final Counter occurrences;

    TaskChangeMeters(MeterRegistry meters) {
        for (Change change : Change.values()) {
            Map<Door, Counter> byDoor = new EnumMap<>(Door.class);
            for (Door door : Door.values()) {
                byDoor.put(door, Counter.builder("taskstream.task.changes")
                        .description("committed task changes, by change and the door they came through")
                        .tag("change", change.name().toLowerCase(Locale.ROOT))
                        .tag("door", door.name().toLowerCase(Locale.ROOT))
                        .register(meters));
            }
            changes.put(change, byDoor);
        }
        // Prometheus: taskstream_occurrences_total (its client drops a "created" suffix, reserved by OpenMetrics).
        occurrences = Counter.builder("taskstream.occurrences")
                .description("next occurrences of recurring tasks created").register(meters);
    }

    @TransactionalEventListener
    void on(TaskEvent event) {
        Change change = switch (event) {
            case TaskCreated created -> Change.CREATED;
            case TaskUpdated updated -> Change.UPDATED;
            case TaskCompleted completed -> Change.COMPLETED;
            case TaskUncompleted uncompleted -> Change.REOPENED;
            case TaskDeleted deleted -> Change.DELETED;
        };
        changes.get(change).get(event.door()).increment();
        if (change == Change.CREATED && event.door() == Door.SYSTEM) {
            occurrences.increment();
        }
    }
}
