package io.taskstream.task;

import io.taskstream.account.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A committed fact about a task, published in the same transaction as the change. Immutable,
 * named in the past tense.
 */
public sealed interface TaskEvent {

    TaskId taskId();

    UserId userId();

    /** The task after the change (before it, for a deletion). */
    TaskSnapshot task();

    Door door();

    Instant occurredAt();

    record TaskCreated(TaskId taskId, UserId userId, TaskSnapshot task, Door door, Instant occurredAt)
            implements TaskEvent {
    }

    record TaskUpdated(TaskId taskId, UserId userId, TaskSnapshot task, List<String> changedFields, Door door,
            Instant occurredAt) implements TaskEvent {

        public TaskUpdated {
            changedFields = List.copyOf(changedFields);
        }
    }

    record TaskCompleted(TaskId taskId, UserId userId, TaskSnapshot task, Door door, Instant occurredAt)
            implements TaskEvent {
    }

    record TaskUncompleted(TaskId taskId, UserId userId, TaskSnapshot task, Door door, Instant occurredAt)
            implements TaskEvent {
    }

    record TaskDeleted(TaskId taskId, UserId userId, TaskSnapshot task, Door door, Instant occurredAt)
            implements TaskEvent {
    }
}
