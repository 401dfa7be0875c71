package io.taskstream.notification;

import java.time.Instant;
import java.util.UUID;

/** A stored in-app notification of one reminder firing. */
record Notification(long id, UUID userId, UUID firingId, long taskId, String reminderId, String title, Instant dueAt,
        Instant remindAt, Instant firedAt, boolean late, Instant readAt) {

    boolean read() {
        return readAt != null;
    }
}
