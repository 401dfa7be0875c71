package io.taskstream.reminder;

import io.taskstream.account.UserId;
import java.time.Instant;

/** Fires a task's reminder again later. */
public interface Snoozes {

    /**
     * Schedules a reminder of the task at {@code at}, in the caller's transaction. {@code key} names the
     * snooze (say, the notification snoozed): snoozing the same key again before it fires moves it. It
     * fires nothing if the task is completed or gone by then.
     */
    void snooze(UserId user, long taskId, String key, Instant at);
}
